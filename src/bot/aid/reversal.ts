// 冲正: undoing a ledger entry, from the fund card, an aid request's card, a training
// application's card or the 冲正 command. The ledger gets a REVERSAL linked to the entry (and, for
// a corrected income, the right INCOME); what the entry paid for becomes REVERSED with the reason;
// the member is told; every copy of the decision card is redrawn; all audited. The balance moves
// in the transaction's last step, as an approval's does (ctx.last), and is checked first: income
// already spent is refused with the figures, before the CHECK constraint would have to.
import { aidReversedCard } from "../../../cards/aid-reversal.ts";
import type { Card } from "../../../cards/kit.ts";
import type { FundSource } from "../../domain/aid-rules.ts";
import { CORRECTION_ROLES, incomeReversalRefusal, reversalRefusal, type Replacement } from "../../domain/fund-correction.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import type { CorrectableEntry } from "../../store/aid-fund.ts";
import { refreshCopies, type KeyedContext } from "../card-copies.ts";
import type { ClickContext } from "../work/copies.ts";
import { fromProblem, UserError } from "../errors.ts";
import { afterTrainingReversal } from "../work/training-view.ts";
import { loadRequest, tellMember } from "./approval.ts";
import { approvalCardOf, decisionView, type RequestContext } from "./approval-view.ts";
import { refreshReceipt } from "./receipt.ts";
import { written } from "../../store/audit.ts";

/** What a reversal asks: the reason, and for an income the right figures when there are any. */
export interface ReversalInput {
  reason: string;
  correction: (Replacement & { payer: string; note: string | null }) | null;
}

export interface Reversed {
  reversalId: number;
  correctingId: number | null;
  /** Balance changes booked in the last step: cards drawn now show them already. */
  pending: Partial<Record<FundSource, number>>;
  /** The redrawn decision card, when the entry paid a request or a subsidy. */
  card: Card | null;
}

export const unknownEntry = (id?: number) =>
  new UserError("unknown_entry", {
    zh: id ? `找不到流水 #${id}，请核对流水号（资金卡片上每笔记录前的 # 号）。` : "找不到该笔资金流水，请刷新卡片后重试。",
    en: id ? `There is no ledger entry #${id}; check the number on the fund card.` : "That ledger entry does not exist; refresh the card.",
  });

const secretaryOnly = () =>
  new UserError("forbidden", { zh: "只有本支部书记可以冲正帮扶资金流水。", en: "Only the branch secretary can reverse fund entries." });

const notPaid = (what: "aid" | "training") =>
  new UserError("not_paid", {
    zh: what === "aid" ? "该申请没有已支付的款项（未批准或已冲正），无需冲正。" : "该培训申请没有已发放的补贴（未批准、未批补贴或已冲正），无需冲正。",
    en: "Nothing was paid on this (not approved, no subsidy, or already reversed).",
  });

/** The entry, if the actor may reverse it and it can still be reversed; otherwise the reason why not. */
export async function requireReversible(ctx: KeyedContext, entryId: number): Promise<CorrectableEntry> {
  const e = await ctx.store.aidFund.entryToCorrect(entryId);
  if (!e) throw unknownEntry(entryId);
  requireCorrector(ctx.actor, e.orgId);
  const p = reversalRefusal({
    id: e.id,
    kind: e.kind,
    source: e.source,
    amountFen: e.amountFen,
    reversedBy: e.reversedBy ? { at: localDateTime(e.reversedBy.at, ctx.config.timezone), by: e.reversedBy.byName, reason: e.reversedBy.reason } : null,
  });
  if (p) throw fromProblem(p);
  return e;
}

export function requireCorrector(actor: Actor, orgId: number): void {
  if (!hasRole(actor, CORRECTION_ROLES, orgId)) throw secretaryOnly();
}

/** The entry that paid an aid request, for its card's 冲正. */
export async function entryOfRequest(ctx: KeyedContext, requestId: number): Promise<number> {
  const id = await ctx.store.aidFund.entryOfRequest(requestId);
  if (id === null) throw notPaid("aid");
  return id;
}

/** A number that names a commendation or a question: nothing was paid on it. */
export const nothingToReverse = (number: string, kind: "commendation" | "question") =>
  new UserError("nothing_paid", {
    zh: `编号 ${number} 是${kind === "commendation" ? "一项表彰提名" : "一条提问"}，没有款项可以冲正。冲正用于帮扶申请、培训申请的款项或资金流水。`,
    en: `${number} is a ${kind === "commendation" ? "commendation" : "question"}; nothing was paid on it to reverse.`,
  });

/** The entry that paid a training subsidy, for its card's 冲正 and the 冲正 command. */
export async function entryOfTraining(ctx: KeyedContext, appId: number): Promise<number> {
  const app = await ctx.store.training.findTraining(appId);
  if (!app) throw new UserError("unknown_record", { zh: "找不到该培训申请，请刷新卡片后重试。", en: "That application does not exist; refresh the card." });
  requireCorrector(ctx.actor, app.orgId);
  if (app.fundEntryId === null || app.status !== "APPROVED") throw notPaid("training");
  return app.fundEntryId;
}

/**
 * Books the reversal of `e` (already checked by requireReversible) and everything that follows
 * from it. `last` runs a step as the transaction's last statement: ctx.last for card actions; a
 * command passes a list it runs at its end.
 */
