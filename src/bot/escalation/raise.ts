// Putting an item before the organisation above its branch (上报): by hand (上报, the 上报党委
// button) or from a hardship review's referral. One row per item and organisation: raising again
// finds the first and tells nobody twice. The nearest organisation above the branch that has a
// secretary receives it; its secretaries get the notice with the link to the item.
import { escalationNoticeCard } from "../../../cards/escalation.ts";
import type { EscalationReason } from "../../domain/escalation.ts";
import { dayIn } from "../../domain/zoned-time.ts";
import { written } from "../../store/audit.ts";
import { escalationNoticeKey } from "../../store/escalations.ts";
import type { Contact } from "../../store/org-contacts.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";
import type { LoadedItem } from "./item.ts";

export const nobodyAbove = () =>
  new UserError("no_upper", { zh: "本支部上级没有设书记的党组织，无法上报。请联系社区党委在名册中登记书记。", en: "No organisation above your branch has a secretary to raise this to." });

export interface Raised {
  escalationId: number;
  created: boolean;
  status: "OPEN" | "CLOSED";
  toOrgName: string;
}

/**
 * Raises `item` with `reason` and the raiser's note; `to` overrides whom it lands with (a secretary
 * above who refers further up). Audited as escalation.raise about the item's member.
 */
export async function raiseItem(ctx: BaseContext, item: LoadedItem, d: { reason: EscalationReason; note: string | null; to?: readonly Contact[] }): Promise<Raised> {
  const to = d.to ?? (await ctx.store.orgContacts.upperSecretaries(item.orgId));
  const head = to[0];
  if (!head) throw nobodyAbove();
  const now = ctx.clock.now();
  const r = await ctx.store.escalations.raiseEscalation({
    fromOrgId: item.orgId,
    toOrgId: head.orgId,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    subjectPersonId: item.personId,
    reason: d.reason,
    note: d.note,
    raisedById: ctx.actor.personId,
    at: now,
  });
  const raised = { escalationId: r.id, created: r.created, status: r.status, toOrgName: head.orgName };
  if (!r.created) return raised;
  await ctx.audit({
    action: "escalation.raise",
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    orgId: item.orgId,
    subjectPersonId: item.personId,
    changes: { escalationId: r.id, toOrgId: head.orgId, reason: d.reason, ...written({ note: d.note }) },
  });
  const fromOrg = (await ctx.store.orgs.orgName(item.orgId)) ?? "?";
  const memberName = item.personId === null ? null : await ctx.store.people.personName(item.personId);
  const card = escalationNoticeCard({
    escalationId: r.id,
    fromOrg,
    subject: item.subjectType,
    reason: d.reason,
    number: item.number,
    memberName,
    raisedOn: dayIn(now, ctx.config.timezone),
    raisedBy: ctx.actor.name,
    note: d.note,
    status: "OPEN",
  });
  for (const s of to) {
    // The member themself, should they sit at the desk above, is not sent their own case.
    if (!s.openId || s.personId === item.personId) continue;
    ctx.send({ openId: s.openId }, { card }, escalationNoticeKey(r.id, s.personId));
  }
  return raised;
}
