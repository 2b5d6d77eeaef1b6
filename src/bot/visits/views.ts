// What the visit commands and actions share: who may act on a task or contact, and the cards
// they answer with, built from the store in the handler's transaction.
import { pairingCard } from "../../../cards/visit-pairing.ts";
import { visitListCard, type ListContact } from "../../../cards/visit-list.ts";
import { visitFormCard } from "../../../cards/visit-complete.ts";
import type { Text } from "../../../cards/kit.ts";
import { FUND_SOURCES, SOURCE_LABEL } from "../../domain/aid-rules.ts";
import { yuanText } from "../../domain/money.ts";
import { HELPER_KIND_LABEL, isActivePairing } from "../../domain/pairing.ts";
import { hasRole } from "../../domain/roles.ts";
import { daysBetween } from "../../domain/calendar-day.ts";
import { taskReason, taskWhat } from "../../domain/visit-labels.ts";
import type { VisitSettings } from "../../domain/visit-settings.ts";
import { balances } from "../../store/aid-fund.ts";
import { mobileMembersOf } from "../../store/visit-contacts.ts";
import { currentPairings, loadPairing, pairingsHelpedBy } from "../../store/visit-pairing.ts";
import { visitSettingsOf } from "../../store/visit-people.ts";
import { loadTask, openTasksOf, type TaskRow } from "../../store/visit-tasks.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

/** Rows on the 走访 card: about 1.2 KB each at worst, so the card stays under Lark's 30 KB. */
export const LIST_TASKS = 10;
export const LIST_CONTACTS = 8;

/** Per-branch settings, read once per handler. */
export function settingsCache(ctx: BaseContext): (orgId: number) => Promise<VisitSettings> {
  const cache = new Map<number, VisitSettings>();
  return async (orgId) => {
    let s = cache.get(orgId);
    if (!s) cache.set(orgId, (s = (await visitSettingsOf(ctx.tx, orgId, ctx.log)).settings));
    return s;
  };
}

export const unknownTask = () => new UserError("unknown_visit", { zh: "找不到该走访任务，请发送「走访」刷新。", en: "That visit does not exist; send “visits” to refresh." });

/** The task, if the actor is its visitor or a secretary of its branch. */
export async function taskForActor(ctx: BaseContext, taskId: number): Promise<TaskRow> {
  const task = await loadTask(ctx.tx, taskId);
  if (!task) throw unknownTask();
  if (task.visitorId !== ctx.actor.personId && !hasRole(ctx.actor, ["SECRETARY"], task.orgId)) throw notAllowed();
  return task;
}

export async function visitList(ctx: BaseContext) {
  const day = todayOf(ctx);
  const sOf = settingsCache(ctx);
  const { rows, total } = await openTasksOf(ctx.tx, ctx.actor.personId, LIST_TASKS);
  const tasks = [];
  for (const r of rows) tasks.push({ taskId: r.id, memberName: r.memberName, what: taskWhat(r, await sOf(r.orgId)), reason: taskReason(r), dueOn: r.dueOn, daysLate: Math.max(0, daysBetween(r.dueOn, day)) });
  const contacts: ListContact[] = [];
  for (const p of await pairingsHelpedBy(ctx.tx, ctx.actor.personId, day)) {
    const kind = HELPER_KIND_LABEL[p.helperKind];
    contacts.push({ memberId: p.memberId, memberName: p.memberName, kind: "PAIRING", pairingId: p.id, detail: p.departmentName ? { zh: `${kind.zh}（${p.departmentName}）`, en: `${kind.en} (${p.departmentName})` } : kind, lastContact: p.lastContact });
  }
  for (const m of await mobileMembersOf(ctx.tx, ctx.actor.personId)) {
    const where = m.whereabouts ?? "去向未登记";
    contacts.push({ memberId: m.id, memberName: m.name, kind: "MOBILE", detail: { zh: `流动党员 · ${where}`, en: `mobile member · ${where}` }, lastContact: m.lastContact });
  }
  // Longest without contact first: logging a contact moves a member down the list.
  contacts.sort((a, b) => (a.lastContact ?? "").localeCompare(b.lastContact ?? ""));
  await ctx.audit({ action: "visit.list.view", subjectType: "VisitTask", subjectId: `visitor:${ctx.actor.personId}`, changes: { tasks: rows.map((r) => r.id), contacts: contacts.length } });
  return visitListCard({ name: ctx.actor.name, tasks, taskTotal: total, contacts: contacts.slice(0, LIST_CONTACTS), contactTotal: contacts.length });
}

