// Reading the audit (谁看过我的档案, 查阅记录, and a member's own data export): the lines about one
// person's records, newest first, with who wrote each (name and roles now) and the record's
// number. Lines name their person in "subjectPersonId"; lines written before that column existed
// carry none and, the audit being append-only, never will, so for those the person is found
// through the record the line names (a hardship entry's person, a talk's member …).
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export interface AuditActor {
  id: number;
  name: string;
  /** Their active roles now, with the kind of organisation each is held in. */
  roles: { role: "MEMBER" | "LEADER" | "SECRETARY" | "AFFAIRS_WORKER" | "AID_DELEGATE"; orgId: number; orgKind: "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH" }[];
}

export interface AuditLineRead {
  id: number;
  at: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  orgId: number | null;
  changes: unknown;
  /** Null for the bot's own lines (a sweep, an erasure). */
  actor: AuditActor | null;
  /** The record's number as people know it ("2026-0007"), when it has one. */
  ref: string | null;
}

/** Where a page starts: after (older than) this line. */
export interface AuditCursor {
  at: Date;
  id: number;
}

export interface AuditQuery {
  personId: number;
  /** Only lines at or after this instant (the last 90 days by default); null: no lower bound. */
  since: Date | null;
  before: AuditCursor | null;
  limit: number;
  /** Leave this actor's lines out (a member's own actions on their own records). */
  notBy?: number;
  /** Only these actions (the card's 查看 / 修改 filter). */
  actions?: readonly string[];
}

/**
 * The record types a line can name and the column that holds whose record it is, for lines
 * written before subjectPersonId. FollowUp goes through its talk.
 */
const subjectsOf = (p: number) => Prisma.sql`
  SELECT 'HardshipEntry' AS t, "id"::text AS id FROM "HardshipEntry" WHERE "personId" = ${p}
  UNION ALL SELECT 'Talk', "id"::text FROM "Talk" WHERE "memberId" = ${p}
  UNION ALL SELECT 'AidRequest', "id"::text FROM "AidRequest" WHERE "personId" = ${p}
  UNION ALL SELECT 'FollowUp', f."id"::text FROM "FollowUp" f JOIN "Talk" k ON k."id" = f."talkId" WHERE k."memberId" = ${p}
  UNION ALL SELECT 'TalkTask', "id"::text FROM "TalkTask" WHERE "memberId" = ${p}
  UNION ALL SELECT 'TrainingApplication', "id"::text FROM "TrainingApplication" WHERE "personId" = ${p}
  UNION ALL SELECT 'Commendation', "id"::text FROM "Commendation" WHERE "personId" = ${p}
  UNION ALL SELECT 'Question', "id"::text FROM "Question" WHERE "askerId" = ${p}
  UNION ALL SELECT 'EmploymentCase', "id"::text FROM "EmploymentCase" WHERE "personId" = ${p}
  UNION ALL SELECT 'ContactLog', "id"::text FROM "ContactLog" WHERE "memberId" = ${p}
  UNION ALL SELECT 'Pairing', "id"::text FROM "Pairing" WHERE "memberId" = ${p}
  UNION ALL SELECT 'VisitTask', "id"::text FROM "VisitTask" WHERE "memberId" = ${p}
  UNION ALL SELECT 'MembershipChange', "id"::text FROM "MembershipChange" WHERE "personId" = ${p}
  UNION ALL SELECT 'Person', ${String(p)}::text`;

/** A line as read, before its actor and record number are looked up. */
type Row = Omit<AuditLineRead, "actor" | "ref"> & { actorId: number | null };

/**
 * One page of the lines about a person's records, newest first. Two branches joined by UNION ALL
 * (they cannot overlap: one has subjectPersonId, the other none), so each uses its index:
 * (subjectPersonId, at) and (subjectType, subjectId).
 */
