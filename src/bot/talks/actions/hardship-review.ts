// A decision on a hardship review card: keep (level, next review, notes), resolve (reason) or
// refer upward (reason, next review). The secretary of the entry's branch decides, or a
// secretary above it (the card reaches them when a review is overdue or referred).
import { z } from "zod";
import { hardshipReviewCard, hardshipReviewedCard } from "../../../../cards/talk-review.ts";
import { dayIn } from "../../../domain/zoned-time.ts";
import { ARCHIVE_ROLES } from "../../../domain/aid-rules.ts";
import { checkNextReview, defaultNextReview, HARDSHIP_LEVELS } from "../../../domain/hardship-rules.ts";
import { hasRole } from "../../../domain/roles.ts";
import { must, notAllowed, UserError } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { written } from "../../../store/audit.ts";
import { loadItem } from "../../escalation/item.ts";
import { raiseItem } from "../../escalation/raise.ts";

const stale = () => new UserError("review_stale", { zh: "该档案已复核或已销档，请以最新卡片为准。", en: "This entry was already reviewed or resolved." });

export const hardshipReview = defineAction({
  id: "hardship-review",
  value: z.object({ e: z.coerce.number().int().positive(), r: z.string(), d: z.enum(["keep", "resolve", "refer"]) }),
  form: z.object({
    level: z.enum(HARDSHIP_LEVELS, "请选择困难级别").optional(),
    next: z.string().optional(),
    notes: z.string().trim().max(500, "复核情况请控制在 500 字以内").optional(),
  }),
  async run(ctx, { value, form }) {
    const entry = await ctx.store.aidHardship.findEntry(value.e);
    if (!entry) throw stale();
    const upper = await ctx.store.orgContacts.upperSecretaries(entry.orgId);
    if (!hasRole(ctx.actor, ARCHIVE_ROLES, entry.orgId) && !upper.some((s) => s.personId === ctx.actor.personId)) throw notAllowed();
    if (entry.status !== "ACTIVE" || entry.nextReviewOn !== value.r) throw stale();

    const now = ctx.clock.now();
    const today = dayIn(now, ctx.config.timezone);
    const by = { byId: ctx.actor.personId, at: now };
    const memberName = (await ctx.store.people.personName(entry.personId)) ?? "";
    const needReason = () => {
      if (!form.notes) throw new UserError("reason_missing", { zh: "请在「复核情况 / 原因」中写明原因。", en: "Please give the reason." });
      return form.notes;
    };
    const audit = (changes: Record<string, unknown>) =>
      ctx.audit({ action: `hardship.review.${value.d}`, subjectType: "HardshipEntry", subjectId: entry.id, orgId: entry.orgId, subjectPersonId: entry.personId, changes: changes as object });

    if (value.d === "resolve") {
      const reason = needReason();
      if (!(await ctx.store.aidHardship.resolveEntry(entry, { ...by, reason }))) throw stale();
      await audit({ status: ["ACTIVE", "RESOLVED"], ...written({ reason }) });
      return { toast: { type: "success", text: { zh: "已销档", en: "Resolved" } }, card: hardshipReviewedCard({ memberName, decision: "resolve", byName: ctx.actor.name, reason }) };
    }

    const level = form.level ?? entry.level;
    const next = must(checkNextReview(form.next ?? defaultNextReview(today, level), today));
    if (value.d === "keep") {
      if (!(await ctx.store.hardshipReview.keepEntry(entry, { ...by, level, nextReviewOn: next, notes: form.notes ?? "" }))) throw stale();
      await audit({ level: [entry.level, level], nextReviewOn: [entry.nextReviewOn, next], notes: !!form.notes });
      return { toast: { type: "success", text: { zh: "已复核", en: "Reviewed" } }, card: hardshipReviewedCard({ memberName, decision: "keep", byName: ctx.actor.name, nextReviewOn: next }) };
    }

    const reason = needReason();
    // Referred by a secretary who is already the top of the chain: there is no one above to tell.
    const above = hasRole(ctx.actor, ARCHIVE_ROLES, entry.orgId) ? upper : await ctx.store.orgContacts.upperSecretaries(upper[0]?.orgId ?? entry.orgId);
    if (above.length === 0) throw new UserError("no_upper", { zh: "没有找到上级党组织的书记，无法上报。", en: "No upper organisation secretary to refer to." });
    const historyId = await ctx.store.hardshipReview.referEntry(entry, { ...by, reason, nextReviewOn: next });
    if (historyId === null) throw stale();
    await audit({ referredTo: above.map((s) => s.personId), ...written({ reason }), nextReviewOn: [entry.nextReviewOn, next] });
    // An escalation (REFERRED) too: the entry is then the organisation above's to read and answer (上报事项).
    const item = await loadItem(ctx, "HardshipEntry", entry.id);
    if (item) await raiseItem(ctx, item, { reason: "REFERRED", note: reason, to: above });
    const orgName = (await ctx.store.orgs.orgName(entry.orgId)) ?? "";
    for (const s of above) {
      if (!s.openId) continue;
      const c = hardshipReviewCard({
        entryId: entry.id,
        reviewOn: next,
        memberName,
        orgName,
        level: entry.level,
        causes: entry.causes,
        household: entry.household,
        openedOn: dayIn(entry.createdAt, ctx.config.timezone),
        suggestedNext: defaultNextReview(today, entry.level),
        banner: { zh: `📨 ${orgName}书记${ctx.actor.name}上报：${reason}`, en: `📨 Referred by ${ctx.actor.name} (${orgName}): ${reason}` },
      });
      ctx.send({ openId: s.openId }, { card: c }, `hardship-refer-${entry.id}-${historyId}-${s.personId}`);
    }
    return { toast: { type: "success", text: { zh: "已上报上级党组织", en: "Referred upward" } }, card: hardshipReviewedCard({ memberName, decision: "refer", byName: ctx.actor.name, nextReviewOn: next, reason }) };
  },
});
