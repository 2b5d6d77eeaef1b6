// Training applications (培训支持) and their decision. Like aid requests, every decision is a
// conditional UPDATE from PENDING, so two secretaries (or one clicking twice) make one decision;
// a granted subsidy is a DISBURSEMENT line in the aid fund's ledger, taken from the source's
// balance with the fund's own conditional withdraw, in the same transaction.
import type { AidStatus, FundSource } from "../domain/aid-rules.ts";
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { TrainingAsk, TrainingInput } from "../domain/training-rules.ts";
import { withdraw } from "./aid-fund.ts";
import { nextRequestNumber } from "./request-numbers.ts";
import { openFields, sealer, type Keyring } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface TrainingRow extends TrainingInput {
  id: number;
  /** From the yearly request sequence (2026-0012); null for one filed before numbering (shown as #id). */
  number: string | null;
  orgId: number;
  personId: number;
  status: AidStatus;
  grantedAsks: TrainingAsk[];
  subsidyFen: number | null;
  fundSource: FundSource | null;
  /** The disbursement that paid the subsidy, if one was granted. */
  fundEntryId: number | null;
  decidedById: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
}

type Db = Awaited<ReturnType<Tx["trainingApplication"]["findUniqueOrThrow"]>>;

// Why a member asks for study support and what the secretary answered are sealed at rest (sealing.ts).
const toRow = (r: Db, keys: Keyring): TrainingRow => openFields(keys, "TrainingApplication", rowOf(r), ["reason", "decisionNote"]);
const rowOf = (r: Db): TrainingRow => ({
  id: r.id,
  number: r.number,
  orgId: r.orgId,
  personId: r.personId,
  course: r.course,
  provider: r.provider,
  startOn: dateToDay(r.startOn),
  endOn: dateToDay(r.endOn),
  costFen: r.costFen,
  asks: r.asks,
  requestedFen: r.requestedFen,
  reason: r.reason,
  status: r.status,
  grantedAsks: r.grantedAsks,
  subsidyFen: r.subsidyFen,
  fundSource: r.fundSource,
  fundEntryId: r.fundEntryId,
  decidedById: r.decidedById,
  decidedAt: r.decidedAt,
  decisionNote: r.decisionNote,
  createdAt: r.createdAt,
});

/**
 * Files an application with the year's next request number; null when this form card filed one
 * already (a second click on submit).
 */
export async function createTraining(tx: Tx, a: TrainingInput & { orgId: number; personId: number; formMessageId: string | null; year: number; at: Date }): Promise<TrainingRow | null> {
  if (a.formMessageId && (await tx.trainingApplication.findUnique({ where: { formMessageId: a.formMessageId }, select: { id: true } }))) return null;
  const rows = await tx.trainingApplication.createManyAndReturn({
    data: [
      {
        number: await nextRequestNumber(tx, a.year),
        orgId: a.orgId,
        personId: a.personId,
        course: a.course,
        provider: a.provider,
        startOn: dayToDate(a.startOn),
        endOn: dayToDate(a.endOn),
        costFen: a.costFen,
        asks: a.asks,
        requestedFen: a.requestedFen,
        reason: sealer(tx).seal("TrainingApplication.reason", a.reason),
        formMessageId: a.formMessageId,
        createdAt: a.at,
      },
    ],
    skipDuplicates: true,
  });
  return rows[0] ? toRow(rows[0], sealer(tx)) : null;
}

export async function findTraining(tx: Tx, id: number): Promise<TrainingRow | null> {
  const r = await tx.trainingApplication.findUnique({ where: { id } });
  return r ? toRow(r, sealer(tx)) : null;
}

export async function trainingByForm(tx: Tx, formMessageId: string): Promise<TrainingRow | null> {
  const r = await tx.trainingApplication.findUnique({ where: { formMessageId } });
  return r ? toRow(r, sealer(tx)) : null;
}

