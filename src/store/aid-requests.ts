// Aid requests and their timeline. Every state change is a conditional UPDATE guarded by the
// states it may leave, so two deciders (or one decider clicking twice) produce one decision:
// the second UPDATE waits for the first's row lock, re-reads the row and matches nothing.
import type { AidCategory, AidStatus, AidUrgency, FundSource, TimelineType } from "../domain/aid-rules.ts";
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

export interface AidRequestRow {
  id: number;
  number: string;
  orgId: number;
  personId: number;
  filedById: number;
  onBehalf: boolean;
  category: AidCategory;
  description: string;
  requestedFen: number | null;
  urgency: AidUrgency;
  status: AidStatus;
  approvedFen: number | null;
  fundSource: FundSource | null;
  decidedById: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
}

export interface TimelineEvent {
  id: number;
  at: Date;
  actorId: number | null;
  type: TimelineType;
  note: string | null;
}

const requestSelect = {
  id: true,
  number: true,
  orgId: true,
  personId: true,
  filedById: true,
  onBehalf: true,
  category: true,
  description: true,
  requestedFen: true,
  urgency: true,
  status: true,
  approvedFen: true,
  fundSource: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
  createdAt: true,
} as const;

export interface NewRequest {
  year: number;
  orgId: number;
  personId: number;
  filedById: number;
  onBehalf: boolean;
  category: AidCategory;
  description: string;
  requestedFen: number | null;
  urgency: AidUrgency;
  formMessageId: string | null;
  at: Date;
}

/**
 * Files a request with the year's next readable number, and its FILED event; null when this form
 * card already filed one (a second click on submit).
 */
export async function createRequest(tx: Tx, r: NewRequest): Promise<{ req: AidRequestRow; filed: TimelineEvent } | null> {
  if (r.formMessageId && (await tx.aidRequest.findUnique({ where: { formMessageId: r.formMessageId }, select: { id: true } }))) return null;
  const seq = await numberSequence(tx, r.year);
  // One statement: the number, the request and its FILED event. Two clicks on one form that
  // raced past the check above meet at the unique formMessageId and the second files nothing.
  const rows = await tx.$queryRaw<(Omit<AidRequestRow, "number"> & { number: string; eventId: number })[]>`
    WITH n AS (
      SELECT nextval(${seq}::regclass) AS seq
    ), ins AS (
      INSERT INTO "AidRequest" ("number", "orgId", "personId", "filedById", "onBehalf", "category", "description", "requestedFen", "urgency", "formMessageId", "createdAt", "updatedAt")
      SELECT ${`${r.year}-`} || CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END,
             ${r.orgId}, ${r.personId}, ${r.filedById}, ${r.onBehalf}, ${r.category}::"AidCategory", ${r.description}, ${r.requestedFen}::int,
             ${r.urgency}::"AidUrgency", ${r.formMessageId}, ${r.at}, ${r.at}
      FROM n
      ON CONFLICT ("formMessageId") DO NOTHING
      RETURNING *
    ), ev AS (
      INSERT INTO "AidRequestEvent" ("requestId", "at", "actorId", "type") SELECT "id", ${r.at}, ${r.filedById}, 'FILED' FROM ins RETURNING "id"
    )
    SELECT ins.*, (SELECT "id" FROM ev) AS "eventId" FROM ins`;
  const row = rows[0];
  if (!row) return null;
  const req: AidRequestRow = {
    id: row.id,
    number: row.number,
    orgId: row.orgId,
    personId: row.personId,
    filedById: row.filedById,
    onBehalf: row.onBehalf,
    category: row.category,
    description: row.description,
    requestedFen: row.requestedFen,
    urgency: row.urgency,
    status: row.status,
    approvedFen: row.approvedFen,
    fundSource: row.fundSource,
    decidedById: row.decidedById,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt,
  };
  return { req, filed: { id: row.eventId, at: r.at, actorId: r.filedById, type: "FILED", note: null } };
}

export async function findRequest(tx: Tx, id: number): Promise<AidRequestRow | null> {
  return tx.aidRequest.findUnique({ where: { id }, select: requestSelect });
}

export async function findRequestByNumber(tx: Tx, number: string): Promise<AidRequestRow | null> {
  return tx.aidRequest.findUnique({ where: { number }, select: requestSelect });
}

