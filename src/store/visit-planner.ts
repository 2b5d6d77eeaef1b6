// The festival planner's SQL: one statement per festival and group of branches with the same
// rules picks the eligible members, assigns each a visitor and inserts the tasks, so planning
// 100,000 members is a set operation in PostgreSQL, not a loop in Node. The unique key
// (memberId, festival, year) and ON CONFLICT DO NOTHING make any re-run insert nothing.
// Plain SQL over Rows (not Prisma's model API): the planner is a hot path, and staging thousands
// of digest cards through Prisma's createMany costs seconds and hundreds of megabytes. The
// statements of one festival run in one transaction (planning-transaction.ts).
import type { Criteria } from "../domain/visit-eligibility.ts";
import type { Rows } from "./rows.ts";
import { sealer } from "./sealing.ts";
import { activeMembership, alive, reachable, stillIn } from "./standing.ts";

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
 * Inserts the missing tasks of one festival for the branches in `g`, for members whose
 * membership there is ACTIVE and who are alive (standing.ts). The visitor is the member's
 * active pairing helper, else their responsible leader, else the branch secretary: the first
 * of them who is on Lark, still holds an active membership, and is not the member.
 */
export async function insertFestivalTasks(run: Rows, g: PlanGroup, today: string, now: Date): Promise<PlanOutcome> {
  const c = g.criteria;
  const rows = await run<{ visitor_id: number | null; n: number; first_id: number | null }>(
    `WITH cand AS (
       SELECT DISTINCT ON (p."id") p."id" AS member_id, m."orgId" AS org_id, p."responsibleLeaderId" AS leader_id,
         array_to_string(array_remove(ARRAY[
           CASE WHEN $1::boolean AND ('OLD_MEMBER' = ANY(p."tags") OR p."joinedPartyOn" <= $2::date OR p."birthDate" <= $3::date) THEN 'OLD_MEMBER' END,
           CASE WHEN $1::boolean AND 'OLD_CADRE' = ANY(p."tags") THEN 'OLD_CADRE' END,
           CASE WHEN $1::boolean AND 'OLD_MODEL' = ANY(p."tags") THEN 'OLD_MODEL' END,
           CASE WHEN $4::boolean AND h."id" IS NOT NULL THEN 'HARDSHIP' END,
           CASE WHEN p."birthDate" <= $5::date THEN 'ELDERLY' END,
           CASE WHEN $6::boolean AND 'VETERAN' = ANY(p."tags") THEN 'VETERAN' END
         ]::text[], NULL), ',') AS reason
       FROM "Membership" m
       JOIN "Person" p ON p."id" = m."personId"
       LEFT JOIN "HardshipEntry" h ON h."personId" = p."id" AND h."status" = 'ACTIVE'
       WHERE m."role" = 'MEMBER' AND m."orgId" = ANY($7::int[]) AND ${activeMembership("m")} AND ${alive("p")}
         AND NOT EXISTS (SELECT 1 FROM "VisitTask" v WHERE v."memberId" = p."id" AND v."festival" = $8 AND v."year" = $9)
       -- Two active memberships (a re-import before the old branch's removal is confirmed): the newest is where the member is.
       ORDER BY p."id", m."id" DESC
     ),
     -- The first two secretaries on Lark per branch: the second visits when the first is the member.
     sec AS (
       SELECT s."orgId" AS org_id, (array_agg(s."personId" ORDER BY s."personId"))[1:2] AS ids
       FROM "Membership" s JOIN "Person" sp ON sp."id" = s."personId"
       WHERE s."role" = 'SECRETARY' AND s."orgId" = ANY($7::int[]) AND sp."larkOpenId" IS NOT NULL AND ${activeMembership("s")} AND ${alive("sp")}
       GROUP BY s."orgId"
     ),
     -- Each member's newest pairing active today whose helper is on Lark.
     helper AS (
       SELECT DISTINCT ON (pr."memberId") pr."memberId" AS member_id, pr."helperPersonId" AS helper_id
       FROM "Pairing" pr JOIN "Person" hp ON hp."id" = pr."helperPersonId"
       WHERE hp."larkOpenId" IS NOT NULL AND pr."helperPersonId" <> pr."memberId" AND ${reachable("hp")}
         AND pr."startOn" <= $11::date AND (pr."endOn" IS NULL OR pr."endOn" >= $11::date)
       ORDER BY pr."memberId", pr."startOn" DESC, pr."id" DESC
     ),
     assigned AS MATERIALIZED (
       SELECT e.org_id, e.member_id, e.reason,
              COALESCE(hl.helper_id, l."id", CASE WHEN sec.ids[1] <> e.member_id THEN sec.ids[1] ELSE sec.ids[2] END) AS visitor_id
       FROM cand e
       LEFT JOIN helper hl ON hl.member_id = e.member_id
       LEFT JOIN "Person" l ON l."id" = e.leader_id AND l."id" <> e.member_id AND l."larkOpenId" IS NOT NULL AND ${reachable("l", ["LEADER", "SECRETARY"])}
       LEFT JOIN sec ON sec.org_id = e.org_id
       WHERE e.reason <> ''
     ),
     ins AS (
       INSERT INTO "VisitTask" ("orgId", "memberId", "visitorId", "festival", "year", "reason", "dueOn", "createdAt")
       -- In visitor order, so a visitor's tasks share a page or two and their digest reads few
       -- (in member order, 500 visitors' digests read 8,500 pages at a million members).
       SELECT org_id, member_id, visitor_id, $8, $9, reason, $10::date, $12::timestamptz AT TIME ZONE 'UTC' FROM assigned WHERE visitor_id IS NOT NULL
       ORDER BY visitor_id, member_id
       ON CONFLICT ("memberId", "festival", "year") DO NOTHING
       RETURNING "id", "visitorId"
     )
     SELECT "visitorId" AS visitor_id, count(*)::int AS n, min("id")::int AS first_id FROM ins GROUP BY "visitorId"
     UNION ALL
     SELECT NULL, count(*)::int, NULL FROM assigned WHERE visitor_id IS NULL`,
    [c.core, c.oldMemberJoinedBy, c.oldMemberBornBy, c.hardship, c.elderlyBornBy, c.veteran, g.orgIds, g.festival, g.year, g.dueOn, today, now.toISOString()],
  );
  const perVisitor: PlannedForVisitor[] = [];
  let unassigned = 0;
  for (const r of rows) {
    if (r.visitor_id === null) unassigned += r.n;
    else perVisitor.push({ visitorId: r.visitor_id, count: r.n, firstTaskId: r.first_id ?? 0 });
  }
  // Digests are read a chunk of visitors at a time: neighbours in id share pages (above).
  perVisitor.sort((a, b) => a.visitorId - b.visitorId);
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
export async function digestsFor(run: Rows, festival: string, year: number, visitorIds: number[], perVisitor: number, fromTaskId: number): Promise<VisitorDigest[]> {
  if (visitorIds.length === 0) return [];
  // Visitor by visitor through the (visitorId, status) index: the tasks were inserted in this
  // same transaction, after the table's statistics were taken, so a statement over all the given
  // visitors at once was planned as a scan of every open task (0.7 s for 500 visitors at
  // 1,000,000 members, 63 s for a festival's 49,000 digests).
  const rows = await run<{ visitor_id: number; open_id: string; visitor_name: string; total: number; task_id: number; member_name: string; org_name: string; reason: string | null }>(
    `SELECT vp."id" AS visitor_id, vp."larkOpenId" AS open_id, vp."name" AS visitor_name, t.total::int AS total,
            t."id" AS task_id, mp."name" AS member_name, o."name" AS org_name, t."reason"
     FROM unnest($3::int[]) AS vis(id)
     JOIN "Person" vp ON vp."id" = vis.id
     CROSS JOIN LATERAL (
       SELECT v."id", v."memberId", v."orgId", v."reason", row_number() OVER (ORDER BY v."id") AS rn, count(*) OVER () AS total
       FROM "VisitTask" v JOIN "Person" mv ON mv."id" = v."memberId"
       WHERE v."visitorId" = vis.id AND v."status" = 'OPEN' AND v."festival" = $1 AND v."year" = $2 AND v."id" >= $5
         AND ${stillIn("mv", 'v."orgId"')}
     ) t
     JOIN "Person" mp ON mp."id" = t."memberId"
     JOIN "Organization" o ON o."id" = t."orgId"
     WHERE t.rn <= $4 AND vp."larkOpenId" IS NOT NULL AND ${reachable("vp")}
     ORDER BY vp."id", t."id"`,
    [festival, year, visitorIds, perVisitor, fromTaskId],
  );
  const out = new Map<number, VisitorDigest>();
  for (const r of rows) {
    let d = out.get(r.visitor_id);
    if (!d) {
      d = { visitorId: r.visitor_id, openId: r.open_id, name: r.visitor_name, total: r.total, lines: [] };
      out.set(r.visitor_id, d);
    }
    // Festival reasons are plain codes; `keys:rotate` seals them with the rest of the column.
    d.lines.push({ taskId: r.task_id, memberName: r.member_name, orgName: r.org_name, reason: r.reason?.startsWith("enc1:") ? sealer(run).open("VisitTask.reason", r.reason) : r.reason });
  }
  return [...out.values()];
}

/** Which of these outbox keys exist already: outbox.existingKeys, on the planner's own connection. */
export async function existingKeys(run: Rows, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await run<{ k: string }>(`SELECT "idempotencyKey" AS k FROM "OutboxMessage" WHERE "idempotencyKey" = ANY($1::text[])`, [keys]);
  return new Set(rows.map((r) => r.k));
}

/**
 * Stages cards to people (what stageOutgoing does for a SEND to an open_id), as one statement
 * fed one JSON document; keys that exist are skipped. Returns the ids of the new rows.
 */
export async function stageCards(run: Rows, cards: { key: string; openId: string; card: object }[]): Promise<number[]> {
  if (cards.length === 0) return [];
  const rows = await run<{ id: number }>(
    `INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "rateKey", "msgType", "content", "createdAt", "updatedAt")
     SELECT x.key, 'SEND', 'open_id', x.open_id, x.open_id, 'interactive', x.card, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
     FROM jsonb_to_recordset($1::jsonb) AS x(key text, open_id text, card jsonb)
     ON CONFLICT ("idempotencyKey") DO NOTHING
     RETURNING "id"`,
    [JSON.stringify(cards.map((c) => ({ key: c.key, open_id: c.openId, card: c.card })))],
  );
  return rows.map((r) => r.id);
}

/** Every organisation with its raw settings (few rows: one per branch). */
export async function orgSettings(run: Rows): Promise<{ id: number; settings: unknown }[]> {
  return run<{ id: number; settings: unknown }>(`SELECT "id", "settings" FROM "Organization" ORDER BY "id"`, []);
}
