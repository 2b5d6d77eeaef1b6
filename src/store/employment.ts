// Employment cases (就业帮扶): a member looking for work, from registration to the job they
// report. Changes to one person's case are serialised by a per-person advisory lock, so a
// double-clicked registration cannot open two cases (the partial unique index is the backstop).
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { JobKind } from "../domain/job-match.ts";
import { stillInOrg } from "./standing.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

const CASE_LOCK_CLASS = 72707381;

export type CaseStatus = "OPEN" | "EMPLOYED" | "CLOSED";

export interface CaseRow {
  id: number;
  orgId: number;
  personId: number;
  registeredById: number;
  skills: string;
  kinds: JobKind[];
  area: string | null;
  wishes: string | null;
  status: CaseStatus;
  openedOn: string;
  lastCheckInOn: string | null;
  employedOn: string | null;
  outcome: string | null;
}

type Db = Awaited<ReturnType<Tx["employmentCase"]["findUniqueOrThrow"]>>;
const toRow = (c: Db): CaseRow => ({
  id: c.id,
  orgId: c.orgId,
  personId: c.personId,
  registeredById: c.registeredById,
  skills: c.skills,
  kinds: c.kinds,
  area: c.area,
  wishes: c.wishes,
  status: c.status,
  openedOn: dateToDay(c.openedOn),
  lastCheckInOn: c.lastCheckInOn ? dateToDay(c.lastCheckInOn) : null,
  employedOn: c.employedOn ? dateToDay(c.employedOn) : null,
  outcome: c.outcome,
});

