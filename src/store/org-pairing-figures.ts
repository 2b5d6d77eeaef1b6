// 组织结对 in figures, set-based over Rows (a handler's transaction or the pool): for the
// reports (分析, the committee's view, the year-end report) and the quarterly reminder's sweep.
// Counts only; what an activity was stays sealed and unread here.
import type { Day } from "../domain/calendar-day.ts";
import type { OrgPairingStatus } from "../domain/org-pairing.ts";
import type { Rows } from "./rows.ts";

export interface PairingFigures {
  orgId: number;
  /** Pairings with the organisation on either side that were active at some time in the period. */
  activePairings: number;
  /** Joint activities of those pairings held in the period (recorded by either side). */
  activities: number;
}

/**
 * Per organisation (every one asked for, zeros included): its pairings active at some time in
 * [from, to] (ACTIVE, or ENDED after `from`; never a proposal not accepted), and their joint
 * activities held in the period. The reference the reports count by.
 */
export async function pairingFigures(rows: Rows, orgIds: readonly number[], from: Day, to: Day): Promise<PairingFigures[]> {
  if (orgIds.length === 0) return [];
  const found = await rows<{ orgId: number; pairings: number; activities: number }>(
    `WITH sides AS (
       SELECT p."id", s."orgId" FROM "OrgPairing" p
       CROSS JOIN LATERAL (VALUES (p."orgId"), (p."partnerOrgId")) AS s("orgId")
       WHERE s."orgId" = ANY($1::int[]) AND p."status" IN ('ACTIVE', 'ENDED')
         AND p."startOn" <= $3::date AND (p."endOn" IS NULL OR p."endOn" >= $2::date)
     )
     SELECT sides."orgId", count(DISTINCT sides."id")::int AS pairings, count(a."id")::int AS activities
     FROM sides LEFT JOIN "OrgPairingActivity" a ON a."pairingId" = sides."id" AND a."heldOn" BETWEEN $2::date AND $3::date
     GROUP BY sides."orgId"`,
    [[...orgIds], from, to],
  );
  const by = new Map(found.map((f) => [f.orgId, f]));
  return [...new Set(orgIds)].map((orgId) => ({ orgId, activePairings: by.get(orgId)?.pairings ?? 0, activities: by.get(orgId)?.activities ?? 0 }));
}

export interface ReminderCandidate {
  id: number;
  orgId: number;
  partnerOrgId: number | null;
  status: OrgPairingStatus;
  startOn: Day;
  remindedQuarter: string | null;
  activitiesInQuarter: number;
}

/** Every active pairing with its activities held in the quarter so far (the reminder decides by domain rule). */
export async function activePairingsIn(rows: Rows, quarter: { start: Day; end: Day }): Promise<ReminderCandidate[]> {
  return rows<ReminderCandidate>(
    `SELECT p."id", p."orgId", p."partnerOrgId", p."status"::text AS "status", p."startOn"::text AS "startOn", p."remindedQuarter",
            (SELECT count(*)::int FROM "OrgPairingActivity" a WHERE a."pairingId" = p."id" AND a."heldOn" BETWEEN $1::date AND $2::date) AS "activitiesInQuarter"
     FROM "OrgPairing" p WHERE p."status" = 'ACTIVE' ORDER BY p."id"`,
    [quarter.start, quarter.end],
  );
}
