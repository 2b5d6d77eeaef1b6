// A secretary answers an item from its card: ANSWERED once (a second answer, or a stale copy, is
// told so), every other secretary's copy redrawn, and the member told: a named one by a private
// card, an anonymous one through the sealed address, whose stored copy is erased here.
import { z } from "zod";
import { SUGGESTION_ACTION, suggestionAnsweredCard } from "../../../../cards/suggestion.ts";
import { checkSuggestionAnswer } from "../../../domain/suggestion.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { suggestionKeys } from "../../../store/suggestions.ts";
import { written } from "../../../store/audit.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction } from "../../context.ts";
import { must } from "../../errors.ts";
import { requireAnswerer, requireSuggestion, secretaryCard } from "../views.ts";

const value = z.object({ s: z.number().int().positive() }).loose();
const form = z.object({ answer: z.string({ message: "请填写答复内容。" }) });

export const suggestionAnswer = defineAction({
  id: SUGGESTION_ACTION.answer,
  value,
  form,
  async run(ctx, { value: v, form: f }) {
    const before = await requireSuggestion(ctx, v.s);
    requireAnswerer(ctx.actor, before);
    const answer = must(checkSuggestionAnswer(f.answer));
    const done = await ctx.store.suggestions.answerSuggestion(before.id, { answer, answeredById: ctx.actor.personId, at: ctx.clock.now() });
    if (!done) {
      return { toast: { type: "info", text: { zh: "这条意见建议已经答复过了，卡片已更新。", en: "It was answered already; the card shows it now." } }, card: await secretaryCard(ctx, await requireSuggestion(ctx, before.id)) };
    }
    const s = done.row;
    await ctx.audit({ action: "suggestion.answer", subjectType: "Suggestion", subjectId: s.id, orgId: s.orgId, subjectPersonId: s.authorId, changes: { status: ["OPEN", "ANSWERED"], ...written({ answer }) } });
    const branch = (await ctx.store.orgs.orgName(s.orgId)) ?? "?";
    const told = suggestionAnsweredCard({ number: requestLabel(s), kind: s.kind, branch, body: s.body, answer, anonymous: s.anonymous });
    if (s.anonymous) {
      if (done.sealedReplyTo) ctx.send({ sealed: done.sealedReplyTo }, { card: told }, suggestionKeys.answer(s.id));
    } else if (s.authorId !== null) {
      const author = await ctx.store.people.personContact(s.authorId);
      if (author?.openId) ctx.send({ openId: author.openId }, { card: told }, suggestionKeys.answer(s.id));
    }
    const card = await secretaryCard(ctx, s);
    await refreshCopies(ctx, await ctx.store.outbox.copiesByKeyPrefix(suggestionKeys.secretaryPrefix(s.id)), card, ctx.inbound.messageId);
    return { toast: { type: "success", text: { zh: "答复已发送给提出的党员。", en: "Your answer was sent." } }, card };
  },
});
