// The 意见建议 form submitted. Named: filed with the author, the secretaries told with the name.
// Anonymous: nothing that leads to the member is written anywhere (docs/privacy.md, "Anonymous
// suggestions"): the click is stored redacted (no operator, no form), the row has no author and
// only a sealed address to answer to, the audit line no actor, the secretaries' cards no name;
// and the member's confirmation is this callback's answer, never an outbox message to them.
import { z } from "zod";
import { SUGGESTION_ACTION, suggestionSubmittedCard } from "../../../../cards/suggestion.ts";
import { checkSuggestionBody, SUGGESTION_KINDS } from "../../../domain/suggestion.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { suggestionKeys } from "../../../store/suggestions.ts";
import { written } from "../../../store/audit.ts";
import { defineAction } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { secretaryCard } from "../views.ts";

const value = z.object({ n: z.union([z.literal(0), z.literal(1)]).optional() }).loose();
const form = z.object({
  kind: z.enum(SUGGESTION_KINDS, { message: "请选择类别（建议、意见或批评）。" }),
  body: z.string({ message: "请填写意见建议的内容。" }),
  who: z.enum(["anonymous", "named"], { message: "请选择署名或匿名。" }).optional(),
});

export const suggestionSubmit = defineAction({
  id: SUGGESTION_ACTION.submit,
  value,
  form,
  // Never stored as sent: the inbox would hold the operator's open_id next to the form's text.
  redact: () => true,
  async run(ctx, { value: v, form: f }) {
    const body = must(checkSuggestionBody(f.body));
    // A form drawn from typed words offers no anonymity (n: 0); one without a choice is anonymous.
    const anonymous = v.n === 1 && (f.who ?? "anonymous") === "anonymous";
    if (v.n !== 1 && f.who === "anonymous") {
      throw new UserError("anonymous_not_offered", { zh: "这张表单只能署名提交。想匿名提交，请只发送「意见建议」四个字，在新表单里填写。", en: "This form is named only; send just \"意见建议\" for one you can submit anonymously." });
    }
    const messageId = ctx.inbound.messageId;
    if (!messageId) throw new UserError("no_form", { zh: "请在「意见建议」表单上提交。", en: "Please submit from the 意见建议 form." });
    const branch = await ctx.store.aidPeople.memberBranch(ctx.actor.personId);
    if (!branch) throw new UserError("no_branch", { zh: "名册中没有您所在的支部，暂时无法提意见建议。", en: "The roster has no branch for you." });
    const at = ctx.clock.now();
    const base = { orgId: branch.orgId, kind: f.kind, body, year: localYear(at, ctx.config.timezone), at, formMessageId: messageId };
    const s = await ctx.store.suggestions.fileSuggestion(
      anonymous ? { ...base, anonymous: true, replyTo: { openId: ctx.actor.openId, lang: ctx.actor.language } } : { ...base, anonymous: false, authorId: ctx.actor.personId },
    );
    if (!s) return { toast: { type: "info", text: { zh: "这张表单已经提交过了。", en: "This form was already submitted." } } };
    await ctx.audit({
      action: "suggestion.submit",
      subjectType: "Suggestion",
      subjectId: s.id,
      orgId: s.orgId,
      subjectPersonId: s.authorId,
      changes: { kind: s.kind, anonymous, ...written({ body }) },
      ...(anonymous ? { anonymous: true } : {}),
    });
    // Every secretary of the branch, an anonymous author among them too (leaving one out would say who it is).
    const secretaries = (await ctx.store.orgContacts.secretariesOf([s.orgId])).filter((c) => c.openId !== null && (anonymous || c.personId !== ctx.actor.personId));
    const card = await secretaryCard(ctx, s);
    for (const c of secretaries) ctx.send({ openId: c.openId! }, { card }, suggestionKeys.secretary(s.id, c.personId));
    return {
      toast: { type: "success", text: anonymous ? { zh: "已匿名提交", en: "Submitted anonymously" } : { zh: "已提交", en: "Submitted" } },
      card: suggestionSubmittedCard({ number: requestLabel(s), kind: s.kind, body: s.body, anonymous, notified: secretaries.length }),
    };
  },
});
