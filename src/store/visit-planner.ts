// The festival planner's SQL: one statement per festival and group of branches with the same
// rules picks the eligible members, assigns each a visitor and inserts the tasks, so planning
// 100,000 members is a set operation in PostgreSQL, not a loop in Node. The unique key
// (memberId, festival, year) and ON CONFLICT DO NOTHING make any re-run insert nothing.
import type { Criteria } from "../domain/visit-eligibility.ts";
import type { Tx } from "./tx.ts";

export interface PlanGroup {
  festival: string;
  year: number;
  /** The festival day: the tasks' due date, and the day ages are counted on. */
  dueOn: string;
  criteria: Criteria;
  orgIds: number[];
}

export interface PlannedForVisitor {
  visitorId: number;
  count: number;
  firstTaskId: number;
}

export interface PlanOutcome {
  perVisitor: PlannedForVisitor[];
  /** Eligible members with nobody to visit them (no helper, leader or secretary on Lark). */
  unassigned: number;
}

/**
 * Inserts the missing tasks of one festival for the branches in `g`. The visitor is the
 * member's active pairing helper, else their responsible leader, else the branch secretary:
 * the first of them who is on Lark and is not the member.
 */
export async function insertFestivalTasks(tx: Tx, g: PlanGroup, today: string, now: Date): Promise<PlanOutcome> {
  const c = g.criteria;
  const rows = await tx.$queryRawUnsafe<{ visitor_id: number | null; n: number; first_id: number | null }[]>(
    `WITH cand AS (
       SELECT DISTINCT ON (p."id") p."id" AS member_id, m."orgId" AS org_id, p."responsibleLeaderId" AS leader_id,
         array_to_string(array_remove(ARRAY[
           CASE WHEN $1::boolean AND ('OLD_MEMBER' = ANY(p."tags") OR p."joinedPartyOn" <= $2::date OR p."birthDate" <= $3::date) THEN 'OLD_MEMBER' END,
           CASE WHEN $1::boolean AND 'OLD_CADRE' = ANY(p."tags") THEN 'OLD_CADRE' END,
           CASE WHEN $1::boolean AND 'OLD_MODEL' = ANY(p."tags") THEN 'OLD_MODEL' END,
           CASE WHEN $4::boolean AND EXISTS (SELECT 1 FROM "HardshipEntry" h WHERE h."personId" = p."id" AND h."status" = 'ACTIVE') THEN 'HARDSHIP' END,
           CASE WHEN p."birthDate" <= $5::date THEN 'ELDERLY' END,
           CASE WHEN $6::boolean AND 'VETERAN' = ANY(p."tags") THEN 'VETERAN' END
         ]::text[], NULL), ',') AS reason
       FROM "Membership" m
       JOIN "Person" p ON p."id" = m."personId"
       WHERE m."role" = 'MEMBER' AND m."orgId" = ANY($7::int[])
         AND NOT EXISTS (SELECT 1 FROM "VisitTask" v WHERE v."memberId" = p."id" AND v."festival" = $8 AND v."year" = $9)
       ORDER BY p."id", m."orgId"
     ),
     assigned AS MATERIALIZED (
       SELECT e.*, COALESCE(
         (SELECT pr."helperPersonId" FROM "Pairing" pr JOIN "Person" hp ON hp."id" = pr."helperPersonId"
           WHERE pr."memberId" = e.member_id AND pr."helperPersonId" <> e.member_id AND hp."larkOpenId" IS NOT NULL
             AND pr."startOn" <= $11::date AND (pr."endOn" IS NULL OR pr."endOn" >= $11::date)
           ORDER BY pr."startOn" DESC, pr."id" DESC LIMIT 1),
         (SELECT l."id" FROM "Person" l WHERE l."id" = e.leader_id AND l."id" <> e.member_id AND l."larkOpenId" IS NOT NULL),
         (SELECT s."personId" FROM "Membership" s JOIN "Person" sp ON sp."id" = s."personId"
           WHERE s."orgId" = e.org_id AND s."role" = 'SECRETARY' AND s."personId" <> e.member_id AND sp."larkOpenId" IS NOT NULL
           ORDER BY s."personId" LIMIT 1)
       ) AS visitor_id
       FROM cand e WHERE e.reason <> ''
     ),
     ins AS (
       INSERT INTO "VisitTask" ("orgId", "memberId", "visitorId", "festival", "year", "reason", "dueOn", "createdAt")
       SELECT org_id, member_id, visitor_id, $8, $9, reason, $10::date, $12 FROM assigned WHERE visitor_id IS NOT NULL
       ON CONFLICT ("memberId", "festival", "year") DO NOTHING
       RETURNING "id", "visitorId"
     )
     SELECT "visitorId" AS visitor_id, count(*)::int AS n, min("id")::int AS first_id FROM ins GROUP BY "visitorId"
     UNION ALL
     SELECT NULL, count(*)::int, NULL FROM assigned WHERE visitor_id IS NULL`,
    c.core,
    c.oldMemberJoinedBy,
    c.oldMemberBornBy,
    c.hardship,
    c.elderlyBornBy,
    c.veteran,
    g.orgIds,
    g.festival,
    g.year,
    g.dueOn,
    today,
    now,
  );
  const perVisitor: PlannedForVisitor[] = [];
  let unassigned = 0;
  for (const r of rows) {
    if (r.visitor_id === null) unassigned += r.n;
    else perVisitor.push({ visitorId: r.visitor_id, count: r.n, firstTaskId: r.first_id ?? 0 });
  }
  return { perVisitor, unassigned };
}

