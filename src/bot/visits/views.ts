// The cards the visit commands and actions answer with, drawn from what the store returns in
// the handler's transaction: the reader's visit list, the visit form, the branch's pairings.
import { pairingCard } from "../../../cards/visit-pairing.ts";
import { visitListCard, type ListContact } from "../../../cards/visit-list.ts";
import { visitFormCard } from "../../../cards/visit-complete.ts";
import type { Text } from "../../../cards/kit.ts";
import { FUND_SOURCES, SOURCE_LABEL } from "../../domain/aid-rules.ts";
import { yuanText } from "../../domain/money.ts";
import { HELPER_KIND_LABEL } from "../../domain/pairing.ts";
import { daysBetween } from "../../domain/calendar-day.ts";
import { mobileDetail, pairingDetail, taskReason, taskWhat } from "../../domain/visit-labels.ts";
import type { TaskRow } from "../../store/visit-tasks.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { giftExamples } from "../../domain/visit-gifts.ts";
import { festivalName } from "../../domain/visit-settings.ts";
import { settingsCache } from "./settings.ts";

/** Rows on the 走访 card: about 1.2 KB each at worst, so the card stays under Lark's 30 KB. */
const LIST_TASKS = 10;
const LIST_CONTACTS = 8;
const PAIRING_LINES = 15;

export async function visitList(ctx: BaseContext) {
  const day = todayOf(ctx);
  const sOf = settingsCache(ctx);
  const { rows, total } = await ctx.store.visitTasks.openTasksOf(ctx.actor.personId, LIST_TASKS);
  const tasks = [];
  for (const r of rows) tasks.push({ taskId: r.id, memberName: r.memberName, what: taskWhat(r, await sOf(r.orgId)), reason: taskReason(r), dueOn: r.dueOn, daysLate: Math.max(0, daysBetween(r.dueOn, day)) });
  const contacts: ListContact[] = [];
  for (const p of await ctx.store.visitPairing.pairingsHelpedBy(ctx.actor.personId, day)) {
    contacts.push({ memberId: p.memberId, memberName: p.memberName, kind: "PAIRING", pairingId: p.id, detail: pairingDetail(p.helperKind, p.departmentName), lastContact: p.lastContact });
  }
  for (const m of await ctx.store.visitMobile.mobileMembersLedBy(ctx.actor.personId)) {
    contacts.push({ memberId: m.id, memberName: m.name, kind: "MOBILE", detail: mobileDetail(m.whereabouts), lastContact: m.lastContact });
  }
  // Longest without contact first: logging a contact moves a member down the list.
  contacts.sort((a, b) => (a.lastContact ?? "").localeCompare(b.lastContact ?? ""));
  // One line per member shown (their task, or their pairing or mobile contact): each member can see
  // that they appeared on this visitor's list (谁看过我的档案).
  const shown = contacts.slice(0, LIST_CONTACTS);
  for (const r of rows) await ctx.audit({ action: "visit.list.view", subjectType: "VisitTask", subjectId: r.id, orgId: r.orgId, subjectPersonId: r.memberId });
  for (const c of shown) await ctx.audit({ action: "visit.list.view", subjectType: "Person", subjectId: c.memberId, subjectPersonId: c.memberId, changes: { contact: c.kind } });
  return visitListCard({ today: day, name: ctx.actor.name, tasks, taskTotal: total, contacts: shown, contactTotal: contacts.length });
}

export async function visitForm(ctx: BaseContext, task: TaskRow) {
  const sOf = settingsCache(ctx);
  const bal = await ctx.store.aidFund.balances(task.orgId);
  const sources = FUND_SOURCES.map((s) => ({
    value: s,
    text: { zh: `${SOURCE_LABEL[s].zh}（余额 ${yuanText(bal[s]).zh}）`, en: `${SOURCE_LABEL[s].en} (balance ${yuanText(bal[s]).en})` },
  }));
  await ctx.audit({ action: "visit.task.view", subjectType: "VisitTask", subjectId: task.id, orgId: task.orgId, subjectPersonId: task.memberId });
  const settings = await sOf(task.orgId);
  return visitFormCard({
    taskId: task.id,
    memberName: task.memberName,
    orgName: task.orgName,
    what: taskWhat(task, settings),
    goodsExample: giftExamples({ festival: task.festival, festivalName: task.festival ? festivalName(task.festival, settings).zh : null, eventKind: task.eventKind }),
    reason: taskReason(task),
    dueOn: task.dueOn,
    today: todayOf(ctx),
    sources,
  });
}

export async function pairingView(ctx: BaseContext, orgId: number, done?: Text) {
  const day = todayOf(ctx);
  const orgName = await ctx.store.orgs.orgName(orgId);
  const { rows, total } = await ctx.store.visitPairing.currentPairings(orgId, day, PAIRING_LINES);
  // One line per pairing shown, about its member (谁看过我的档案).
  for (const r of rows) await ctx.audit({ action: "pairing.list.view", subjectType: "Pairing", subjectId: r.id, orgId, subjectPersonId: r.memberId });
  return pairingCard({
    orgId,
    orgName: orgName ?? "",
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
