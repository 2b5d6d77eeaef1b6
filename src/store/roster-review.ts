// RosterReview rows: a re-import's proposed removals (src/domain/roster-review.ts), written by
// the import in its transaction and decided by the secretary from the card. The memberships
// they end stay as ENDED rows: nobody is deleted.
import type { Prisma } from "../generated/prisma/client.ts";
import { dayToDate } from "../domain/calendar-day.ts";
import { reviewPlanSchema, type HeldMembership, type ReviewPlan, type ReviewRole } from "../domain/roster-review.ts";
import type { Tx } from "./tx.ts";

/**
 * ACTIVE and SUSPENDED memberships in the given organisations, and of the given people anywhere:
 * what a re-import compares the file with (ENDED ones are history already).
 */
export async function heldMemberships(tx: Tx, q: { orgIds: readonly number[]; personIds: readonly number[] }): Promise<HeldMembership[]> {
  const rows = await tx.membership.findMany({
    where: { status: { in: ["ACTIVE", "SUSPENDED"] }, OR: [{ orgId: { in: [...q.orgIds] } }, { personId: { in: [...q.personIds] } }] },
    select: { id: true, personId: true, orgId: true, role: true, org: { select: { kind: true } }, person: { select: { name: true, mobile: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((m) => ({ id: m.id, personId: m.personId, name: m.person.name, mobile: m.person.mobile, orgId: m.orgId, orgIsBranch: m.org.kind === "BRANCH", role: m.role as ReviewRole }));
}

/** Marks the organisations' pending reviews DISCARDED (a newer file restates them); returns their ids. */
export async function supersedePending(tx: Tx, orgIds: readonly number[], at: Date): Promise<number[]> {
  const pending = await tx.rosterReview.findMany({ where: { orgId: { in: [...orgIds] }, status: "PENDING" }, select: { id: true } });
  if (pending.length === 0) return [];
  await tx.rosterReview.updateMany({ where: { id: { in: pending.map((p) => p.id) }, status: "PENDING" }, data: { status: "DISCARDED", decidedAt: at } });
  return pending.map((p) => p.id);
}

/** Memberships already on a pending review of these organisations (a second import proposes them once). */
export async function pendingMembershipIds(tx: Tx, orgIds: readonly number[]): Promise<Set<number>> {
  if (orgIds.length === 0) return new Set();
  const rows = await tx.rosterReview.findMany({ where: { orgId: { in: [...orgIds] }, status: "PENDING" }, select: { plan: true } });
  return new Set(rows.flatMap((r) => reviewPlanSchema.parse(r.plan).items.flatMap((i) => i.membershipIds)));
}

export async function createReview(tx: Tx, orgId: number, plan: ReviewPlan, at: Date): Promise<number> {
  return (await tx.rosterReview.create({ data: { orgId, plan: plan as unknown as Prisma.InputJsonValue, createdAt: at }, select: { id: true } })).id;
}

export interface ReviewRow {
  id: number;
  orgId: number;
  orgName: string;
  status: "PENDING" | "APPLIED" | "DISCARDED";
  plan: ReviewPlan;
  decidedById: number | null;
}

/** The review, locked until the decision commits, so two secretaries cannot both decide it. */
export async function reviewForDecision(tx: Tx, id: number): Promise<ReviewRow | null> {
  const [row] = await tx.$queryRaw<{ id: number; orgId: number; status: ReviewRow["status"]; plan: unknown; decidedById: number | null }[]>`
    SELECT "id", "orgId", "status"::text AS "status", "plan", "decidedById" FROM "RosterReview" WHERE "id" = ${id} FOR UPDATE`;
  if (!row) return null;
  const org = await tx.organization.findUnique({ where: { id: row.orgId }, select: { name: true } });
  return { id: row.id, orgId: row.orgId, orgName: org?.name ?? "", status: row.status, plan: reviewPlanSchema.parse(row.plan), decidedById: row.decidedById };
}

/** Records the decision; false when the review was no longer pending. */
export async function decideReview(tx: Tx, id: number, d: { status: "APPLIED" | "DISCARDED"; byId: number; at: Date }): Promise<boolean> {
  const n = await tx.rosterReview.updateMany({ where: { id, status: "PENDING" }, data: { status: d.status, decidedById: d.byId, decidedAt: d.at } });
  return n.count === 1;
}

/** Ends the given memberships (those still ACTIVE or SUSPENDED) on `day`; returns the ids it ended. */
export async function endMemberships(tx: Tx, ids: readonly number[], day: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const open = await tx.membership.findMany({ where: { id: { in: [...ids] }, status: { in: ["ACTIVE", "SUSPENDED"] } }, select: { id: true } });
  if (open.length === 0) return [];
  await tx.membership.updateMany({ where: { id: { in: open.map((m) => m.id) } }, data: { status: "ENDED", endedOn: dayToDate(day) } });
  return open.map((m) => m.id);
}

/** The organisation and those above it, nearest first (a card that went upward may be decided there). */
export async function orgAndAbove(tx: Tx, orgId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE up AS (
      SELECT "id", "parentId", 0 AS depth FROM "Organization" WHERE "id" = ${orgId}
      UNION ALL
      SELECT o."id", o."parentId", up.depth + 1 FROM up JOIN "Organization" o ON o."id" = up."parentId" WHERE up.depth < 20
    )
    SELECT "id" FROM up ORDER BY depth`;
  return rows.map((r) => r.id);
}
