// A member's own records, for the export of their data (导出我的数据) where no other module has the
// read: the talks held with them (when, with whom, how: never the notes, which are the leader's),
// the visits to them, their job-seeking cases, their roles and the changes of their standing.
// Notes others wrote about them (a visitor's, the secretary's on a change) are left out too. Who
// read their records comes from the audit's own reader (audit-reading.ts).
import { dateToDay, type Day } from "../domain/calendar-day.ts";
import type { JobKind } from "../domain/job-match.ts";
import { personNames } from "./people.ts";
import type { Tx } from "./tx.ts";

export interface OwnProfile {
  name: string;
  mobile: string | null;
  email: string | null;
  birthDate: Day | null;
  joinedPartyOn: Day | null;
  whereabouts: string | null;
}

export async function profileOf(tx: Tx, personId: number): Promise<OwnProfile | null> {
  const p = await tx.person.findUnique({ where: { id: personId }, select: { name: true, mobile: true, email: true, birthDate: true, joinedPartyOn: true, whereabouts: true } });
  if (!p) return null;
  return { ...p, birthDate: p.birthDate ? dateToDay(p.birthDate) : null, joinedPartyOn: p.joinedPartyOn ? dateToDay(p.joinedPartyOn) : null };
}

export interface OwnRole {
  orgName: string;
  role: string;
  status: string;
  since: Day | null;
  endedOn: Day | null;
}

export async function rolesOf(tx: Tx, personId: number): Promise<OwnRole[]> {
  const rows = await tx.membership.findMany({
    where: { personId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, status: true, since: true, endedOn: true, org: { select: { name: true } } },
  });
  return rows.map((m) => ({ orgName: m.org.name, role: m.role, status: m.status, since: m.since ? dateToDay(m.since) : null, endedOn: m.endedOn ? dateToDay(m.endedOn) : null }));
}

export interface TalkHeld {
  id: number;
  heldOn: Day;
  leaderName: string;
  form: "IN_PERSON" | "PHONE" | "VIDEO";
}

/** Every talk held with the member, oldest first; the note columns are never read. */
export async function talksWith(tx: Tx, memberId: number): Promise<TalkHeld[]> {
  const talks = await tx.talk.findMany({ where: { memberId }, orderBy: [{ heldOn: "asc" }, { id: "asc" }], select: { id: true, heldOn: true, form: true, leaderId: true } });
  const names = await personNames(tx, talks.map((t) => t.leaderId));
  return talks.map((t) => ({ id: t.id, heldOn: dateToDay(t.heldOn), leaderName: names.get(t.leaderId) ?? "", form: t.form }));
}

export interface VisitToMember {
  id: number;
  festival: string | null;
  eventKind: string | null;
  year: number | null;
  dueOn: Day;
  status: "OPEN" | "DONE" | "CANCELLED";
  visitedOn: Day | null;
  how: string | null;
  goods: string | null;
  amountFen: number | null;
  visitorName: string;
}

/** Every visit planned for or made to the member, oldest first; the visitor's notes are not read. */
export async function visitsTo(tx: Tx, memberId: number): Promise<VisitToMember[]> {
  const rows = await tx.visitTask.findMany({
    where: { memberId },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: { id: true, festival: true, eventKind: true, year: true, dueOn: true, status: true, visitedOn: true, how: true, goods: true, amountFen: true, visitorId: true },
  });
  const names = await personNames(tx, rows.map((r) => r.visitorId));
  return rows.map(({ visitorId, dueOn, visitedOn, ...r }) => ({ ...r, dueOn: dateToDay(dueOn), visitedOn: visitedOn ? dateToDay(visitedOn) : null, visitorName: names.get(visitorId) ?? "" }));
}

export interface OwnJobCase {
  id: number;
  openedOn: Day;
  skills: string;
  kinds: JobKind[];
  area: string | null;
  wishes: string | null;
  status: "OPEN" | "EMPLOYED" | "CLOSED";
  employedOn: Day | null;
  outcome: string | null;
}

export async function jobCasesOf(tx: Tx, personId: number): Promise<OwnJobCase[]> {
  const rows = await tx.employmentCase.findMany({
    where: { personId },
    orderBy: [{ openedOn: "asc" }, { id: "asc" }],
    select: { id: true, openedOn: true, skills: true, kinds: true, area: true, wishes: true, status: true, employedOn: true, outcome: true },
  });
  return rows.map((c) => ({ ...c, kinds: c.kinds as JobKind[], openedOn: dateToDay(c.openedOn), employedOn: c.employedOn ? dateToDay(c.employedOn) : null }));
}

export interface OwnStandingChange {
  id: number;
  kind: string;
  effectiveOn: Day;
  orgName: string;
  otherOrgName: string | null;
  status: "APPLIED" | "REVERTED";
  recordedAt: Date;
}

/** The changes of the member's standing (转出, 转入 …), oldest first; the secretary's note is not read. */
export async function standingChangesOf(tx: Tx, personId: number): Promise<OwnStandingChange[]> {
  const rows = await tx.membershipChange.findMany({
    where: { personId },
    orderBy: [{ effectiveOn: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, effectiveOn: true, orgId: true, otherOrgId: true, otherOrgName: true, status: true, recordedAt: true },
  });
  const orgIds = [...new Set(rows.flatMap((r) => [r.orgId, ...(r.otherOrgId ? [r.otherOrgId] : [])]))];
  const orgs = new Map((await tx.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    effectiveOn: dateToDay(r.effectiveOn),
    orgName: orgs.get(r.orgId) ?? "",
    otherOrgName: r.otherOrgName ?? (r.otherOrgId ? (orgs.get(r.otherOrgId) ?? null) : null),
    status: r.status,
    recordedAt: r.recordedAt,
  }));
}
