// Filing a request: the year's readable number (2026-0007, from the sequence every kind of
// request shares: request-numbers.ts) and the FILED event, in one statement.
import { requestColumns, requestOf, type AidRequestRow, type TimelineEvent } from "./aid-request-row.ts";
import { numberSequence } from "./request-numbers.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

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
  const keys = sealer(tx);
  // One statement: the number, the request and its FILED event. Two clicks on one form that
  // raced past the check above meet at the unique formMessageId and the second files nothing.
  const rows = await tx.$queryRaw<(AidRequestRow & { eventId: number })[]>`
    WITH n AS (
      SELECT nextval(${seq}::regclass) AS seq
    ), ins AS (
      INSERT INTO "AidRequest" ("number", "orgId", "personId", "filedById", "onBehalf", "category", "description", "requestedFen", "urgency", "formMessageId", "createdAt", "updatedAt")
      SELECT ${`${r.year}-`} || CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END,
             ${r.orgId}, ${r.personId}, ${r.filedById}, ${r.onBehalf}, ${r.category}::"AidCategory", ${keys.seal("AidRequest.description", r.description)}, ${r.requestedFen}::int,
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
  return { req: requestOf(row, keys), filed: { id: row.eventId, at: r.at, actorId: r.filedById, type: "FILED", note: null } };
}
