// What the daily visit sweeps read and mark: open tasks past their due date, escalation marks,
// active pairings and mobile members with their last logged contact.
import { dateToDay } from "../domain/calendar-day.ts";
import { dayIn } from "../domain/zoned-time.ts";
import type { Tx } from "./tx.ts";

export interface LateTask {
  id: number;
  orgId: number;
  memberId: number;
  memberName: string;
  visitorId: number;
  visitorName: string;
  visitorOpenId: string | null;
  festival: string | null;
  year: number | null;
  eventKind: string | null;
  reason: string | null;
  dueOn: string;
  escalated: boolean;
}

/** Open tasks due before `today`, oldest first. */
export async function lateTasks(tx: Tx, today: string): Promise<LateTask[]> {
  const rows = await tx.$queryRawUnsafe<
    { id: number; orgId: number; memberId: number; member_name: string; visitorId: number; visitor_name: string; open_id: string | null; festival: string | null; year: number | null; eventKind: string | null; reason: string | null; dueOn: Date; escalatedAt: Date | null }[]
  >(
    `SELECT v."id", v."orgId", v."memberId", m."name" AS member_name, v."visitorId", p."name" AS visitor_name, p."larkOpenId" AS open_id,
            v."festival", v."year", v."eventKind", v."reason", v."dueOn", v."escalatedAt"
     FROM "VisitTask" v JOIN "Person" m ON m."id" = v."memberId" JOIN "Person" p ON p."id" = v."visitorId"
     WHERE v."status" = 'OPEN' AND v."dueOn" < $1::date
     ORDER BY v."dueOn", v."id"`,
    today,
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    memberId: r.memberId,
    memberName: r.member_name,
    visitorId: r.visitorId,
    visitorName: r.visitor_name,
    visitorOpenId: r.open_id,
    festival: r.festival,
    year: r.year,
    eventKind: r.eventKind,
    reason: r.reason,
    dueOn: dateToDay(r.dueOn),
    escalated: r.escalatedAt !== null,
  }));
}

/** Sets escalatedAt on those of the tasks not escalated yet; returns the ids it set (once per task, ever). */
export async function markEscalated(tx: Tx, ids: number[], at: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `UPDATE "VisitTask" SET "escalatedAt" = $2 WHERE "id" = ANY($1::int[]) AND "escalatedAt" IS NULL AND "status" = 'OPEN' RETURNING "id"`,
    ids,
    at,
  );
  return new Set(rows.map((r) => r.id));
}

export interface PairingDue {
  pairingId: number;
  orgId: number;
  memberId: number;
  memberName: string;
  helperKind: string;
  helperPersonId: number | null;
  departmentName: string | null;
  lastContact: string | null;
}

/** Pairings active on `today` with the last contact logged for each. */
export async function activePairings(tx: Tx, today: string): Promise<PairingDue[]> {
  const rows = await tx.$queryRawUnsafe<
    { id: number; orgId: number; memberId: number; member_name: string; helperKind: string; helperPersonId: number | null; departmentName: string | null; last_at: Date | null }[]
  >(
    `SELECT pr."id", pr."orgId", pr."memberId", m."name" AS member_name, pr."helperKind", pr."helperPersonId", pr."departmentName",
            (SELECT max(c."at") FROM "ContactLog" c WHERE c."pairingId" = pr."id" AND c."kind" = 'PAIRING') AS last_at
     FROM "Pairing" pr JOIN "Person" m ON m."id" = pr."memberId"
     WHERE pr."startOn" <= $1::date AND (pr."endOn" IS NULL OR pr."endOn" >= $1::date)
     ORDER BY pr."id"`,
    today,
  );
  return rows.map((r) => ({
    pairingId: r.id,
    orgId: r.orgId,
    memberId: r.memberId,
    memberName: r.member_name,
    helperKind: r.helperKind,
    helperPersonId: r.helperPersonId,
    departmentName: r.departmentName,
    lastContact: r.last_at ? dateToDay(r.last_at) : null,
  }));
}

export interface MobileMember {
  id: number;
  name: string;
  orgId: number;
  mobile: string | null;
  whereabouts: string | null;
  leaderId: number | null;
  /** The day the person was put on the roster, in tz: the start of "no contact" when none was ever logged. */
  since: string;
  lastContact: string | null;
  lastContactId: number | null;
}

/** Members tagged MOBILE with their branch and last logged MOBILE contact. */
export async function mobileMembers(tx: Tx, tz: string, orgIds?: number[]): Promise<MobileMember[]> {
  const rows = await tx.$queryRawUnsafe<
    { id: number; name: string; orgId: number; mobile: string | null; whereabouts: string | null; responsibleLeaderId: number | null; createdAt: Date; last_at: Date | null; last_id: number | null }[]
  >(
    `SELECT DISTINCT ON (p."id") p."id", p."name", m."orgId", p."mobile", p."whereabouts", p."responsibleLeaderId", p."createdAt", lc."at" AS last_at, lc."id" AS last_id
     FROM "Person" p
     JOIN "Membership" m ON m."personId" = p."id" AND m."role" = 'MEMBER'
     LEFT JOIN LATERAL (
       SELECT c."id", c."at" FROM "ContactLog" c WHERE c."memberId" = p."id" AND c."kind" = 'MOBILE' ORDER BY c."at" DESC, c."id" DESC LIMIT 1
     ) lc ON true
     WHERE 'MOBILE' = ANY(p."tags") AND ($1::int[] IS NULL OR m."orgId" = ANY($1::int[]))
     ORDER BY p."id", m."orgId"`,
    orgIds ?? null,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.orgId,
    mobile: r.mobile,
    whereabouts: r.whereabouts,
    leaderId: r.responsibleLeaderId,
    since: dayIn(r.createdAt, tz),
    lastContact: r.last_at ? dateToDay(r.last_at) : null,
    lastContactId: r.last_id,
  }));
}

/** People by id with their Lark open_id (recipients of reminders). */
export async function reachable(tx: Tx, ids: number[]): Promise<Map<number, { name: string; openId: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, larkOpenId: true } });
  return new Map(rows.map((r) => [r.id, { name: r.name, openId: r.larkOpenId }]));
}

/** Which of these outbox keys exist already (messages staged before, sent or not). */
export async function existingOutboxKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } });
  return new Set(rows.map((r) => r.idempotencyKey));
}
