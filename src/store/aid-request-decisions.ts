// The aid request's state machine: approve, reject, ask for more, answer, and the reversal (冲正)
// of an approved payment. Each move is one
// statement: an UPDATE guarded by the states it may leave, and the timeline event (and, for an
// approval, the ledger line) inserted from what the UPDATE returned. Two deciders (or one decider
// clicking twice) therefore produce one decision: the second UPDATE waits for the first's row
// lock, re-reads the row and matches nothing. Each returns the row as the statement left it and
// the event it wrote, or null when the request was no longer in a state it may leave.
import { Prisma } from "../generated/prisma/client.ts";
import type { AidStatus, FundSource, TimelineType } from "../domain/aid-rules.ts";
import { eventOf, requestColumns, requestOf, type AidRequestRow, type TimelineEvent } from "./aid-request-row.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface Decided {
  req: AidRequestRow;
  event: TimelineEvent;
}

const OPEN: readonly AidStatus[] = ["PENDING", "NEEDS_INFO"];

interface Move {
  requestId: number;
  from: readonly AidStatus[];
  /** The state it enters; null keeps the state (a 催办 only stamps the row). */
  to: AidStatus | null;
  /** A further condition on the row (催办: not already urged today). */
  where?: Prisma.Sql;
  /** Further assignments of the UPDATE, each followed by a comma. */
  set: Prisma.Sql;
  event: TimelineType;
  byId: number;
  note: string | null;
  at: Date;
  /** An approval's disbursement, booked in the ledger by the same statement. */
  pay?: { source: FundSource; amountFen: number };
}

type Returned = AidRequestRow & { eventId: number; eventAt: Date; eventActorId: number | null; eventType: string; eventNote: string | null; entryId: number | null; deciderName: string | null };

async function move(tx: Tx, m: Move): Promise<(Decided & { entryId: number | null; deciderName: string | null }) | null> {
  const keys = sealer(tx);
  // The note goes to the timeline and, for an approval, the ledger line: each sealed for its column.
  const note = keys.seal("AidRequestEvent.note", m.note);
  const entry = m.pay
    ? Prisma.sql`, entry AS (
        INSERT INTO "FundEntry" ("orgId", "source", "kind", "amountFen", "payeeId", "aidRequestId", "note", "recordedById", "createdAt")
        SELECT req."orgId", ${m.pay.source}::"FundSource", 'DISBURSEMENT', ${m.pay.amountFen}, req."personId", req."id", ${keys.seal("FundEntry.note", m.note)}, ${m.byId}, ${m.at} FROM req
        RETURNING "id")`
    : Prisma.empty;
  const rows = await tx.$queryRaw<Returned[]>`
    WITH req AS (
      UPDATE "AidRequest" SET "status" = ${m.to === null ? Prisma.sql`"status"` : Prisma.sql`${m.to}::"AidStatus"`}, ${m.set} "updatedAt" = ${m.at}
      WHERE "id" = ${m.requestId} AND "status"::text IN (${Prisma.join([...m.from])}) ${m.where ?? Prisma.empty}
      RETURNING ${requestColumns()}
    ), ev AS (
      INSERT INTO "AidRequestEvent" ("requestId", "at", "actorId", "type", "note")
      SELECT req."id", ${m.at}, ${m.byId}, ${m.event}, ${note} FROM req
      RETURNING "id", "at", "actorId", "type", "note"
    )${entry}
    SELECT req.*, ev."id" AS "eventId", ev."at" AS "eventAt", ev."actorId" AS "eventActorId", ev."type" AS "eventType", ev."note" AS "eventNote",
           ${m.pay ? Prisma.sql`(SELECT "id" FROM entry)` : Prisma.sql`NULL::int`} AS "entryId",
           (SELECT p."name" FROM "Person" p WHERE p."id" = req."decidedById") AS "deciderName"
    FROM req CROSS JOIN ev`;
  const r = rows[0];
  if (!r) return null;
  return {
    req: requestOf(r, keys),
    event: eventOf({ id: r.eventId, at: r.eventAt, actorId: r.eventActorId, type: r.eventType, note: r.eventNote }, keys),
    entryId: r.entryId,
    deciderName: r.deciderName,
  };
}

