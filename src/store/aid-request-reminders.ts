// What the reminder task (催办, src/jobs/aid-reminders.ts) reads and marks: requests waiting for a
// decision, since when they wait, and the stamps that make each reminder go once.
import type { AidCategory, AidUrgency } from "../domain/aid-rules.ts";
import type { Tx } from "./tx.ts";

export interface WaitingRequest {
  id: number;
  number: string;
  orgId: number;
  orgName: string;
  personId: number;
  memberName: string;
  category: AidCategory;
  urgency: AidUrgency;
  createdAt: Date;
  /** Since when it waits for a decision: its filing, or the member's last answer to a question. */
  waitingSince: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/** Requests waiting for a decider (PENDING) that are still owed a reminder or the committee's notice. */
export async function waitingForDecision(tx: Tx): Promise<WaitingRequest[]> {
  return tx.$queryRaw<WaitingRequest[]>`
    SELECT r."id", r."number", r."orgId", o."name" AS "orgName", r."personId", p."name" AS "memberName",
           r."category"::text AS "category", r."urgency"::text AS "urgency", r."createdAt",
           greatest(r."createdAt", coalesce((SELECT max(e."at") FROM "AidRequestEvent" e WHERE e."requestId" = r."id" AND e."type" = 'INFO_PROVIDED'), r."createdAt")) AS "waitingSince",
           r."remindedAt", r."escalatedAt"
    FROM "AidRequest" r JOIN "Organization" o ON o."id" = r."orgId" JOIN "Person" p ON p."id" = r."personId"
    WHERE r."status" = 'PENDING' AND (r."remindedAt" IS NULL OR r."escalatedAt" IS NULL)
    ORDER BY r."id"`;
}

/** Stamps the deciders' reminder; returns the ids stamped now (a run racing another stamps each once). */
export async function markReminded(tx: Tx, ids: readonly number[], at: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: number }[]>`
    UPDATE "AidRequest" SET "remindedAt" = ${at} WHERE "id" = ANY(${[...ids]}::int[]) AND "remindedAt" IS NULL AND "status" = 'PENDING' RETURNING "id"`;
  return new Set(rows.map((r) => r.id));
}

/** Stamps the committee's notice; returns the ids stamped now. */
export async function markEscalated(tx: Tx, ids: readonly number[], at: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: number }[]>`
    UPDATE "AidRequest" SET "escalatedAt" = ${at} WHERE "id" = ANY(${[...ids]}::int[]) AND "escalatedAt" IS NULL AND "status" = 'PENDING' RETURNING "id"`;
  return new Set(rows.map((r) => r.id));
}

/** The deciders' reminder and the committee's notice, one per request and person. */
export const reminderKey = (requestId: number, personId: number) => `aid-remind-${requestId}-${personId}`;
export const escalationKey = (requestId: number, personId: number) => `aid-escalate-${requestId}-${personId}`;
/** The member's 催办 of a day reaches each decider once. */
export const urgeKey = (requestId: number, day: string, personId: number) => `aid-urge-${requestId}-${day}-${personId}`;
