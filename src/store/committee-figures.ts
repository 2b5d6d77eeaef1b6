// The figures of the committee's view (党委总览): every topic of the branch analysis counted over
// all the branches below a committee at once, one statement per topic grouped by branch, so a
// committee of 100 branches and 100,000 members costs the same dozen statements as one of three.
// Counts and sums only: no names, no notes (the committee sees figures; details need an escalation).
import type { CommitteeFigureRows, OrgNode } from "../domain/committee-figures.ts";
import { addDays, type Day } from "../domain/calendar-day.ts";
import { startOfDayIn } from "../domain/zoned-time.ts";
import type { BranchRules } from "./branch-rules.ts";
import type { Rows } from "./rows.ts";
import { activeMembership } from "./standing.ts";
import { countDueTalks } from "./talk-due.ts";

/** Every organisation with its place in the tree (a few hundred rows at most). */
export async function orgTree(rows: Rows): Promise<OrgNode[]> {
  return rows<OrgNode>(`SELECT "id", "name", "code", "kind"::text AS "kind", "parentId" FROM "Organization" ORDER BY "id"`, []);
}

export interface FigureQuery {
  /** The branches to count, with their care rules (the talk cadence). */
  branches: readonly BranchRules[];
  /** The committee viewing: escalations to it are counted. */
  committeeId: number;
  period: { start: Day; end: Day };
  /** The day the figures are as of: the period's end, or today while it runs. */
  asOf: Day;
  timeZone: string;
}

// Timestamps are stored as UTC without a zone; instants are compared as ($n::timestamptz AT TIME ZONE 'UTC').
const AT = (n: number) => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