export async function timeline(tx: Tx, requestId: number): Promise<TimelineEvent[]> {
  const rows = await tx.aidRequestEvent.findMany({ where: { requestId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map((e) => ({ id: e.id, at: e.at, actorId: e.actorId, type: e.type as TimelineType, note: e.note }));
}

export async function requestsOf(tx: Tx, personId: number, limit = 10): Promise<(AidRequestRow & { events: TimelineEvent[] })[]> {
  const rows = await tx.aidRequest.findMany({
    where: { personId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...requestSelect, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  return rows.map((r) => ({ ...r, events: r.events.map((e) => ({ id: e.id, at: e.at, actorId: e.actorId, type: e.type as TimelineType, note: e.note })) }));
}

export async function openRequests(tx: Tx, orgIds: readonly number[], limit = 20): Promise<AidRequestRow[]> {
  return tx.aidRequest.findMany({
    where: { orgId: { in: [...orgIds] }, status: { in: ["PENDING", "NEEDS_INFO"] } },
    orderBy: [{ urgency: "desc" }, { createdAt: "asc" }],
    take: limit,
    select: requestSelect,
  });
}

/** Moves a request from one of `from` to `to` with the given decision fields; false when it was not in `from` any more. */
async function transition(tx: Tx, id: number, from: readonly AidStatus[], to: AidStatus, set: { decidedById?: number; decidedAt?: Date; decisionNote?: string | null; approvedFen?: number; fundSource?: FundSource }, at: Date): Promise<boolean> {
  const n = await tx.aidRequest.updateMany({ where: { id, status: { in: [...from] } }, data: { status: to, ...set, updatedAt: at } });
  return n.count === 1;
}

async function event(tx: Tx, requestId: number, type: TimelineType, actorId: number, note: string | null, at: Date): Promise<void> {
  await tx.aidRequestEvent.create({ data: { requestId, at, actorId, type, note } });
}

/**
 * Marks the request approved and books the disbursement in the ledger; null when it was decided
 * already. The caller takes the money from the balance (withdraw) in the same transaction and
 * rolls back when the source cannot pay.
 */
export async function markApproved(
  tx: Tx,
  r: AidRequestRow,
  d: { byId: number; amountFen: number; source: FundSource; note: string | null; at: Date },
): Promise<{ entryId: number; event: TimelineEvent } | null> {
  const set = { decidedById: d.byId, decidedAt: d.at, decisionNote: d.note, approvedFen: d.amountFen, fundSource: d.source };
  if (!(await transition(tx, r.id, ["PENDING", "NEEDS_INFO"], "APPROVED", set, d.at))) return null;
  const entry = await tx.fundEntry.create({
    data: { orgId: r.orgId, source: d.source, kind: "DISBURSEMENT", amountFen: d.amountFen, payeeId: r.personId, aidRequestId: r.id, note: d.note, recordedById: d.byId, createdAt: d.at },
    select: { id: true },
  });
  const e = await tx.aidRequestEvent.create({ data: { requestId: r.id, at: d.at, actorId: d.byId, type: "APPROVED", note: d.note } });
  return { entryId: entry.id, event: { id: e.id, at: e.at, actorId: e.actorId, type: "APPROVED", note: e.note } };
}

export async function reject(tx: Tx, r: AidRequestRow, d: { byId: number; reason: string; at: Date }): Promise<boolean> {
  if (!(await transition(tx, r.id, ["PENDING", "NEEDS_INFO"], "REJECTED", { decidedById: d.byId, decidedAt: d.at, decisionNote: d.reason }, d.at))) return false;
  await event(tx, r.id, "REJECTED", d.byId, d.reason, d.at);
  return true;
}

export async function askForInfo(tx: Tx, r: AidRequestRow, d: { byId: number; question: string; at: Date }): Promise<boolean> {
  if (!(await transition(tx, r.id, ["PENDING", "NEEDS_INFO"], "NEEDS_INFO", {}, d.at))) return false;
  await event(tx, r.id, "INFO_REQUESTED", d.byId, d.question, d.at);
  return true;
}

export async function provideInfo(tx: Tx, r: AidRequestRow, d: { byId: number; answer: string; at: Date }): Promise<boolean> {
  if (!(await transition(tx, r.id, ["NEEDS_INFO"], "PENDING", {}, d.at))) return false;
  await event(tx, r.id, "INFO_PROVIDED", d.byId, d.answer, d.at);
  return true;
}