export async function reverseEntry(ctx: ClickContext, e: CorrectableEntry, input: ReversalInput, last: (step: () => Promise<void>) => void): Promise<Reversed> {
  const at = ctx.clock.now();
  const byId = ctx.actor.personId;
  const fix = input.correction;
  if (e.kind === "INCOME") {
    const p = incomeReversalRefusal({ id: e.id, source: e.source, amountFen: e.amountFen, balanceFen: e.balanceFen }, fix);
    if (p) throw fromProblem(p);
  }
  const booked = await ctx.store.aidFund.bookReversal(e, { reason: input.reason, byId, at });
  if (!booked) {
    // Another click or another secretary reversed it since we read it: say who and when.
    await requireReversible(ctx, e.id);
    throw unknownEntry(e.id);
  }
  const correcting = fix
    ? await ctx.store.aidFund.bookIncomeEntry({ orgId: e.orgId, source: fix.source, amountFen: fix.amountFen, payer: fix.payer, note: fix.note, reason: `更正流水 #${e.id}：${input.reason}`, recordedById: byId, at })
    : null;

  // The balance moves last. The correcting income goes in first, so the reversal's withdrawal
  // never dips below zero on its way to a balance that ends at or above it.
  const pending: Partial<Record<FundSource, number>> = {};
  const add = (s: FundSource, fen: number) => (pending[s] = (pending[s] ?? 0) + fen);
  if (fix) add(fix.source, fix.amountFen);
  add(e.source, e.kind === "INCOME" ? -e.amountFen : e.amountFen);
  last(async () => {
    if (fix && !(await ctx.store.aidFund.deposit(e.orgId, fix.source, fix.amountFen))) throw overflow();
    if (e.kind !== "INCOME") {
      if (!(await ctx.store.aidFund.deposit(e.orgId, e.source, e.amountFen))) throw overflow();
      return;
    }
    if (await ctx.store.aidFund.withdraw(e.orgId, e.source, e.amountFen)) return;
    // Spent between our check and now: the same refusal, with the figures as they are now.
    const now = (await ctx.store.aidFund.balances(e.orgId))[e.source];
    const p = incomeReversalRefusal({ id: e.id, source: e.source, amountFen: e.amountFen, balanceFen: now }, null);
    throw p ? fromProblem(p) : overflow();
  });

  await ctx.audit({
    action: "fund.reverse",
    subjectType: "FundEntry",
    subjectId: e.id,
    orgId: e.orgId,
    subjectPersonId: e.payeeId,
    changes: {
      kind: e.kind,
      source: e.source,
      amountFen: e.amountFen,
      ...written({ reason: input.reason }),
      reversalEntryId: booked.id,
      ...(correcting && fix ? { correctingEntryId: correcting.id, correction: { source: fix.source, amountFen: fix.amountFen, payer: fix.payer } } : {}),
      ...(e.request ? { aidRequestId: e.request.id } : {}),
      ...(e.training ? { trainingApplicationId: e.training.id } : {}),
      ...(e.visitTaskId !== null ? { visitTaskId: e.visitTaskId } : {}),
    },
  });

  let card: Card | null = null;
  if (e.request) card = await afterAidReversal(ctx, e, input.reason, pending);
  else if (e.training) card = await afterTrainingReversal(ctx, e.training.id, { reason: input.reason, entryId: booked.id }, pending);
  return { reversalId: booked.id, correctingId: correcting?.id ?? null, pending, card };
}

const overflow = () => new UserError("balance_overflow", { zh: "该来源余额将超出系统可记录的上限，请核对金额。", en: "The balance would exceed what can be recorded; check the amount." });

/** The request becomes REVERSED with the reason in its timeline; the member is told; every card copy redrawn. */
async function afterAidReversal(ctx: ClickContext, e: CorrectableEntry, reason: string, pending: Partial<Record<FundSource, number>>): Promise<Card> {
  const request = e.request!;
  const done = await ctx.store.aidRequests.markReversed(request.id, { byId: ctx.actor.personId, reason, at: ctx.clock.now() });
  if (!done) throw notPaid("aid");
  await ctx.audit({ action: "aid.request.reverse", subjectType: "AidRequest", subjectId: request.id, orgId: e.orgId, subjectPersonId: e.payeeId, changes: { status: ["APPROVED", "REVERSED"], ...written({ reason }), fundEntryId: e.id } });
  const read = await loadRequest(ctx, request.id);
  const rc: RequestContext = { ...read, balances: { ...read.balances, [e.source]: read.balances[e.source] + (pending[e.source] ?? 0) } };
  const card = approvalCardOf(rc, ctx);
  await refreshCopies(ctx, rc.copies, card, ctx.inbound.messageId);
  refreshReceipt(ctx, rc);
  const decision = decisionView(rc.req, rc.names, ctx.config.timezone, rc.events);
  const reversal = decision?.reversal ?? { by: ctx.actor.name, at: localDateTime(ctx.clock.now(), ctx.config.timezone), reason };
  tellMember(ctx, rc, (forName) => aidReversedCard({ number: request.number, category: rc.req.category, amountFen: e.amountFen, reversal, ...(forName ? { forName } : {}) }), `aid-reversed-${request.id}`);
  return card;
}
