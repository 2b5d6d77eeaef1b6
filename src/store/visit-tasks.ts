// Visit tasks one at a time: the visitor's list, one task with what its cards show, recording
// a completed visit (with the fund disbursement in the same transaction), event visits, handing
// a member's open visits to another visitor.
import type { FundSource } from "../domain/aid-rules.ts";
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import { withdraw } from "./aid-fund.ts";
import { orgNames } from "./orgs.ts";
import { personNames } from "./people.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface TaskRow {
  id: number;
  orgId: number;
  orgName: string;
  memberId: number;
  memberName: string;
  visitorId: number;
  visitorName: string;
  festival: string | null;
  year: number | null;
  eventKind: string | null;
  reason: string | null;
  dueOn: string;
  status: "OPEN" | "DONE" | "CANCELLED";
  visitedOn: string | null;
  escalatedAt: Date | null;
}

const select = {
  id: true,
  orgId: true,
  memberId: true,
  visitorId: true,
  festival: true,
  year: true,
  eventKind: true,
  reason: true,
  dueOn: true,
  status: true,
  visitedOn: true,
  escalatedAt: true,
} as const;

async function withNames(tx: Tx, rows: { id: number; orgId: number; memberId: number; visitorId: number; festival: string | null; year: number | null; eventKind: string | null; reason: string | null; dueOn: Date; status: TaskRow["status"]; visitedOn: Date | null; escalatedAt: Date | null }[]): Promise<TaskRow[]> {
  if (rows.length === 0) return [];
  const [name, org] = await Promise.all([personNames(tx, rows.flatMap((r) => [r.memberId, r.visitorId])), orgNames(tx, rows.map((r) => r.orgId))]);
  const keys = sealer(tx);
  return rows.map((r) => ({
    ...r,
    reason: keys.open("VisitTask.reason", r.reason),
    orgName: org.get(r.orgId) ?? "",
    memberName: name.get(r.memberId) ?? "",
    visitorName: name.get(r.visitorId) ?? "",
    dueOn: dateToDay(r.dueOn),
    visitedOn: r.visitedOn ? dateToDay(r.visitedOn) : null,
  }));
}

export async function loadTask(tx: Tx, id: number): Promise<TaskRow | null> {
  const r = await tx.visitTask.findUnique({ where: { id }, select });
  return r ? ((await withNames(tx, [r]))[0] ?? null) : null;
}

/** The visitor's open tasks, most urgent first. */
export async function openTasksOf(tx: Tx, visitorId: number, limit: number): Promise<{ rows: TaskRow[]; total: number }> {
  const where = { visitorId, status: "OPEN" as const };
  const [rows, total] = await Promise.all([
    tx.visitTask.findMany({ where, select, orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: limit }),
    tx.visitTask.count({ where }),
  ]);
  return { rows: await withNames(tx, rows), total };
}

export interface Completion {
  visitedOn: string;
  how: string;
  amountFen: number | null;
  source: FundSource | null;
  goods: string | null;
  notes: string | null;
  byId: number;
  at: Date;
}

export type CompleteOutcome = { ok: true; entryId: number | null; balanceFen: number | null } | { ok: false; why: "not_open" } | { ok: false; why: "balance" };

/**
 * Marks the task done and, when money was given, pays it from the fund: a DISBURSEMENT entry
 * tied to the task and the balance lowered only if it holds the amount. All in the caller's
 * transaction, so a refused payment leaves the task open (the caller throws to roll back).
 */
export async function completeTask(tx: Tx, task: TaskRow, c: Completion): Promise<CompleteOutcome> {
  const done = await tx.visitTask.updateMany({
    where: { id: task.id, status: "OPEN" },
    data: {
      status: "DONE",
      doneAt: c.at,
      visitedOn: dayToDate(c.visitedOn),
      how: c.how,
      amountFen: c.amountFen,
      fundSource: c.source,
      goods: c.goods,
      // What the visitor saw at home: sealed at rest (sealing.ts).
      notes: sealer(tx).seal("VisitTask.notes", c.notes),
    },
  });
  if (done.count === 0) return { ok: false, why: "not_open" };
  if (!c.amountFen || !c.source) return { ok: true, entryId: null, balanceFen: null };
  const bal = await withdraw(tx, task.orgId, c.source, c.amountFen);
  if (!bal) return { ok: false, why: "balance" };
  const what = task.festival ? `${task.festival} ${task.year}` : `event ${task.eventKind ?? ""}`.trim();
  const entry = await tx.fundEntry.create({
    data: {
      orgId: task.orgId,
      source: c.source,
      kind: "DISBURSEMENT",
      amountFen: c.amountFen,
      payeeId: task.memberId,
      visitTaskId: task.id,
      note: `走访慰问 visit: ${what}`,
      recordedById: c.byId,
      createdAt: c.at,
    },
    select: { id: true },
  });
  return { ok: true, entryId: entry.id, balanceFen: bal.balanceFen };
}

export async function openEventTaskFor(tx: Tx, memberId: number, eventKind: string): Promise<{ id: number; dueOn: string } | null> {
  const r = await tx.visitTask.findFirst({ where: { memberId, eventKind, festival: null, status: "OPEN" }, select: { id: true, dueOn: true } });
  return r ? { id: r.id, dueOn: dateToDay(r.dueOn) } : null;
}

export async function createEventTask(
  tx: Tx,
  t: { orgId: number; memberId: number; visitorId: number; eventKind: string; reason: string; dueOn: string; createdById: number; at: Date },
): Promise<number> {
  const r = await tx.visitTask.create({
    data: { orgId: t.orgId, memberId: t.memberId, visitorId: t.visitorId, eventKind: t.eventKind, reason: sealer(tx).seal("VisitTask.reason", t.reason), dueOn: dayToDate(t.dueOn), createdById: t.createdById, createdAt: t.at },
    select: { id: true },
  });
  return r.id;
}

export interface ReassignedTask {
  id: number;
  orgId: number;
  /** The visitor before the change. */
  visitorId: number;
  festival: string | null;
  year: number | null;
  eventKind: string | null;
  reason: string | null;
  dueOn: string;
}

/** Gives the member's open tasks in these branches to another visitor; returns them as they were, most urgent first. */
export async function reassignOpenTasks(tx: Tx, r: { memberId: number; orgIds: readonly number[]; visitorId: number }): Promise<ReassignedTask[]> {
  const tasks = await tx.visitTask.findMany({
    where: { memberId: r.memberId, status: "OPEN", orgId: { in: [...r.orgIds] } },
    select: { id: true, orgId: true, visitorId: true, festival: true, year: true, eventKind: true, reason: true, dueOn: true },
    orderBy: { dueOn: "asc" },
  });
  if (tasks.length === 0) return [];
  await tx.visitTask.updateMany({ where: { id: { in: tasks.map((t) => t.id) }, status: "OPEN" }, data: { visitorId: r.visitorId } });
  const keys = sealer(tx);
  return tasks.map((t) => ({ ...t, reason: keys.open("VisitTask.reason", t.reason), dueOn: dateToDay(t.dueOn) }));
}
