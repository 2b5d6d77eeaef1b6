// 确认移除 / 暂不处理 on a roster re-import's review card (src/roster/review.ts). Confirming
// ends, in this one transaction, what the file no longer states: a person missing from it
// leaves the organisation (a 离开 change, so their open items close as 名册移除 and the
// secretary may undo it within the grace period, as any change); a person the file lists in
// another branch of the system is transferred there (their talks, archive entry, visits and
// pairings go along); a role no longer given ends. Memberships become ENDED, never deleted.
import { z } from "zod";
import { rosterReviewedCard } from "../../../../cards/roster-review.ts";
import { hasRole } from "../../../domain/roles.ts";
import { ROSTER_REMOVAL_REASON, rolesText, type ReviewItem } from "../../../domain/roster-review.ts";
import { refreshCopies } from "../../card-copies.ts";
import { defineAction, todayOf, type ActionContext } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";

export const ROSTER_REVIEW_ACTION = "roster-review";

export const rosterReview = defineAction({
  id: ROSTER_REVIEW_ACTION,
  value: z.object({ review: z.number().int().positive(), d: z.enum(["confirm", "discard"]) }),
  async run(ctx, { value }) {
    const review = await ctx.store.rosterReview.reviewForDecision(value.review);
    if (!review) throw new UserError("review_missing", { zh: "找不到这份名册变动清单。", en: "This roster review no longer exists." });
    // The branch's secretary decides; a card that went upward (no secretary on Lark) may be decided there.
    const orgs = await ctx.store.rosterReview.orgAndAbove(review.orgId);
    if (!orgs.some((o) => hasRole(ctx.actor, ["SECRETARY"], o))) throw notAllowed();
    if (review.status !== "PENDING") {
      const why = review.status === "APPLIED" ? { zh: "这份清单已确认过，无需再次处理。", en: "This review was already confirmed." } : { zh: "这份清单已处理（暂不处理，或已被新导入的名册取代）。", en: "This review was already settled, or replaced by a newer import." };
      throw new UserError("review_decided", why);
    }

    const today = todayOf(ctx);
    const skipped = value.d === "confirm" ? await confirm(ctx, review.orgId, review.plan.items, today) : [];
    const status = value.d === "confirm" ? "APPLIED" : "DISCARDED";
    if (!(await ctx.store.rosterReview.decideReview(review.id, { status, byId: ctx.actor.personId, at: ctx.clock.now() }))) {
      throw new UserError("review_decided", { zh: "这份清单刚刚已被处理。", en: "This review was just settled." });
    }
    await ctx.audit({
      action: value.d === "confirm" ? "roster.review.confirm" : "roster.review.discard",
      subjectType: "RosterReview",
      subjectId: review.id,
      orgId: review.orgId,
      changes: { status: ["PENDING", status], file: review.plan.file, items: review.plan.items.length, skipped },
    });

    const card = rosterReviewedCard({ orgName: review.orgName, decision: value.d, byName: ctx.actor.name, items: review.plan.items, skipped });
    // The other secretaries' copies show the decision too, so nobody decides a settled list.
    await refreshCopies(ctx, await ctx.store.outbox.copiesByKeyPrefix(`roster-review-${review.id}-`), card, ctx.inbound.messageId);
    const toast = value.d === "confirm" ? { zh: "已按名册生效。", en: "Applied." } : { zh: "已暂不处理，人员保持不变。", en: "Left as it is." };
    return { toast: { type: value.d === "confirm" ? "success" : "info", text: toast }, card };
  },
});

/** Applies each item still as the review saw it; returns the names of those skipped. */
async function confirm(ctx: ActionContext, orgId: number, items: readonly ReviewItem[], today: string): Promise<string[]> {
  const skipped: string[] = [];
  for (const item of items) {
    if (item.kind === "roles") {
      const ended = await ctx.store.rosterReview.endMemberships(item.membershipIds, today);
      if (ended.length === 0) skipped.push(item.name);
      else await auditRemoval(ctx, orgId, item, { membershipIds: ended });
      continue;
    }
    // Someone who left meanwhile (a change recorded in chat) is not removed twice.
    if (!(await ctx.store.membershipChanges.activeIn(item.personId, orgId))) {
      skipped.push(item.name);
      continue;
    }
    const moved = item.kind === "moved" && item.toOrgId !== null;
    const applied = await ctx.store.membershipChanges.applyChange({
      kind: moved ? "TRANSFER_OUT" : "LEFT",
      personId: item.personId,
      orgId,
      effectiveOn: today,
      otherOrgId: moved ? item.toOrgId : null,
      otherOrgName: moved ? item.toOrgName : null,
      note: ROSTER_REMOVAL_REASON,
      reason: ROSTER_REMOVAL_REASON,
      byId: ctx.actor.personId,
      at: ctx.clock.now(),
      receivingVisitorId: null,
      condolence: null,
    });
    if (!applied.ok) {
      throw new UserError("standing_changed", { zh: "名单中有人的状态刚刚改变，请重新打开名册变动清单核对。", en: "Someone's standing just changed; open the review again." });
    }
    await auditRemoval(ctx, orgId, item, { changeId: applied.changeId, membershipIds: applied.effects.memberships.map((m) => m.id) });
  }
  return skipped;
}

async function auditRemoval(ctx: ActionContext, orgId: number, item: ReviewItem, done: { changeId?: number; membershipIds: number[] }): Promise<void> {
  await ctx.audit({
    action: "roster.remove",
    subjectType: "Person",
    subjectId: item.personId,
    orgId,
    subjectPersonId: item.personId,
    changes: { roles: [rolesText(item.roles).zh, null], reason: ROSTER_REMOVAL_REASON, kind: item.kind, ...(item.toOrgName ? { toOrgName: item.toOrgName } : {}), ...done },
  });
}