async function lockPerson(tx: Tx, personId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CASE_LOCK_CLASS}::int, ${personId}::int)`;
}

/** How many members of the branch are looking for work (the posting form says whom it may reach). */
export async function openCaseCount(tx: Tx, orgId: number): Promise<number> {
  return tx.employmentCase.count({ where: { orgId, status: "OPEN" } });
}

export async function openCaseOf(tx: Tx, personId: number): Promise<CaseRow | null> {
  const c = await tx.employmentCase.findFirst({ where: { personId, status: "OPEN" } });
  return c ? toRow(c) : null;
}

/** The open case, else the most recent one. */
export async function latestCaseOf(tx: Tx, personId: number): Promise<CaseRow | null> {
  const c = await tx.employmentCase.findFirst({ where: { personId }, orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }] });
  return c ? toRow(c) : null;
}

export async function findCase(tx: Tx, id: number): Promise<CaseRow | null> {
  const c = await tx.employmentCase.findUnique({ where: { id } });
  return c ? toRow(c) : null;
}

export interface Wishes {
  skills: string;
  kinds: JobKind[];
  area: string | null;
  wishes: string | null;
}

/**
 * Registers a member looking for work, or updates the wishes of their open case. Returns the
 * case, whether it is new, and what changed (empty for a repeated submit).
 */
export async function registerCase(
  tx: Tx,
  r: Wishes & { orgId: number; personId: number; byId: number; today: string; at: Date },
): Promise<{ row: CaseRow; created: boolean; before: Wishes | null }> {
  await lockPerson(tx, r.personId);
  const open = await openCaseOf(tx, r.personId);
  const wishes: Wishes = { skills: r.skills, kinds: r.kinds, area: r.area, wishes: r.wishes };
  if (open) {
    const before: Wishes = { skills: open.skills, kinds: open.kinds, area: open.area, wishes: open.wishes };
    const same = JSON.stringify(before) === JSON.stringify(wishes);
    if (same) return { row: open, created: false, before };
    const c = await tx.employmentCase.update({ where: { id: open.id }, data: { ...wishes, events: { create: { at: r.at, actorId: r.byId, type: "UPDATED" } } } });
    return { row: toRow(c), created: false, before };
  }
  const c = await tx.employmentCase.create({
    data: { orgId: r.orgId, personId: r.personId, registeredById: r.byId, ...wishes, openedOn: dayToDate(r.today), createdAt: r.at, events: { create: { at: r.at, actorId: r.byId, type: "REGISTERED" } } },
  });
  return { row: toRow(c), created: true, before: null };
}

/** Closes an open case with the job found; false when it was not open any more. */
export async function markEmployed(tx: Tx, caseId: number, d: { byId: number; today: string; outcome: string | null; at: Date }): Promise<boolean> {
  const moved = await tx.employmentCase.updateMany({ where: { id: caseId, status: "OPEN" }, data: { status: "EMPLOYED", employedOn: dayToDate(d.today), outcome: d.outcome, updatedAt: d.at } });
  if (moved.count !== 1) return false;
  await tx.employmentEvent.create({ data: { caseId, at: d.at, actorId: d.byId, type: "EMPLOYED", note: sealer(tx).seal("EmploymentEvent.note", d.outcome) } });
  return true;
}

/** The responsible leader's monthly check-in on an open case; false when it is closed or was checked in today. */
export async function recordCheckIn(tx: Tx, caseId: number, d: { byId: number; today: string; note: string | null; at: Date }): Promise<boolean> {
  // One check-in a day: a double click on the reminder records it once.
  const day = dayToDate(d.today);
  const moved = await tx.employmentCase.updateMany({ where: { id: caseId, status: "OPEN", OR: [{ lastCheckInOn: null }, { lastCheckInOn: { lt: day } }] }, data: { lastCheckInOn: day, updatedAt: d.at } });
  if (moved.count !== 1) return false;
  await tx.employmentEvent.create({ data: { caseId, at: d.at, actorId: d.byId, type: "CHECK_IN", note: sealer(tx).seal("EmploymentEvent.note", d.note) } });
  return true;
}

export interface Seeker {
  caseId: number;
  personId: number;
  name: string;
  openId: string | null;
  kinds: JobKind[];
  area: string | null;
}

/** Members of a branch looking for work, with what they wish for: only those still in it (standing.ts), so a posting reaches nobody who left. */
export async function seekersIn(tx: Tx, orgId: number): Promise<Seeker[]> {
  const open = await tx.employmentCase.findMany({ where: { orgId, status: "OPEN" }, orderBy: { personId: "asc" } });
  const people = await tx.person.findMany({ where: { id: { in: open.map((r) => r.personId) }, ...stillInOrg(orgId) }, select: { id: true, name: true, larkOpenId: true } });
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = open.filter((r) => byId.has(r.personId));
  return rows.map((r) => ({ caseId: r.id, personId: r.personId, name: byId.get(r.personId)?.name ?? "?", openId: byId.get(r.personId)?.larkOpenId ?? null, kinds: r.kinds, area: r.area }));
}

export interface OpenCaseLine extends CaseRow {
  name: string;
  leaderId: number | null;
  leaderName: string | null;
  leaderOpenId: string | null;
  pushes: number;
}

/**
 * Open cases of the given branches with the member's responsible leader and how many postings
 * reached them: only of members still in the case's branch, and a leader who left or died is
 * given as none (the secretaries are asked instead).
 */
export async function openCases(tx: Tx, orgIds: readonly number[]): Promise<OpenCaseLine[]> {
  const all = await tx.employmentCase.findMany({ where: { orgId: { in: [...orgIds] }, status: "OPEN" }, orderBy: [{ openedOn: "asc" }, { id: "asc" }] });
  if (all.length === 0) return [];
  const people = await tx.person.findMany({
    where: { id: { in: all.map((r) => r.personId) }, deceasedOn: null },
    select: {
      id: true,
      name: true,
      memberships: { where: { status: "ACTIVE" }, select: { orgId: true } },
      responsibleLeader: { select: { id: true, name: true, larkOpenId: true, deceasedOn: true, memberships: { where: { status: "ACTIVE" }, select: { id: true }, take: 1 } } },
    },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = all.filter((r) => byId.get(r.personId)?.memberships.some((m) => m.orgId === r.orgId));
  const pushes = await tx.jobPush.groupBy({ by: ["caseId"], where: { caseId: { in: rows.map((r) => r.id) }, week: { not: null } }, _count: { _all: true } });
  const pushCount = new Map(pushes.map((p) => [p.caseId, p._count._all]));
  return rows.map((r) => {
    const p = byId.get(r.personId);
    const l = p?.responsibleLeader;
    const leader = l && l.deceasedOn === null && l.memberships.length > 0 ? l : null;
    return {
      ...toRow(r),
      name: p?.name ?? "?",
      leaderId: leader?.id ?? null,
      leaderName: leader?.name ?? null,
      leaderOpenId: leader?.larkOpenId ?? null,
      pushes: pushCount.get(r.id) ?? 0,
    };
  });
}
