// The aid fund's books: a running balance per branch and source (FundBalance, never below zero:
// a CHECK constraint and a conditional UPDATE) and a ledger line for every yuan in or out
// (FundEntry). Balance and ledger change in the caller's transaction, together.
import { FUND_SOURCES, type FundEntryKind, type FundSource, type LedgerSum } from "../domain/aid-rules.ts";
import type { PaymentCategory, PaymentCell } from "../domain/fund-disclosure.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { HotWrite } from "./outbox.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export { bookIncomeEntry, bookReversal, entryOfRequest, entryToCorrect, fundLedger, reconciliation, type CorrectableEntry, type FundLedgerLine, type Reconciled } from "./aid-fund-reversal.ts";

export type Balances = Record<FundSource, number>;

/** Plain SQL: an approval that found the source emptied reads it in its plain-pg transaction (plain-tx.ts). */
export async function balances(tx: Tx, orgId: number): Promise<Balances> {
  const rows = await tx.$queryRaw<{ source: FundSource; balanceFen: number }[]>`SELECT "source"::text AS "source", "balanceFen" FROM "FundBalance" WHERE "orgId" = ${orgId}`;
  const out = Object.fromEntries(FUND_SOURCES.map((s) => [s, 0])) as Balances;
  for (const r of rows) out[r.source] = r.balanceFen;
  return out;
}

/**
 * Takes amountFen out of a source if it holds that much; null when it does not (nothing changed).
 * The row lock taken here is held until commit, so call it late in the transaction.
 */
export async function withdraw(tx: Tx, orgId: number, source: FundSource, amountFen: number): Promise<{ balanceFen: number } | null> {
  const rows = await tx.$queryRaw<{ balanceFen: number }[]>(withdrawal(tx, orgId, source, amountFen));
  return rows[0] ?? null;
}

/**
 * withdraw's statement, not yet run: a card action hands it to ctx.lastWrite, which runs it in
 * the statement that writes the click's messages and audit lines (outbox.ts stageWritesAfter).
 */
export function withdrawal(_tx: Tx, orgId: number, source: FundSource, amountFen: number): HotWrite {
  return Prisma.sql`
    UPDATE "FundBalance" SET "balanceFen" = "balanceFen" - ${amountFen}, "updatedAt" = now()
    WHERE "orgId" = ${orgId} AND "source" = ${source}::"FundSource" AND "balanceFen" >= ${amountFen}
    RETURNING "balanceFen"`;
}

/**
 * Adds money to a source (income, or a payment booked back by a reversal); null when the balance
 * would overflow the column (nothing changed).
 */
export async function deposit(tx: Tx, orgId: number, source: FundSource, amountFen: number): Promise<{ balanceFen: number } | null> {
  const rows = await tx.$queryRaw<{ balanceFen: number }[]>`
    INSERT INTO "FundBalance" ("orgId", "source", "balanceFen", "updatedAt")
    VALUES (${orgId}, ${source}::"FundSource", ${amountFen}, now())
    ON CONFLICT ("orgId", "source") DO UPDATE SET "balanceFen" = "FundBalance"."balanceFen" + EXCLUDED."balanceFen", "updatedAt" = now()
    WHERE "FundBalance"."balanceFen" <= 2147483647 - EXCLUDED."balanceFen"
    RETURNING "balanceFen"`;
  return rows[0] ?? null;
}

export interface NewIncome {
  orgId: number;
  source: FundSource;
  amountFen: number;
  payer: string;
  note: string | null;
  recordedById: number | null;
  at?: Date;
  /** A correcting entry says why it was booked (and which entry it replaces). */
  reason?: string | null;
}

