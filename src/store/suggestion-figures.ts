// 意见建议 in the quarterly analysis (分析): how many the branch received in the period, how many
// of those were anonymous, how many it answered in the period, and how many are open now.
// Counts only; never a text or a name.
import type { SuggestionFigures } from "../domain/branch-analysis.ts";
import type { Rows } from "./rows.ts";

export async function suggestionFigures(rows: Rows, q: { orgId: number; from: Date; until: Date }): Promise<SuggestionFigures> {
  const [r] = await rows<SuggestionFigures>(
    `SELECT count(*) FILTER (WHERE "createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "createdAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS received,
            count(*) FILTER (WHERE "anonymous" AND "createdAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "createdAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS anonymous,
            count(*) FILTER (WHERE "answeredAt" >= ($2::timestamptz AT TIME ZONE 'UTC') AND "answeredAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS answered,
            count(*) FILTER (WHERE "status" = 'OPEN' AND "createdAt" < ($3::timestamptz AT TIME ZONE 'UTC'))::int AS open
     FROM "Suggestion" WHERE "orgId" = $1`,
    [q.orgId, q.from, q.until],
  );
  return r ?? { received: 0, anonymous: 0, answered: 0, open: 0 };
}