export async function linesAbout(tx: Tx, q: AuditQuery): Promise<AuditLineRead[]> {
  const p = q.personId;
  const since = q.since ? Prisma.sql`AND a."at" >= ${q.since}` : Prisma.empty;
  const before = q.before ? Prisma.sql`AND (a."at", a."id") < (${q.before.at}, ${q.before.id})` : Prisma.empty;
  const notBy = q.notBy !== undefined ? Prisma.sql`AND a."actorId" IS DISTINCT FROM ${q.notBy}` : Prisma.empty;
  const only = q.actions ? Prisma.sql`AND a."action" = ANY(${[...q.actions]}::text[])` : Prisma.empty;
  const cols = Prisma.sql`a."id", a."at", a."action", a."subjectType", a."subjectId", a."orgId", a."changes", a."actorId"`;
  const rows = await tx.$queryRaw<Row[]>`
    WITH subj AS (${subjectsOf(p)})
    SELECT * FROM (
      SELECT ${cols} FROM "AuditLog" a WHERE a."subjectPersonId" = ${p} ${since} ${before} ${notBy} ${only}
      UNION ALL
      SELECT ${cols} FROM "AuditLog" a JOIN subj s ON a."subjectType" = s.t AND a."subjectId" = s.id
       WHERE a."subjectPersonId" IS NULL ${since} ${before} ${notBy} ${only}
    ) l
    ORDER BY l."at" DESC, l."id" DESC
    LIMIT ${q.limit}`;
  const [actors, refs] = await Promise.all([actorsOf(tx, rows.map((r) => r.actorId).filter((x): x is number => x !== null)), refsOf(tx, rows)]);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    orgId: r.orgId,
    changes: r.changes,
    actor: r.actorId === null ? null : (actors.get(r.actorId) ?? { id: r.actorId, name: "?", roles: [] }),
    ref: refs.get(`${r.subjectType}:${r.subjectId}`) ?? null,
  }));
}

/** Names and active roles of the people who wrote the lines. */
async function actorsOf(tx: Tx, ids: number[]): Promise<Map<number, AuditActor>> {
  const want = [...new Set(ids)];
  if (want.length === 0) return new Map();
  const people = await tx.person.findMany({
    where: { id: { in: want } },
    select: { id: true, name: true, memberships: { where: { status: "ACTIVE" }, select: { role: true, orgId: true, org: { select: { kind: true } } } } },
  });
  return new Map(people.map((x) => [x.id, { id: x.id, name: x.name, roles: x.memberships.map((m) => ({ role: m.role, orgId: m.orgId, orgKind: m.org.kind })) }]));
}

/** The numbers people know the lines' records by: requests, training applications, nominations, questions. */
async function refsOf(tx: Tx, rows: Row[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && /^\d+$/.test(r.subjectId)).map((r) => Number(r.subjectId)))];
  const out = new Map<string, string>();
  const put = (type: string, xs: { id: number; number: string | null }[]) => xs.forEach((x) => x.number && out.set(`${type}:${x.id}`, x.number));
  const [aid, training, commend, question] = [idsOf("AidRequest"), idsOf("TrainingApplication"), idsOf("Commendation"), idsOf("Question")];
  if (aid.length > 0) put("AidRequest", await tx.aidRequest.findMany({ where: { id: { in: aid } }, select: { id: true, number: true } }));
  if (training.length > 0) put("TrainingApplication", await tx.trainingApplication.findMany({ where: { id: { in: training } }, select: { id: true, number: true } }));
  if (commend.length > 0) put("Commendation", await tx.commendation.findMany({ where: { id: { in: commend } }, select: { id: true, number: true } }));
  if (question.length > 0) put("Question", await tx.question.findMany({ where: { id: { in: question } }, select: { id: true, number: true } }));
  return out;
}

/** The member, with the organisation they belong to among `orgIds`, or null when they belong to none of them. */
export async function memberIn(tx: Tx, personId: number, orgIds: readonly number[]): Promise<{ id: number; name: string; orgId: number } | null> {
  if (orgIds.length === 0) return null;
  const m = await tx.membership.findFirst({ where: { personId, orgId: { in: [...orgIds] }, role: "MEMBER" }, select: { orgId: true, person: { select: { id: true, name: true } } }, orderBy: { id: "asc" } });
  return m ? { id: m.person.id, name: m.person.name, orgId: m.orgId } : null;
}
