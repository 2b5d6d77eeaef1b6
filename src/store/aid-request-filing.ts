// Filing a request: the year's readable number (2026-0007) and the FILED event, in one statement.
import { requestColumns, requestOf, type AidRequestRow, type TimelineEvent } from "./aid-request-row.ts";
import type { Tx } from "./tx.ts";

/** Taken only to create a year's number sequence (pg_advisory_xact_lock(class, year)). */
const NUMBER_LOCK_CLASS = 72707370;

/**
 * The year's number sequence, created by the first filing of the year. Numbers come from a
 * sequence rather than max()+1 under a lock so that filings never wait for each other (a lock
 * held to commit made a burst of filings queue for pool connections). The price: a filing
 * rolled back after taking its number leaves a gap, which a readable number can afford.
 */
async function numberSequence(tx: Tx, year: number): Promise<string> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a year: ${year}`);
  const name = `"AidRequestNumber_${year}"`;
  const found = await tx.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${name}) IS NOT NULL AS "ok"`;
  if (found[0]?.ok) return name;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NUMBER_LOCK_CLASS}::int, ${year}::int)`;
  // Start after numbers already given that year (a store that numbered before the sequence existed).
  const rows = await tx.$queryRaw<{ max: number | null }[]>`
    SELECT max(split_part("number", '-', 2)::int) AS "max" FROM "AidRequest" WHERE "number" LIKE ${`${year}-%`}`;
  const start = (rows[0]?.max ?? 0) + 1;
  await tx.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS ${name} START WITH ${Math.trunc(start)}`);
  return name;
}

/** What a filing writes: the row's own fields as the member gave them, and where and when it was filed. */
export type NewRequest = Pick<AidRequestRow, "orgId" | "personId" | "filedById" | "onBehalf" | "category" | "description" | "requestedFen" | "urgency"> & {
  year: number;
  formMessageId: string | null;
  at: Date;
};

/**
 * Files a request with the year's next readable number, and its FILED event; null when this form
 * card already filed one (a second click on submit: requestOfForm finds that one).
 */
export async function createRequest(tx: Tx, r: NewRequest): Promise<{ req: AidRequestRow; filed: TimelineEvent } | null> {
  if (r.formMessageId && (await tx.aidRequest.findUnique({ where: { formMessageId: r.formMessageId }, select: { id: true } }))) return null;
  const seq = await numberSequence(tx, r.year);
  // One statement: the number, the request and its FILED event. Two clicks on one form that
  // raced past the check above meet at the unique formMessageId and the second files nothing.
  const rows = await tx.$queryRaw<(AidRequestRow & { eventId: number })[]>`
    WITH n AS (
      SELECT nextval(${seq}::regclass) AS seq
    ), ins AS (
      INSERT INTO "AidRequest" ("number", "orgId", "personId", "filedById", "onBehalf", "category", "description", "requestedFen", "urgency", "formMessageId", "createdAt", "updatedAt")
      SELECT ${`${r.year}-`} || CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END,
             ${r.orgId}, ${r.personId}, ${r.filedById}, ${r.onBehalf}, ${r.category}::"AidCategory", ${r.description}, ${r.requestedFen}::int,
             ${r.urgency}::"AidUrgency", ${r.formMessageId}, ${r.at}, ${r.at}
      FROM n
      ON CONFLICT ("formMessageId") DO NOTHING
      RETURNING ${requestColumns()}
    ), ev AS (
      INSERT INTO "AidRequestEvent" ("requestId", "at", "actorId", "type") SELECT "id", ${r.at}, ${r.filedById}, 'FILED' FROM ins RETURNING "id"
    )
    SELECT ins.*, (SELECT "id" FROM ev) AS "eventId" FROM ins`;
  const row = rows[0];
  if (!row) return null;
  return { req: requestOf(row), filed: { id: row.eventId, at: r.at, actorId: r.filedById, type: "FILED", note: null } };
}