const decidedBy = (tx: Tx, byId: number, at: Date, note: string | null) =>
  Prisma.sql`"decidedById" = ${byId}, "decidedAt" = ${at}, "decisionNote" = ${sealer(tx).seal("AidRequest.decisionNote", note)},`;

/**
 * 批准: the request becomes APPROVED and the ledger gets the disbursement, in one statement. The
 * money leaves the source's balance in the transaction's last statement (withdraw, aid-fund.ts),
 * so the balance row, which every approval of the branch updates, is locked only from there to
 * the commit; when it cannot pay, the caller rolls all of this back.
 */
export async function approve(
  tx: Tx,
  d: { requestId: number; amountFen: number; source: FundSource; note: string | null; byId: number; at: Date },
): Promise<(Decided & { entryId: number; deciderName: string }) | null> {
  const set = Prisma.sql`"approvedFen" = ${d.amountFen}, "fundSource" = ${d.source}::"FundSource", ${decidedBy(tx, d.byId, d.at, d.note)}`;
  const out = await move(tx, { requestId: d.requestId, from: OPEN, to: "APPROVED", set, event: "APPROVED", byId: d.byId, note: d.note, at: d.at, pay: { source: d.source, amountFen: d.amountFen } });
  if (!out || out.entryId === null) return null;
  return { req: out.req, event: out.event, entryId: out.entryId, deciderName: out.deciderName ?? "?" };
}

/** 不批准, with the reason the member is told. */
export async function reject(tx: Tx, requestId: number, d: { byId: number; reason: string; at: Date }): Promise<Decided | null> {
  return move(tx, { requestId, from: OPEN, to: "REJECTED", set: decidedBy(tx, d.byId, d.at, d.reason), event: "REJECTED", byId: d.byId, note: d.reason, at: d.at });
}

/** 请求补充说明: the request waits for the member's answer. */
export async function askForInfo(tx: Tx, requestId: number, d: { byId: number; question: string; at: Date }): Promise<Decided | null> {
  return move(tx, { requestId, from: OPEN, to: "NEEDS_INFO", set: Prisma.empty, event: "INFO_REQUESTED", byId: d.byId, note: d.question, at: d.at });
}

/** The member's answer: the request is back with the deciders. */
export async function provideInfo(tx: Tx, requestId: number, d: { byId: number; answer: string; at: Date }): Promise<Decided | null> {
  return move(tx, { requestId, from: ["NEEDS_INFO"], to: "PENDING", set: Prisma.empty, event: "INFO_PROVIDED", byId: d.byId, note: d.answer, at: d.at });
}

/**
 * 撤回: the member (or the leader who filed for them) takes back a request not yet decided. The
 * same guarded UPDATE as a decision, so a decision and a withdrawal racing each other produce
 * exactly one of them: the second waits for the first's row lock and matches nothing.
 */
export async function withdraw(tx: Tx, requestId: number, d: { byId: number; at: Date }): Promise<Decided | null> {
  return move(tx, { requestId, from: OPEN, to: "CANCELLED", set: Prisma.empty, event: "WITHDRAWN", byId: d.byId, note: null, at: d.at });
}

/**
 * 催办: the member asks the deciders to hurry, at most once a day: the row is stamped only when
 * it is still waiting for a decision and was not urged since `since` (the start of today), so
 * two 催办 racing each other stamp it once.
 */
export async function urge(tx: Tx, requestId: number, d: { byId: number; at: Date; since: Date }): Promise<Decided | null> {
  const where = Prisma.sql`AND ("urgedAt" IS NULL OR "urgedAt" < ${d.since})`;
  return move(tx, { requestId, from: ["PENDING"], to: null, where, set: Prisma.sql`"urgedAt" = ${d.at},`, event: "URGED", byId: d.byId, note: null, at: d.at });
}

/**
 * 冲正: an approved request whose payment was reversed. The decision (amount, source, decider)
 * stays as it was, so the card can still say what had been paid; the timeline says who reversed
 * it, when and why. The ledger's REVERSAL and the balance are the caller's (aid-fund.ts).
 */
export async function markReversed(tx: Tx, requestId: number, d: { byId: number; reason: string; at: Date }): Promise<Decided | null> {
  return move(tx, { requestId, from: ["APPROVED"], to: "REVERSED", set: Prisma.empty, event: "REVERSED", byId: d.byId, note: d.reason, at: d.at });
}
