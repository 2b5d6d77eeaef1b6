// Corrections of the fund's books (冲正) and the ledger as a whole. An entry is never edited: a
// REVERSAL row of the same amount, linked by reversesId (unique, so an entry is undone at most
// once), says it is undone; a corrected income is a new INCOME row whose reason names the one it
// replaces. The balance moves in the caller's transaction, last (deposit/withdraw, aid-fund.ts).
import type { AidStatus, FundEntryKind, FundSource } from "../domain/aid-rules.ts";
import { ledgerBalances, type LedgerLine } from "../domain/fund-correction.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

/** An entry with everything a correction needs to decide, say and redraw. */
export interface CorrectableEntry {
  id: number;
  orgId: number;
  source: FundSource;
  kind: FundEntryKind;
  amountFen: number;
  payer: string | null;
  payeeId: number | null;
  payeeName: string | null;
  note: string | null;
  at: Date;
  /** The aid request this entry paid, if any. */
  request: { id: number; number: string; status: AidStatus } | null;
  /** The training application whose subsidy this entry paid, if any. */
  training: { id: number; number: string | null; course: string; status: AidStatus } | null;
  visitTaskId: number | null;
  /** For a REVERSAL: the entry it undid. */
  reversesId: number | null;
  /** The reversal that undid this entry, if one did. */
  reversedBy: { id: number; at: Date; byName: string | null; reason: string | null } | null;
  /** The source's balance now (before this correction). */
  balanceFen: number;
}

export async function entryToCorrect(tx: Tx, entryId: number): Promise<CorrectableEntry | null> {
  const e = await tx.fundEntry.findUnique({ where: { id: entryId } });
  if (!e) return null;
  const [payee, request, training, reversal, balance] = await Promise.all([
    e.payeeId === null ? null : tx.person.findUnique({ where: { id: e.payeeId }, select: { name: true } }),
    e.aidRequestId === null ? null : tx.aidRequest.findUnique({ where: { id: e.aidRequestId }, select: { id: true, number: true, status: true } }),
    tx.trainingApplication.findUnique({ where: { fundEntryId: e.id }, select: { id: true, number: true, course: true, status: true } }),
    tx.fundEntry.findUnique({ where: { reversesId: e.id }, select: { id: true, createdAt: true, recordedById: true, reason: true } }),
    tx.fundBalance.findUnique({ where: { orgId_source: { orgId: e.orgId, source: e.source } }, select: { balanceFen: true } }),
  ]);
  const reverser = reversal?.recordedById ? await tx.person.findUnique({ where: { id: reversal.recordedById }, select: { name: true } }) : null;
  return {
    id: e.id,
    orgId: e.orgId,
    source: e.source,
    kind: e.kind,
    amountFen: e.amountFen,
    payer: e.payer,
    payeeId: e.payeeId,
    payeeName: payee?.name ?? null,
    note: sealer(tx).open("FundEntry.note", e.note),
    at: e.createdAt,
    request,
    training,
    visitTaskId: e.visitTaskId,
    reversesId: e.reversesId,
    reversedBy: reversal ? { id: reversal.id, at: reversal.createdAt, byName: reverser?.name ?? null, reason: reversal.reason } : null,
    balanceFen: balance?.balanceFen ?? 0,
  };
}

/** The disbursement that paid an aid request, or null when none did (not approved). */
export async function entryOfRequest(tx: Tx, requestId: number): Promise<number | null> {
  const e = await tx.fundEntry.findUnique({ where: { aidRequestId: requestId }, select: { id: true } });
  return e?.id ?? null;
}

/**
 * Writes the REVERSAL of an entry: same branch, source, amount, payer or payee; linked by
 * reversesId. Null when the entry was reversed already (the unique reversesId: a second click or
 * a second secretary at the same moment writes nothing).
 */
