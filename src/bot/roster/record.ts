// Recording a confirmed change: the statements (one call, in the click's transaction), the
// audit lines, the notices to the other secretaries concerned and to the condolence visitor,
// and the result card drawn from what the change wrote.
import { changeDoneCard, changeNoticeCard, type ChangeSummary } from "../../../cards/membership-change.ts";
import type { Card } from "../../../cards/kit.ts";
import { visitEventReceiptCard } from "../../../cards/visit-event.ts";
import { addDays } from "../../domain/calendar-day.ts";
import { closingReason, countsOf, effectLines, undoUntil, type Effects } from "../../domain/membership-change.ts";
import type { Text } from "../../domain/text.ts";
import { CONDOLENCE_VISIT } from "../../domain/visit-events.ts";
import { eventLabel } from "../../domain/visit-labels.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";
import type { Plan } from "./plan.ts";
import { written } from "../../store/audit.ts";
import { redrawReceipts } from "../aid/receipt.ts";
import type { KeyedContext } from "../card-copies.ts";


/** Applies the checked plan and answers with the result card (with 撤销). */
export async function recordChange(ctx: KeyedContext, plan: Plan): Promise<Card> {
  const { req, summary } = plan;
  const today = todayOf(ctx);
  const settings = await ctx.store.membershipChanges.rosterSettingsOf(req.orgId, ctx.log);
  const inSystem = req.kind === "TRANSFER_OUT" && req.otherOrgId !== null;
  const receivingSecretaries = inSystem ? await ctx.store.visitPeople.secretariesOf(req.otherOrgId!) : [];
  const condolence = req.kind === "DEATH" && settings.condolenceVisit && plan.subject ? await condolenceVisit(ctx, plan, today) : null;

  const applied = await ctx.store.membershipChanges.applyChange({
    kind: req.kind,
    personId: req.personId,
    ...(req.newPerson && req.personId === null ? { newPerson: req.newPerson } : {}),
    orgId: req.orgId,
    effectiveOn: req.day,
    otherOrgId: req.otherOrgId,
    otherOrgName: req.otherOrgName,
    note: req.note,
    reason: closingReason(req.kind, req.day, req.otherOrgName),
    byId: ctx.actor.personId,
    at: ctx.clock.now(),
    receivingVisitorId: receivingSecretaries[0]?.id ?? null,
    condolence: condolence ? { visitorId: condolence.visitor.id, dueOn: condolence.dueOn, reason: condolence.reason } : null,
  });
  if (!applied.ok) {
    throw new UserError("standing_changed", { zh: "该变动已登记，或党员的状态已经改变。请重新发送命令查看当前情况。", en: "This change was already recorded, or the member's standing has changed; send the command again." });
  }
  await redrawReceipts(ctx, applied.effects.aid.map((a) => a.id));
  const effects = doneEffects(req.kind, applied.effects, summary);
  const auditChanges = { kind: req.kind, personId: applied.personId, effectiveOn: req.day, otherOrgId: req.otherOrgId, otherOrgName: req.otherOrgName, ...written({ note: req.note }), counts: countsOf(applied.effects) };
  await ctx.audit({ action: "membership.change", subjectType: "MembershipChange", subjectId: applied.changeId, orgId: req.orgId, subjectPersonId: applied.personId, changes: auditChanges });
  // The receiving branch's own trail shows who arrived and from where.
  if (inSystem) await ctx.audit({ action: "membership.change.receive", subjectType: "MembershipChange", subjectId: applied.changeId, orgId: req.otherOrgId!, subjectPersonId: applied.personId, changes: auditChanges });

  await tellSecretaries(ctx, { changeId: applied.changeId, orgId: req.orgId, otherOrgId: inSystem ? req.otherOrgId : null, summary, effects, reverted: false });
  if (condolence && applied.effects.condolenceVisitId !== null) {
    const taskId = applied.effects.condolenceVisitId;
    effects.push({ zh: `已安排慰问家属走访：${condolence.visitor.name}，请于 ${condolence.dueOn} 前走访`, en: `condolence visit to the family: ${condolence.visitor.name}, by ${condolence.dueOn}` });
    if (condolence.visitor.id !== ctx.actor.personId && condolence.visitor.openId) {
      const data = { taskId, memberName: summary.memberName, orgName: summary.orgName, kind: eventLabel(CONDOLENCE_VISIT), reason: condolence.reason, dueOn: condolence.dueOn, visitorName: condolence.visitor.name, reporterName: ctx.actor.name };
      ctx.send({ openId: condolence.visitor.openId }, { card: visitEventReceiptCard(data) }, `roster-condolence-${taskId}`);
    }
  }
  return changeDoneCard({ summary, changeId: applied.changeId, effects, undoUntil: undoUntil(today, settings.undoDays) });
}

