// Who may act on what in the visit area: a task (its visitor or the branch secretary), a contact
// log (the helper or responsible leader, or the secretary), and the branch a secretary means.
import type { Text } from "../../../cards/kit.ts";
import { isActivePairing } from "../../domain/pairing.ts";
import { hasRole } from "../../domain/roles.ts";
import { mobileDetail, pairingDetail } from "../../domain/visit-labels.ts";
import type { TaskRow } from "../../store/visit-tasks.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

/** The task, if the actor is its visitor or a secretary of its branch. */
export async function taskForActor(ctx: BaseContext, taskId: number): Promise<TaskRow> {
  const task = await ctx.store.visitTasks.loadTask(taskId);
  if (!task) throw new UserError("unknown_visit", { zh: "找不到该走访任务，请发送「走访」刷新。", en: "That visit does not exist; send “visits” to refresh." });
  if (task.visitorId !== ctx.actor.personId && !hasRole(ctx.actor, ["SECRETARY"], task.orgId)) throw notAllowed();
  return task;
}

export interface ContactTarget {
  orgId: number;
  memberId: number;
  memberName: string;
  kind: "PAIRING" | "MOBILE";
  pairingId: number | null;
  detail: Text;
}

/**
 * Checks that the actor may log a contact with this member: the helper of an active pairing
 * (or the branch secretary), or the responsible leader of a mobile member (or the secretary).
 */
export async function contactTarget(ctx: BaseContext, v: { member: number; kind: "PAIRING" | "MOBILE"; pairing?: number | undefined }): Promise<ContactTarget> {
  if (v.kind === "PAIRING") {
    const p = v.pairing ? await ctx.store.visitPairing.loadPairing(v.pairing) : null;
    if (!p || p.memberId !== v.member) throw new UserError("unknown_pairing", { zh: "找不到该结对，请刷新后重试。", en: "That pairing does not exist; refresh and try again." });
    if (p.helperPersonId !== ctx.actor.personId && !hasRole(ctx.actor, ["SECRETARY"], p.orgId)) throw notAllowed();
    if (!isActivePairing(p, todayOf(ctx))) throw new UserError("pairing_ended", { zh: "该结对已结束，无需再登记联系。", en: "This pairing has ended." });
    return { orgId: p.orgId, memberId: p.memberId, memberName: p.memberName, kind: "PAIRING", pairingId: p.id, detail: pairingDetail(p.helperKind, p.departmentName) };
  }
  const m = await ctx.store.visitMobile.memberForContact(v.member);
  const orgId = m?.orgIds[0];
  if (!m || orgId === undefined) throw new UserError("unknown_member", { zh: "找不到该党员，请刷新后重试。", en: "That member does not exist; refresh and try again." });
  if (m.responsibleLeaderId !== ctx.actor.personId && !m.orgIds.some((o) => hasRole(ctx.actor, ["SECRETARY"], o))) throw notAllowed();
  if (!m.isMobile) throw new UserError("not_mobile", { zh: `${m.name}已不是流动党员。`, en: `${m.name} is no longer a mobile member.` });
  return { orgId, memberId: m.id, memberName: m.name, kind: "MOBILE", pairingId: null, detail: mobileDetail(m.whereabouts) };
}

/** The branch a secretary command acts on: the one named in the text, else their only (or first) one. */
export function pickBranch(ctx: BaseContext, orgIds: number[], hint: string): number {
  const named = ctx.actor.grants.find((g) => orgIds.includes(g.orgId) && hint && g.orgName.includes(hint));
  const orgId = named?.orgId ?? orgIds[0];
  if (orgId === undefined) throw notAllowed();
  return orgId;
}