export async function trainingsOf(tx: Tx, personId: number, limit = 5): Promise<TrainingRow[]> {
  const rows = await tx.trainingApplication.findMany({ where: { personId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => toRow(r, sealer(tx)));
}

export interface Approval {
  byId: number;
  granted: TrainingAsk[];
  subsidy: { amountFen: number; source: FundSource } | null;
  note: string | null;
  at: Date;
}

/**
 * Approves a pending application and, when a subsidy is granted, books it: the ledger line to
 * the member and the source's balance down by as much. "decided" when it was no longer pending
 * (nothing written); "short" when the source cannot pay (the caller rolls back).
 */
export async function approveTraining(tx: Tx, app: TrainingRow, d: Approval): Promise<{ ok: true; entryId: number | null; balanceFen: number | null } | { ok: false; why: "decided" | "short" }> {
  const moved = await tx.trainingApplication.updateMany({
    where: { id: app.id, status: "PENDING" },
    data: {
      status: "APPROVED",
      grantedAsks: d.granted,
      subsidyFen: d.subsidy?.amountFen ?? null,
      fundSource: d.subsidy?.source ?? null,
      decidedById: d.byId,
      decidedAt: d.at,
      decisionNote: sealer(tx).seal("TrainingApplication.decisionNote", d.note),
    },
  });
  if (moved.count !== 1) return { ok: false, why: "decided" };
  if (!d.subsidy) return { ok: true, entryId: null, balanceFen: null };
  const entry = await tx.fundEntry.create({
    data: {
      orgId: app.orgId,
      source: d.subsidy.source,
      kind: "DISBURSEMENT",
      amountFen: d.subsidy.amountFen,
      payeeId: app.personId,
      note: `培训补贴：${app.course}（培训申请 ${app.number ?? `#${app.id}`}）`,
      recordedById: d.byId,
      createdAt: d.at,
    },
    select: { id: true },
  });
  await tx.trainingApplication.update({ where: { id: app.id }, data: { fundEntryId: entry.id } });
  // Last, so the balance row is locked only for the end of the transaction (as aid approvals do).
  const paid = await withdraw(tx, app.orgId, d.subsidy.source, d.subsidy.amountFen);
  if (!paid) return { ok: false, why: "short" };
  return { ok: true, entryId: entry.id, balanceFen: paid.balanceFen };
}

export async function rejectTraining(tx: Tx, app: TrainingRow, d: { byId: number; reason: string; at: Date }): Promise<boolean> {
  const moved = await tx.trainingApplication.updateMany({
    where: { id: app.id, status: "PENDING" },
    data: { status: "REJECTED", decidedById: d.byId, decidedAt: d.at, decisionNote: sealer(tx).seal("TrainingApplication.decisionNote", d.reason) },
  });
  return moved.count === 1;
}

/**
 * 冲正 of a granted subsidy: the application becomes REVERSED (what was granted stays recorded).
 * False when it was not an approved, paid application any more (nothing written). The ledger's
 * REVERSAL and the balance are the caller's (aid-fund.ts).
 */
export async function markTrainingReversed(tx: Tx, appId: number, at: Date): Promise<boolean> {
  const moved = await tx.trainingApplication.updateMany({ where: { id: appId, status: "APPROVED", fundEntryId: { not: null } }, data: { status: "REVERSED", updatedAt: at } });
  return moved.count === 1;
}

/** The reversal of an application's subsidy: when, by whom and why (the decision card and the member's notice show it). */
export async function trainingReversal(tx: Tx, app: Pick<TrainingRow, "fundEntryId">): Promise<{ entryId: number; amountFen: number; reason: string | null; byId: number | null; at: Date } | null> {
  if (app.fundEntryId === null) return null;
  const r = await tx.fundEntry.findUnique({ where: { reversesId: app.fundEntryId }, select: { id: true, amountFen: true, reason: true, recordedById: true, createdAt: true } });
  return r ? { entryId: r.id, amountFen: r.amountFen, reason: r.reason, byId: r.recordedById, at: r.createdAt } : null;
}