export async function recordIncome(tx: Tx, e: NewIncome): Promise<{ entryId: number; balanceFen: number } | null> {
  const bal = await deposit(tx, e.orgId, e.source, e.amountFen);
  if (!bal) return null;
  const entry = await tx.fundEntry.create({
    data: {
      orgId: e.orgId,
      source: e.source,
      kind: "INCOME",
      amountFen: e.amountFen,
      payer: e.payer,
      note: e.note,
      recordedById: e.recordedById,
      reason: e.reason ?? null,
      ...(e.at ? { createdAt: e.at } : {}),
    },
    select: { id: true },
  });
  return { entryId: entry.id, balanceFen: bal.balanceFen };
}

export interface EntryLine {
  id: number;
  at: Date;
  source: FundSource;
  kind: FundEntryKind;
  amountFen: number;
  payer: string | null;
  payeeName: string | null;
  requestNumber: string | null;
  note: string | null;
  /** Why a reversal or a correcting entry was made. */
  reason: string | null;
  /** For a REVERSAL: the entry it undid and that entry's kind. */
  reverses: { id: number; kind: FundEntryKind } | null;
  /** The reversal that undid this entry, if one did. */
  reversedById: number | null;
}

export async function recentEntries(tx: Tx, orgId: number, limit = 10): Promise<EntryLine[]> {
  const rows = await tx.fundEntry.findMany({ where: { orgId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  const payees = [...new Set(rows.map((r) => r.payeeId).filter((x): x is number => x !== null))];
  const reqIds = [...new Set(rows.map((r) => r.aidRequestId).filter((x): x is number => x !== null))];
  const reversed = rows.filter((r) => r.kind === "REVERSAL" && r.reversesId !== null).map((r) => r.reversesId!);
  const [people, reqs, reversals, originals] = await Promise.all([
    payees.length ? tx.person.findMany({ where: { id: { in: payees } }, select: { id: true, name: true } }) : [],
    reqIds.length ? tx.aidRequest.findMany({ where: { id: { in: reqIds } }, select: { id: true, number: true } }) : [],
    tx.fundEntry.findMany({ where: { reversesId: { in: rows.map((r) => r.id) } }, select: { id: true, reversesId: true } }),
    reversed.length ? tx.fundEntry.findMany({ where: { id: { in: reversed } }, select: { id: true, kind: true } }) : [],
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  const num = new Map(reqs.map((r) => [r.id, r.number]));
  const undoneBy = new Map(reversals.map((r) => [r.reversesId!, r.id]));
  const kindOf = new Map(originals.map((o) => [o.id, o.kind]));
  const keys = sealer(tx);
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    source: r.source,
    kind: r.kind,
    amountFen: r.amountFen,
    payer: r.payer,
    payeeName: r.payeeId === null ? null : (name.get(r.payeeId) ?? null),
    requestNumber: r.aidRequestId === null ? null : (num.get(r.aidRequestId) ?? null),
    // An approval's note is the decider's, sealed like the request's (aid-request-decisions.ts).
    note: keys.open("FundEntry.note", r.note),
    reason: r.reason,
    reverses: r.reversesId === null ? null : { id: r.reversesId, kind: kindOf.get(r.reversesId) ?? "DISBURSEMENT" },
    reversedById: undoneBy.get(r.id) ?? null,
  }));
}

/**
 * Sums per source and direction, before `start` and within [start, end): what 收支公开 is made
 * of. A reversal is summed with the kind of the entry it undid, which gives its direction.
 */
export async function ledgerSums(tx: Tx, orgId: number, start: Date, end: Date): Promise<{ before: LedgerSum[]; during: LedgerSum[] }> {
  const rows = await tx.$queryRaw<{ during: boolean; source: FundSource; kind: FundEntryKind; reverses: FundEntryKind | null; fen: string; n: number }[]>`
    SELECT (e."createdAt" >= ${start}) AS "during", e."source"::text AS "source", e."kind"::text AS "kind", o."kind"::text AS "reverses",
           sum(e."amountFen")::text AS "fen", count(*)::int AS "n"
    FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
    WHERE e."orgId" = ${orgId} AND e."createdAt" < ${end}
    GROUP BY 1, 2, 3, 4`;
  const toSum = (r: (typeof rows)[number]): LedgerSum => ({ source: r.source, kind: r.kind, reverses: r.reverses, totalFen: Number(r.fen), count: r.n });
  return { before: rows.filter((r) => !r.during).map(toSum), during: rows.filter((r) => r.during).map(toSum) };
}

/**
 * The payments of [start, end) that no reversal undid, counted by what they were for (the aid
 * request's category, a visit's gift money, a training subsidy as TRAINING, else OTHER) and by local month: 收支公开's breakdown,
 * which src/domain/fund-disclosure.ts makes minimal before anyone sees it. No names, no notes.
 */
export async function paymentCells(tx: Tx, orgId: number, start: Date, end: Date, timeZone: string): Promise<PaymentCell[]> {
  const rows = await tx.$queryRaw<{ category: PaymentCategory; month: number; n: number; fen: string }[]>`
    SELECT COALESCE(r."category"::text, CASE WHEN e."visitTaskId" IS NOT NULL THEN 'VISIT' WHEN t."id" IS NOT NULL THEN 'TRAINING' ELSE 'OTHER' END) AS "category",
           EXTRACT(MONTH FROM (e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::int AS "month",
           count(*)::int AS "n", sum(e."amountFen")::text AS "fen"
    FROM "FundEntry" e LEFT JOIN "AidRequest" r ON r."id" = e."aidRequestId" LEFT JOIN "TrainingApplication" t ON t."fundEntryId" = e."id"
    WHERE e."orgId" = ${orgId} AND e."kind" = 'DISBURSEMENT' AND e."createdAt" >= ${start} AND e."createdAt" < ${end}
      AND NOT EXISTS (SELECT 1 FROM "FundEntry" x WHERE x."reversesId" = e."id")
    GROUP BY 1, 2`;
  return rows.map((r) => ({ category: r.category, month: r.month, count: r.n, fen: Number(r.fen) }));
}

const DISCLOSURE_LOCK_CLASS = 72707390;

/**
 * Serialises 确认公开 and 取消 of one branch's disclosures (pg_advisory_xact_lock(class, orgId)),
 * so a double click finds the first click's post and answers it instead of posting again.
 */
export async function lockDisclosure(tx: Tx, orgId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DISCLOSURE_LOCK_CLASS}::int, ${orgId}::int)`;
}

/**
 * What became of a disclosure preview, read from the outbox keys its buttons stage (kept when
 * pruning strips the content): posted to the group (when), or cancelled.
 */
export async function disclosureOutcome(tx: Tx, keys: { posted: string; cancelled: string }): Promise<{ postedAt: Date | null; cancelled: boolean }> {
  const rows = await tx.outboxMessage.findMany({ where: { idempotencyKey: { in: [keys.posted, keys.cancelled] } }, select: { idempotencyKey: true, createdAt: true } });
  const posted = rows.find((r) => r.idempotencyKey === keys.posted);
  return { postedAt: posted?.createdAt ?? null, cancelled: rows.some((r) => r.idempotencyKey === keys.cancelled) };
}

/**
 * What a person has been paid from the fund in [start, end): the approval card shows it. A payment
 * later reversed (冲正) was not received, so it is not counted.
 */
export async function receivedBetween(tx: Tx, personId: number, start: Date, end: Date): Promise<{ totalFen: number; count: number }> {
  const undone = await tx.fundEntry.findMany({ where: { kind: "REVERSAL", payeeId: personId, reversesId: { not: null } }, select: { reversesId: true } });
  const r = await tx.fundEntry.aggregate({
    where: { payeeId: personId, kind: "DISBURSEMENT", createdAt: { gte: start, lt: end }, id: { notIn: undone.map((u) => u.reversesId!) } },
    _sum: { amountFen: true },
    _count: { _all: true },
  });
  return { totalFen: r._sum.amountFen ?? 0, count: r._count._all };
}