export async function visitForm(ctx: BaseContext, task: TaskRow) {
  const sOf = settingsCache(ctx);
  const bal = await balances(ctx.tx, task.orgId);
  const sources = FUND_SOURCES.map((s) => ({
    value: s,
    text: { zh: `${SOURCE_LABEL[s].zh}（余额 ${yuanText(bal[s]).zh}）`, en: `${SOURCE_LABEL[s].en} (balance ${yuanText(bal[s]).en})` },
  }));
  await ctx.audit({ action: "visit.task.view", subjectType: "VisitTask", subjectId: task.id, orgId: task.orgId });
  return visitFormCard({
    taskId: task.id,
    memberName: task.memberName,
    orgName: task.orgName,
    what: taskWhat(task, await sOf(task.orgId)),
    reason: taskReason(task),
    dueOn: task.dueOn,
    today: todayOf(ctx),
    sources,
  });
}

export const PAIRING_LINES = 15;

export async function pairingView(ctx: BaseContext, orgId: number, done?: Text) {
  const day = todayOf(ctx);
  const org = await ctx.tx.organization.findUnique({ where: { id: orgId }, select: { name: true } });
  const { rows, total } = await currentPairings(ctx.tx, orgId, day, PAIRING_LINES);
  await ctx.audit({ action: "pairing.list.view", subjectType: "Pairing", subjectId: `org:${orgId}`, orgId, changes: { shown: rows.map((r) => r.id) } });
  return pairingCard({
    orgId,
    orgName: org?.name ?? "",
    today: day,
    total,
    ...(done ? { done } : {}),
    pairings: rows.map((p) => ({
      id: p.id,
      memberName: p.memberName,
      kind: HELPER_KIND_LABEL[p.helperKind],
      helper: [p.departmentName, p.helperName].filter(Boolean).join(" · ") || "—",
      startOn: p.startOn,
      endOn: p.endOn,
      lastContact: p.lastContact,
    })),
  });
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
    const p = v.pairing ? await loadPairing(ctx.tx, v.pairing) : null;
    if (!p || p.memberId !== v.member) throw new UserError("unknown_pairing", { zh: "找不到该结对，请刷新后重试。", en: "That pairing does not exist; refresh and try again." });
    if (p.helperPersonId !== ctx.actor.personId && !hasRole(ctx.actor, ["SECRETARY"], p.orgId)) throw notAllowed();
    if (!isActivePairing(p, todayOf(ctx))) throw new UserError("pairing_ended", { zh: "该结对已结束，无需再登记联系。", en: "This pairing has ended." });
    const kind = HELPER_KIND_LABEL[p.helperKind];
    return { orgId: p.orgId, memberId: p.memberId, memberName: p.memberName, kind: "PAIRING", pairingId: p.id, detail: p.departmentName ? { zh: `${kind.zh}（${p.departmentName}）`, en: `${kind.en} (${p.departmentName})` } : kind };
  }
  const person = await ctx.tx.person.findUnique({
    where: { id: v.member },
    select: { id: true, name: true, tags: true, whereabouts: true, responsibleLeaderId: true, memberships: { where: { role: "MEMBER" }, select: { orgId: true }, orderBy: { id: "asc" } } },
  });
  const orgId = person?.memberships[0]?.orgId;
  if (!person || orgId === undefined) throw new UserError("unknown_member", { zh: "找不到该党员，请刷新后重试。", en: "That member does not exist; refresh and try again." });
  if (person.responsibleLeaderId !== ctx.actor.personId && !person.memberships.some((m) => hasRole(ctx.actor, ["SECRETARY"], m.orgId))) throw notAllowed();
  if (!person.tags.includes("MOBILE")) throw new UserError("not_mobile", { zh: `${person.name}已不是流动党员。`, en: `${person.name} is no longer a mobile member.` });
  const where = person.whereabouts ?? "去向未登记";
  return { orgId, memberId: person.id, memberName: person.name, kind: "MOBILE", pairingId: null, detail: { zh: `流动党员 · ${where}`, en: `mobile member · ${where}` } };
}

/** The branch a secretary command acts on: the one named in the text, else their only (or first) one. */
export function pickBranch(ctx: BaseContext, orgIds: number[], hint: string): number {
  const named = ctx.actor.grants.find((g) => orgIds.includes(g.orgId) && hint && g.orgName.includes(hint));
  const orgId = named?.orgId ?? orgIds[0];
  if (orgId === undefined) throw notAllowed();
  return orgId;
}
