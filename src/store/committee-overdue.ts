// What is overdue where, for the weekly committee digest (src/jobs/committee-digest.ts): one pass
// over every branch given, one statement per topic grouped by branch, counts only. The working-day
// thresholds arrive as plain days (src/domain/committee-figures.ts waitedSinceCutoff), so no
// statement walks a calendar per row.
import type { OverdueScan } from "../domain/committee-figures.ts";
import { addDays, type Day } from "../domain/calendar-day.ts";
import { startOfDayIn } from "../domain/zoned-time.ts";
import type { BranchRules } from "./branch-rules.ts";
import type { Rows } from "./rows.ts";
import { countDueTalks } from "./talk-due.ts";

export interface OverdueQuery {
  branches: readonly BranchRules[];
  /** The committees (and general branches) whose open escalations are counted. */
  committeeIds: readonly number[];
  today: Day;
  timeZone: string;
  /** An aid request waiting since this day or earlier has waited long enough to count. */
  aidWaitingSince: Day;
  /** A suggestion put on this day or earlier and still open counts. */
  suggestionSince: Day;
  /** The first day of this quarter: pairings with no joint activity since then count. */
  quarterStart: Day;
}

export async function overdueScan(rows: Rows, q: OverdueQuery): Promise<OverdueScan> {
  const ids = q.branches.map((b) => b.orgId);
  const endOf = (day: Day) => startOfDayIn(addDays(day, 1), q.timeZone);
  const n = (sql: string, params: unknown[]) => (ids.length === 0 ? Promise.resolve([]) : rows<{ orgId: number; n: number }>(sql, [ids, ...params]));
  const [due, visits, aid, reviews, suggestions, pairings, escalations] = await Promise.all([
    countDueTalks(rows, { today: q.today, timeZone: q.timeZone, branches: q.branches }),
    n(`SELECT "orgId", count(*)::int AS n FROM "VisitTask" WHERE "orgId" = ANY($1::int[]) AND "status" = 'OPEN' AND "dueOn" < $2::date GROUP BY "orgId"`, [q.today]),
    n(
      // Waiting since its filing, or since the member last answered a question (as 催办 counts).
      `SELECT r."orgId", count(*)::int AS n FROM "AidRequest" r
       WHERE r."orgId" = ANY($1::int[]) AND r."status" = 'PENDING'
         AND greatest(r."createdAt", coalesce((SELECT max(e."at") FROM "AidRequestEvent" e WHERE e."requestId" = r."id" AND e."type" = 'INFO_PROVIDED'), r."createdAt"))
             < ($2::timestamptz AT TIME ZONE 'UTC')
       GROUP BY r."orgId"`,
      [endOf(q.aidWaitingSince)],
    ),
    n(`SELECT "orgId", count(*)::int AS n FROM "HardshipEntry" WHERE "orgId" = ANY($1::int[]) AND "status" = 'ACTIVE' AND "nextReviewOn" < $2::date GROUP BY "orgId"`, [q.today]),
    n(`SELECT "orgId", count(*)::int AS n FROM "Suggestion" WHERE "orgId" = ANY($1::int[]) AND "status" = 'OPEN' AND "createdAt" < ($2::timestamptz AT TIME ZONE 'UTC') GROUP BY "orgId"`, [endOf(q.suggestionSince)]),
    n(
      // Begun before this quarter and nothing done together since it began; counted for each branch taking part.
      `SELECT side.org_id AS "orgId", count(DISTINCT p."id")::int AS n
       FROM "OrgPairing" p CROSS JOIN LATERAL (VALUES (p."orgId"), (p."partnerOrgId")) AS side(org_id)
       WHERE p."status" = 'ACTIVE' AND side.org_id = ANY($1::int[]) AND p."startOn" < $2::date
         AND NOT EXISTS (SELECT 1 FROM "OrgPairingActivity" a WHERE a."pairingId" = p."id" AND a."heldOn" >= $2::date)
       GROUP BY side.org_id`,
      [q.quarterStart],
    ),
    q.committeeIds.length === 0
      ? Promise.resolve([])
      : rows<{ fromOrgId: number; toOrgId: number; n: number }>(
          `SELECT "fromOrgId", "toOrgId", count(*)::int AS n FROM "Escalation" WHERE "toOrgId" = ANY($1::int[]) AND "status" = 'OPEN' GROUP BY "fromOrgId", "toOrgId"`,
          [[...q.committeeIds]],
        ),
  ]);
  return {
    rows: { talks: due.filter((r) => r.late > 0).map((r) => ({ orgId: r.orgId, n: r.late })), visits, aid, reviews, suggestions, pairings },
    escalations,
  };
}

/** The weekly digest reaches each secretary of a committee once a week (ISO week, "2026-W49"). */
export const committeeDigestKey = (committeeId: number, week: string, personId: number) => `committee-digest-${committeeId}-${week}-${personId}`;