export async function bookReversal(
  tx: Tx,
  e: Pick<CorrectableEntry, "id" | "orgId" | "source" | "amountFen" | "payer" | "payeeId">,
  d: { reason: string; byId: number; at: Date },
): Promise<{ id: number } | null> {
  const rows = await tx.fundEntry.createManyAndReturn({
    data: [
      {
        orgId: e.orgId,
        source: e.source,
        kind: "REVERSAL",
        amountFen: e.amountFen,
        payer: e.payer,
        payeeId: e.payeeId,
        note: `冲正流水 #${e.id}`,
        reversesId: e.id,
        reason: d.reason,
        recordedById: d.byId,
        createdAt: d.at,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0] ?? null;
}

/**
 * The ledger line of a correcting income (the right figures); its balance is added by the
 * caller (deposit) as the transaction's last step, with the reversal's.
 */
export async function bookIncomeEntry(
  tx: Tx,
  e: { orgId: number; source: FundSource; amountFen: number; payer: string; note: string | null; reason: string; recordedById: number; at: Date },
): Promise<{ id: number }> {
  return tx.fundEntry.create({
    data: { orgId: e.orgId, source: e.source, kind: "INCOME", amountFen: e.amountFen, payer: e.payer, note: e.note, reason: e.reason, recordedById: e.recordedById, createdAt: e.at },
    select: { id: true },
  });
}

export interface FundLedgerLine {
  id: number;
  at: Date;
  source: FundSource;
  kind: FundEntryKind;
  amountFen: number;
  payer: string | null;
  payeeName: string | null;
  requestNumber: string | null;
  trainingId: number | null;
  /** The application's request number; null for one filed before numbering (named by its #id). */
  trainingNumber: string | null;
  note: string | null;
  reason: string | null;
  reverses: { id: number; kind: FundEntryKind } | null;
  reversedById: number | null;
  recordedByName: string | null;
}

/** Every ledger line of a branch in [start, end), oldest first, with what it links to: the export's 资金流水 sheet. */
export async function fundLedger(tx: Tx, orgId: number, start: Date, end: Date): Promise<FundLedgerLine[]> {
  const rows = await tx.$queryRaw<(Omit<FundLedgerLine, "reverses"> & { reversesId: number | null; reversesKind: FundEntryKind | null })[]>`
    SELECT e."id", e."createdAt" AS "at", e."source"::text AS "source", e."kind"::text AS "kind", e."amountFen", e."payer",
           pp."name" AS "payeeName", r."number" AS "requestNumber", t."id" AS "trainingId", t."number" AS "trainingNumber", e."note", e."reason",
           e."reversesId", o."kind"::text AS "reversesKind", x."id" AS "reversedById", rb."name" AS "recordedByName"
    FROM "FundEntry" e
    LEFT JOIN "Person" pp ON pp."id" = e."payeeId"
    LEFT JOIN "AidRequest" r ON r."id" = e."aidRequestId"
    LEFT JOIN "TrainingApplication" t ON t."fundEntryId" = e."id"
    LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
    LEFT JOIN "FundEntry" x ON x."reversesId" = e."id"
    LEFT JOIN "Person" rb ON rb."id" = e."recordedById"
    WHERE e."orgId" = ${orgId} AND e."createdAt" >= ${start} AND e."createdAt" < ${end}
    ORDER BY e."createdAt", e."id"`;
  const keys = sealer(tx);
  return rows.map(({ reversesId, reversesKind, ...r }) => ({ ...r, note: keys.open("FundEntry.note", r.note), reverses: reversesId === null ? null : { id: reversesId, kind: reversesKind ?? "DISBURSEMENT" } }));
}

export interface Reconciled {
  source: FundSource;
  /** What the ledger adds up to: income - paid + paid back - income taken back. */
  ledgerFen: number;
  balanceFen: number;
}

/** Per source, the whole ledger's sum beside the running balance: they must be equal. */
export async function reconciliation(tx: Tx, orgId: number): Promise<Reconciled[]> {
  const rows = await tx.$queryRaw<{ source: FundSource; kind: FundEntryKind; reverses: FundEntryKind | null; fen: string }[]>`
    SELECT e."source"::text AS "source", e."kind"::text AS "kind", o."kind"::text AS "reverses", sum(e."amountFen")::text AS "fen"
    FROM "FundEntry" e LEFT JOIN "FundEntry" o ON o."id" = e."reversesId"
    WHERE e."orgId" = ${orgId} GROUP BY 1, 2, 3`;
  const lines: LedgerLine[] = rows.map((r) => ({ source: r.source, kind: r.kind, reverses: r.reverses, amountFen: Number(r.fen) }));
  const ledger = ledgerBalances(lines);
  const balances = await tx.fundBalance.findMany({ where: { orgId }, select: { source: true, balanceFen: true } });
  const bal = new Map(balances.map((b) => [b.source, b.balanceFen]));
  return (Object.keys(ledger) as FundSource[]).map((source) => ({ source, ledgerFen: ledger[source], balanceFen: bal.get(source) ?? 0 }));
}