export async function committeeFigureRows(rows: Rows, q: FigureQuery): Promise<CommitteeFigureRows> {
  const ids = q.branches.map((b) => b.orgId);
  const year = Number(q.asOf.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const from = startOfDayIn(q.period.start, q.timeZone);
  const until = startOfDayIn(addDays(q.asOf, 1), q.timeZone);
  const yearFrom = startOfDayIn(yearStart, q.timeZone);
  const n = (sql: string, params: unknown[]) => rows<{ orgId: number; n: number }>(sql, [ids, ...params]);

  const [due, talks, peerTalks, visits, archive, requests, paid, balances, training, sessions, employment, suggestions, pairings, escalations] = await Promise.all([
    countDueTalks(rows, { today: q.asOf, timeZone: q.timeZone, branches: q.branches }),
    rows<{ orgId: number; talks: number; members: number }>(
      `SELECT "orgId", count(*)::int AS talks, count(DISTINCT "memberId")::int AS members FROM "Talk"
       WHERE "orgId" = ANY($1::int[]) AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY "orgId"`,
      [ids, q.period.start, q.asOf],
    ),
    n(`SELECT "orgId", count(*)::int AS n FROM "PeerTalk" WHERE "orgId" = ANY($1::int[]) AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY "orgId"`, [q.period.start, q.asOf]),
    rows<{ orgId: number; festival: string; planned: number; done: number }>(
      // Event visits (六必访) count under "EVENT" by the year of their due day, as 走访统计 does.
      `SELECT "orgId", COALESCE("festival", 'EVENT') AS festival, count(*)::int AS planned, count(*) FILTER (WHERE "status" = 'DONE')::int AS done
       FROM "VisitTask" WHERE "orgId" = ANY($1::int[]) AND "status" <> 'CANCELLED' AND COALESCE("year", EXTRACT(YEAR FROM "dueOn")::int) = $2
       GROUP BY "orgId", COALESCE("festival", 'EVENT')`,
      [ids, year],
    ),
    rows<{ orgId: number; level: "GENERAL" | "SERIOUS" | "SPECIAL"; active: number; reviewsOverdue: number }>(
      `SELECT "orgId", "level"::text AS level, count(*)::int AS active, count(*) FILTER (WHERE "nextReviewOn" < $2::date)::int AS "reviewsOverdue"
       FROM "HardshipEntry" WHERE "orgId" = ANY($1::int[]) AND "status" = 'ACTIVE' GROUP BY "orgId", "level"`,
      [ids, q.asOf],
    ),
    rows<{ orgId: number; status: CommitteeFigureRows["requests"][number]["status"]; n: number }>(
      `SELECT "orgId", "status"::text AS status, count(*)::int AS n FROM "AidRequest"
       WHERE "orgId" = ANY($1::int[]) AND "createdAt" >= ${AT(2)} AND "createdAt" < ${AT(3)} GROUP BY "orgId", "status"`,
      [ids, from, until],
    ),
    rows<{ orgId: number; source: CommitteeFigureRows["paid"][number]["source"]; fen: string }>(
      // Paid this year, net of reversals (冲正): a payment booked back into the fund was not paid.
      `SELECT e."orgId", e."source"::text AS source, sum(CASE WHEN e."kind" = 'DISBURSEMENT' THEN e."amountFen" ELSE -e."amountFen" END)::text AS fen
       FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
       WHERE e."orgId" = ANY($1::int[]) AND (e."kind" = 'DISBURSEMENT' OR (e."kind" = 'REVERSAL' AND o."kind" = 'DISBURSEMENT'))
         AND e."createdAt" >= ${AT(2)} AND e."createdAt" < ${AT(3)} GROUP BY e."orgId", e."source"`,
      [ids, yearFrom, until],
    ),
    rows<{ orgId: number; source: CommitteeFigureRows["balances"][number]["source"]; fen: number }>(
      `SELECT "orgId", "source"::text AS source, "balanceFen" AS fen FROM "FundBalance" WHERE "orgId" = ANY($1::int[])`,
      [ids],
    ),
    rows<{ orgId: number; members: number; trained: number }>(
      // Members of the branch now, and those of them who attended one of its sessions this year.
      `WITH trained AS (
         SELECT DISTINCT s."orgId", a."personId" FROM "TrainingSession" s JOIN "TrainingAttendance" a ON a."sessionId" = s."id"
         WHERE s."orgId" = ANY($1::int[]) AND s."heldOn" BETWEEN $2::date AND $3::date
       )
       SELECT ms."orgId", count(DISTINCT ms."personId")::int AS members, count(DISTINCT t."personId")::int AS trained
       FROM "Membership" ms LEFT JOIN trained t ON t."orgId" = ms."orgId" AND t."personId" = ms."personId"
       WHERE ms."orgId" = ANY($1::int[]) AND ms."role" = 'MEMBER' AND ${activeMembership("ms")} GROUP BY ms."orgId"`,
      [ids, yearStart, q.asOf],
    ),
    n(`SELECT "orgId", count(*)::int AS n FROM "TrainingSession" WHERE "orgId" = ANY($1::int[]) AND "heldOn" BETWEEN $2::date AND $3::date GROUP BY "orgId"`, [q.period.start, q.asOf]),
    rows<{ orgId: number; open: number; employed: number }>(
      `SELECT "orgId", count(*) FILTER (WHERE "status" = 'OPEN')::int AS open,
              count(*) FILTER (WHERE "status" = 'EMPLOYED' AND "employedOn" BETWEEN $2::date AND $3::date)::int AS employed
       FROM "EmploymentCase" WHERE "orgId" = ANY($1::int[]) GROUP BY "orgId"`,
      [ids, q.period.start, q.asOf],
    ),
    n(`SELECT "orgId", count(*)::int AS n FROM "Suggestion" WHERE "orgId" = ANY($1::int[]) AND "status" = 'OPEN' GROUP BY "orgId"`, []),
    // A pairing counts for each branch that takes part in it, on either side.
    n(
      `SELECT side.org_id AS "orgId", count(DISTINCT p."id")::int AS n
       FROM "OrgPairing" p CROSS JOIN LATERAL (VALUES (p."orgId"), (p."partnerOrgId")) AS side(org_id)
       WHERE p."status" = 'ACTIVE' AND side.org_id = ANY($1::int[]) GROUP BY side.org_id`,
      [],
    ),
    n(`SELECT "fromOrgId" AS "orgId", count(*)::int AS n FROM "Escalation" WHERE "fromOrgId" = ANY($1::int[]) AND "toOrgId" = $2 AND "status" = 'OPEN' GROUP BY "fromOrgId"`, [q.committeeId]),
  ]);
  return {
    due,
    talks,
    peerTalks,
    visits,
    archive,
    requests,
    paid: paid.map((r) => ({ ...r, fen: Number(r.fen) })),
    balances,
    training,
    sessions,
    employment,
    suggestions,
    pairings,
    escalations,
  };
}

/** Open escalations to the organisation, from anywhere below it. */
export async function openEscalationsTo(rows: Rows, orgId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "Escalation" WHERE "toOrgId" = $1 AND "status" = 'OPEN'`, [orgId]);
  return r?.n ?? 0;
}