/** The result card's lines: what the change wrote, item by item. */
export function doneEffects(kind: Plan["req"]["kind"], e: Effects, s: ChangeSummary): Text[] {
  const lines = effectLines(kind, countsOf(e), s.otherOrgName, s.inSystem, true);
  if (kind === "TRANSFER_IN") lines.unshift({ zh: `${s.memberName}已成为${s.orgName}党员（自 ${s.effectiveOn} 起）`, en: `${s.memberName} is a member of ${s.orgName} from ${s.effectiveOn}` });
  if (kind === "TRANSFER_OUT" && s.inSystem) lines.push({ zh: `已在${s.otherOrgName ?? ""}建立党员身份，并通知双方支部书记`, en: `now a member of ${s.otherOrgName ?? ""}; both branches' secretaries are told` });
  if (kind === "RESTORED") lines.unshift({ zh: `已恢复其在${s.orgName}的身份`, en: `roles in ${s.orgName} restored` });
  return lines;
}

/**
 * 慰问家属: the visit goes to the member's responsible leader when they still lead in this branch
 * and are on Lark (as the festival planner would choose), else to the secretary recording it
 * (as 走访上报 gives the visit to whoever reports it). Due within the branch's event-visit days.
 */
async function condolenceVisit(ctx: BaseContext, plan: Plan, today: string) {
  const s = plan.subject!;
  const leaderId = s.responsibleLeaderId;
  let visitor = { id: ctx.actor.personId, name: ctx.actor.name, openId: ctx.actor.openId as string | null };
  if (leaderId !== null && leaderId !== s.id && (await ctx.store.membershipChanges.activeIn(leaderId, plan.req.orgId, ["LEADER", "SECRETARY"]))) {
    const leader = await ctx.store.people.personContact(leaderId);
    if (leader?.openId) visitor = { id: leader.id, name: leader.name, openId: leader.openId };
  }
  const { settings } = await ctx.store.visitPeople.visitSettingsOf(plan.req.orgId, ctx.log);
  return { visitor, dueOn: addDays(today, settings.eventDueDays), reason: `${s.name}同志于 ${plan.req.day} 去世，慰问家属` };
}

/**
 * The other secretaries of the branch (not the one acting) and, for a transfer inside the
 * system, the receiving branch's secretaries. One key per change, side and person, so a retried
 * click sends nothing twice; an undo has keys of its own.
 */
export async function tellSecretaries(
  ctx: BaseContext,
  n: { changeId: number; orgId: number; otherOrgId: number | null; summary: ChangeSummary; effects: Text[]; reverted: boolean },
): Promise<void> {
  const what = n.reverted ? "revert" : "notice";
  const told = new Set([ctx.actor.personId]);
  for (const sec of await ctx.store.visitPeople.secretariesOf(n.orgId)) {
    if (told.has(sec.id)) continue;
    told.add(sec.id);
    ctx.send({ openId: sec.openId }, { card: changeNoticeCard({ secretaryName: sec.name, byName: ctx.actor.name, summary: n.summary, effects: n.effects, receiving: false, reverted: n.reverted }) }, `roster-${what}-${n.changeId}-${sec.id}`);
  }
  if (n.otherOrgId === null) return;
  for (const sec of await ctx.store.visitPeople.secretariesOf(n.otherOrgId)) {
    if (told.has(sec.id)) continue;
    ctx.send({ openId: sec.openId }, { card: changeNoticeCard({ secretaryName: sec.name, byName: ctx.actor.name, summary: n.summary, effects: n.effects, receiving: true, reverted: n.reverted }) }, `roster-${what}-${n.changeId}-in-${sec.id}`);
  }
}
