// Reviews of the hardship archive (动态管理): which entries are due, and the three decisions a
// review card offers. Each decision is one HardshipHistory line beside the change, in the
// caller's transaction. Resolving is the archive's own resolveEntry (aid-hardship.ts).
import type { Prisma } from "../generated/prisma/client.ts";
import type { HardshipCause, HardshipLevel } from "../domain/hardship-rules.ts";
import { dayToDate } from "../domain/calendar-day.ts";
import type { HardshipRow } from "./aid-hardship.ts";
import type { BranchRules } from "./branch-rules.ts";
import type { Rows } from "./rows.ts";
import { sealer, sealJson } from "./sealing.ts";
import { stillIn } from "./standing.ts";
import type { Tx } from "./tx.ts";

export interface DueReview {
  entryId: number;
  orgId: number;
  orgName: string;
  personId: number;
  memberName: string;
  level: HardshipLevel;
  causes: HardshipCause[];
  household: string;
  nextReviewOn: string;
  openedOn: string;
}

/**
 * Active entries whose next review is within the branch's lead days, or past; only of members
 * still in the entry's branch (a departed member's entry is closed or moved by the lifecycle,
 * and until then nobody is asked to review it).
 */
export async function findDueReviews(rows: Rows, q: { today: string; timeZone: string; branches: readonly BranchRules[] }): Promise<DueReview[]> {
  if (q.branches.length === 0) return [];
  const due = await rows<DueReview>(
    `WITH rules AS (SELECT * FROM unnest($2::int[], $3::int[]) AS r(org_id, lead_days))
     SELECT e."id" AS "entryId", e."orgId", o."name" AS "orgName", e."personId", p."name" AS "memberName", e."level",
            e."causes"::text[] AS "causes", e."household", e."nextReviewOn"::text AS "nextReviewOn", ((e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $4)::date::text AS "openedOn"
     FROM "HardshipEntry" e JOIN rules r ON r.org_id = e."orgId" JOIN "Organization" o ON o."id" = e."orgId" JOIN "Person" p ON p."id" = e."personId"
     WHERE e."status" = 'ACTIVE' AND e."nextReviewOn" <= $1::date + r.lead_days AND ${stillIn("p", 'e."orgId"')}
     ORDER BY e."nextReviewOn", e."id"`,
    [q.today, q.branches.map((b) => b.orgId), q.branches.map((b) => b.review.leadDays), q.timeZone],
  );
  if (due.length === 0) return due;
  const keys = sealer(rows);
  return due.map((d) => ({ ...d, household: keys.open("HardshipEntry.household", d.household) }));
}

async function history(tx: Tx, entryId: number, at: Date, actorId: number | null, action: string, changes: Prisma.InputJsonValue): Promise<number> {
  // Sealed whole: a review's notes and a referral's reason are the secretary's words about a household.
  const h = await tx.hardshipHistory.create({ data: { entryId, at, actorId, action, changes: sealJson(sealer(tx), "HardshipHistory.changes", changes)! }, select: { id: true } });
  return h.id;
}

/** Kept in the archive: maybe a new level, a next review day, the secretary's notes. False when no longer active. */
export async function keepEntry(tx: Tx, e: HardshipRow, d: { level: HardshipLevel; nextReviewOn: string; notes: string; byId: number; at: Date }): Promise<boolean> {
  const n = await tx.hardshipEntry.updateMany({ where: { id: e.id, status: "ACTIVE" }, data: { level: d.level, nextReviewOn: dayToDate(d.nextReviewOn), updatedAt: d.at } });
  if (n.count === 0) return false;
  const changes: Record<string, Prisma.InputJsonValue> = { decision: "KEEP", nextReviewOn: [e.nextReviewOn, d.nextReviewOn] };
  if (d.level !== e.level) changes.level = [e.level, d.level];
  if (d.notes) changes.notes = d.notes;
  await history(tx, e.id, d.at, d.byId, "REVIEWED", changes);
  return true;
}

/** Referred to the upper organisation, with the reason; reviewed again on the given day. */
export async function referEntry(tx: Tx, e: HardshipRow, d: { reason: string; nextReviewOn: string; byId: number; at: Date }): Promise<number | null> {
  const n = await tx.hardshipEntry.updateMany({ where: { id: e.id, status: "ACTIVE" }, data: { nextReviewOn: dayToDate(d.nextReviewOn), updatedAt: d.at } });
  if (n.count === 0) return null;
  return history(tx, e.id, d.at, d.byId, "REFERRED", { reason: d.reason, nextReviewOn: [e.nextReviewOn, d.nextReviewOn] });
}

/** Notes that an overdue review went to the upper organisation (once per review day; the caller knows it is new). */
export async function recordEscalation(tx: Tx, entryId: number, d: { reviewOn: string; to: number[]; at: Date }): Promise<void> {
  await history(tx, entryId, d.at, null, "ESCALATED", { nextReviewOn: d.reviewOn, to: d.to });
}
