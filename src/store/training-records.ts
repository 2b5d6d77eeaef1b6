// Branch training records: a session (topic, title, day) and who attended it, members and
// affairs workers alike. The roster of a branch is offered on the form; coverage is read by the
// branch analysis.
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { TrainingTopic } from "../domain/training-rules.ts";
import type { Tx } from "./tx.ts";

export interface BranchPerson {
  id: number;
  name: string;
  worker: boolean;
}

/** Everyone who belongs to the branch (members and affairs workers), once each, by name. */
export async function branchPeople(tx: Tx, orgId: number): Promise<BranchPerson[]> {
  const rows = await tx.membership.findMany({
    where: { orgId, role: { in: ["MEMBER", "AFFAIRS_WORKER"] } },
    select: { role: true, person: { select: { id: true, name: true } } },
    orderBy: { personId: "asc" },
  });
  const out = new Map<number, BranchPerson>();
  for (const r of rows) {
    const p = out.get(r.person.id) ?? { id: r.person.id, name: r.person.name, worker: false };
    if (r.role === "AFFAIRS_WORKER") p.worker = true;
    out.set(r.person.id, p);
  }
  return [...out.values()];
}

export interface NewSession {
  orgId: number;
  topic: TrainingTopic;
  title: string;
  heldOn: string;
  hours: number | null;
  attendeeIds: number[];
  recordedById: number;
  formMessageId: string | null;
}

/** Records a session with its attendees; null when this form card recorded one already. */
export async function createSession(tx: Tx, s: NewSession): Promise<{ id: number } | null> {
  const rows = await tx.trainingSession.createManyAndReturn({
    data: [{ orgId: s.orgId, topic: s.topic, title: s.title, heldOn: dayToDate(s.heldOn), hours: s.hours, recordedById: s.recordedById, formMessageId: s.formMessageId }],
    skipDuplicates: true,
    select: { id: true },
  });
  const row = rows[0];
  if (!row) return null;
  await tx.trainingAttendance.createMany({ data: s.attendeeIds.map((personId) => ({ sessionId: row.id, personId })), skipDuplicates: true });
  return row;
}

export async function sessionByForm(tx: Tx, formMessageId: string): Promise<{ id: number; title: string; attendees: number } | null> {
  const s = await tx.trainingSession.findUnique({ where: { formMessageId }, select: { id: true, title: true, _count: { select: { attendees: true } } } });
  return s ? { id: s.id, title: s.title, attendees: s._count.attendees } : null;
}

export interface Attended {
  title: string;
  topic: TrainingTopic;
  heldOn: string;
  hours: number | null;
}

export async function attendedBy(tx: Tx, personId: number, limit = 5): Promise<Attended[]> {
  const rows = await tx.trainingAttendance.findMany({
    where: { personId },
    select: { session: { select: { title: true, topic: true, heldOn: true, hours: true } } },
    orderBy: [{ session: { heldOn: "desc" } }, { id: "desc" }],
    take: limit,
  });
  return rows.map((r) => ({ title: r.session.title, topic: r.session.topic, heldOn: dateToDay(r.session.heldOn), hours: r.session.hours }));
}