export interface DigestLine {
  taskId: number;
  memberName: string;
  orgName: string;
  reason: string | null;
}

export interface VisitorDigest {
  visitorId: number;
  openId: string;
  name: string;
  total: number;
  lines: DigestLine[];
}

/** The open tasks of a festival for each visitor (from task id `fromTaskId` on): the first `perVisitor` of them and how many in all. */
export async function digestsFor(tx: Tx, festival: string, year: number, visitorIds: number[], perVisitor: number, fromTaskId: number): Promise<VisitorDigest[]> {
  if (visitorIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<
    { visitor_id: number; open_id: string; visitor_name: string; total: number; task_id: number; member_name: string; org_name: string; reason: string | null }[]
  >(
    `SELECT t."visitorId" AS visitor_id, vp."larkOpenId" AS open_id, vp."name" AS visitor_name, t.total::int AS total,
            t."id" AS task_id, mp."name" AS member_name, o."name" AS org_name, t."reason"
     FROM (
       SELECT v.*, row_number() OVER w AS rn, count(*) OVER (PARTITION BY v."visitorId") AS total
       FROM "VisitTask" v
       WHERE v."festival" = $1 AND v."year" = $2 AND v."visitorId" = ANY($3::int[]) AND v."status" = 'OPEN' AND v."id" >= $5
       WINDOW w AS (PARTITION BY v."visitorId" ORDER BY v."id")
     ) t
     JOIN "Person" vp ON vp."id" = t."visitorId"
     JOIN "Person" mp ON mp."id" = t."memberId"
     JOIN "Organization" o ON o."id" = t."orgId"
     WHERE t.rn <= $4 AND vp."larkOpenId" IS NOT NULL
     ORDER BY t."visitorId", t."id"`,
    festival,
    year,
    visitorIds,
    perVisitor,
    fromTaskId,
  );
  const out = new Map<number, VisitorDigest>();
  for (const r of rows) {
    let d = out.get(r.visitor_id);
    if (!d) {
      d = { visitorId: r.visitor_id, openId: r.open_id, name: r.visitor_name, total: r.total, lines: [] };
      out.set(r.visitor_id, d);
    }
    d.lines.push({ taskId: r.task_id, memberName: r.member_name, orgName: r.org_name, reason: r.reason });
  }
  return [...out.values()];
}

/** Which of these outbox keys exist already. */
export async function existingKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } });
  return new Set(rows.map((r) => r.idempotencyKey));
}

/** Every organisation with its raw settings (few rows: one per branch). */
export async function orgSettings(tx: Tx): Promise<{ id: number; settings: unknown }[]> {
  return tx.organization.findMany({ select: { id: true, settings: true }, orderBy: { id: "asc" } });
}
