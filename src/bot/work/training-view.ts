// What the training handlers share: a row drawn as the card views, the secretary's decision card
// (with the member's fund history and the balances, as the aid approval card has), sending it
// to the branch's secretaries, and the answer to a click on an application already decided.
import { trainingDecisionCard, trainingResultCard, type TrainingDecisionView, type TrainingView } from "../../../cards/training-apply.ts";
import { trainingReversedCard } from "../../../cards/training-reversal.ts";
import { FUND_SOURCES, type FundSource } from "../../domain/aid-rules.ts";
import type { Card } from "../../../cards/kit.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import { requestLabel } from "../../domain/request-label.ts";
import { TRAINING_DECIDER_ROLES } from "../../domain/training-rules.ts";
import type { TrainingRow } from "../../store/training.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { ActionResult, BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";
import { redrawCopies, type ClickContext } from "./copies.ts";
import { reachableSecretaries } from "./people.ts";
import { ownRecord, trainingDecidedText, unknownRecord } from "./texts.ts";
import { written } from "../../store/audit.ts";

export const trainingKeyPrefix = (id: number) => `training-decide-${id}-`;

export async function requireTraining(ctx: Pick<BaseContext, "store">, id: number): Promise<TrainingRow> {
  const r = await ctx.store.training.findTraining(id);
  if (!r) throw unknownRecord("培训申请");
  return r;
}

export function requireTrainingDecider(actor: Actor, app: { orgId: number; personId: number }): void {
  if (!hasRole(actor, TRAINING_DECIDER_ROLES, app.orgId)) throw notAllowed(["培训申请", "我的"]);
  if (actor.personId === app.personId) throw ownRecord();
}

export async function trainingViewOf(ctx: BaseContext, r: TrainingRow): Promise<TrainingView> {
  const tz = ctx.config.timezone;
  const undone = r.status === "REVERSED" ? await ctx.store.training.trainingReversal(r) : null;
  const names = await ctx.store.people.personNames([r.personId, r.decidedById, undone?.byId]);
  const branch = await ctx.store.orgs.orgName(r.orgId);
  const decided = r.status === "APPROVED" || r.status === "REJECTED" || r.status === "REVERSED";
  return {
    id: r.id,
    label: requestLabel(r),
    member: names.get(r.personId) ?? "?",
    branch: branch ?? "?",
    course: r.course,
    provider: r.provider,
    startOn: r.startOn,
    endOn: r.endOn,
    costFen: r.costFen,
    asks: r.asks,
    requestedFen: r.requestedFen,
    reason: r.reason,
    filedAt: localDateTime(r.createdAt, tz),
    status: r.status,
    decision: decided
      ? {
          status: r.status === "REJECTED" ? "REJECTED" : "APPROVED",
          reversal: undone ? { by: (undone.byId !== null ? names.get(undone.byId) : undefined) ?? "?", at: localDateTime(undone.at, tz), reason: undone.reason } : null,
          granted: r.grantedAsks,
          subsidyFen: r.subsidyFen,
          source: r.fundSource,
          note: r.decisionNote,
          by: (r.decidedById !== null ? names.get(r.decidedById) : undefined) ?? "?",
          at: r.decidedAt ? localDateTime(r.decidedAt, tz) : "",
        }
      : null,
  };
}

/** `pending`: balance changes a handler booked for the transaction's last step (a reversal's), shown already. */
async function decisionViewOf(ctx: BaseContext, r: TrainingRow, pending: Partial<Record<FundSource, number>> = {}): Promise<TrainingDecisionView> {
  const tz = ctx.config.timezone;
  const year = localYear(ctx.clock.now(), tz);
  const { start, end } = yearBounds(year, tz);
  const bal = await ctx.store.aidFund.balances(r.orgId);
  return {
    ...(await trainingViewOf(ctx, r)),
    year,
    received: await ctx.store.aidFund.receivedBetween(r.personId, start, end),
    balances: Object.fromEntries(FUND_SOURCES.map((s) => [s, bal[s] + (pending[s] ?? 0)])) as Record<FundSource, number>,
    ceilingFen: ctx.config.aidMaxFen,
  };
}

const decisionCardOf = async (ctx: BaseContext, r: TrainingRow, pending?: Partial<Record<FundSource, number>>): Promise<Card> => trainingDecisionCard(await decisionViewOf(ctx, r, pending));

/** The decision card as it stands, for a form's "返回" (drawn, not sent). */
export async function trainingDecisionCardOf(ctx: BaseContext, id: number): Promise<Card> {
  return decisionCardOf(ctx, await requireTraining(ctx, id));
}

/**
 * After the subsidy was reversed (冲正, src/bot/aid/reversal.ts): the application becomes
 * REVERSED, every copy of its card is redrawn, the member is told; returns the redrawn card.
 */
export async function afterTrainingReversal(ctx: ClickContext, id: number, r: { reason: string; entryId: number }, pending: Partial<Record<FundSource, number>>): Promise<Card> {
  if (!(await ctx.store.training.markTrainingReversed(id, ctx.clock.now()))) {
    throw new UserError("not_paid", { zh: "该培训申请没有已发放的补贴（未批准、未批补贴或已冲正），无需冲正。", en: "Nothing was paid on this application." });
  }
  const row = await requireTraining(ctx, id);
  await ctx.audit({ action: "training.application.reverse", subjectType: "TrainingApplication", subjectId: id, orgId: row.orgId, subjectPersonId: row.personId, changes: { status: ["APPROVED", "REVERSED"], ...written({ reason: r.reason }), fundEntryId: row.fundEntryId, reversalEntryId: r.entryId } });
  const card = await decisionCardOf(ctx, row, pending);
  await redrawCopies(ctx, trainingKeyPrefix(id), card);
  const view = await trainingViewOf(ctx, row);
  const member = await ctx.store.people.personContact(row.personId);
  const reversal = view.decision?.reversal;
  if (member?.openId && reversal && row.subsidyFen !== null) {
    ctx.send({ openId: member.openId }, { card: trainingReversedCard({ label: requestLabel(row), course: row.course, amountFen: row.subsidyFen, reversal }) }, `training-reversed-${row.id}`);
  }
  return card;
}

/** Sends the decision card to every reachable secretary of the branch but the applicant; returns how many. */
export async function sendTrainingCards(ctx: KeyedContext, r: TrainingRow): Promise<number> {
  const to = await reachableSecretaries(ctx, r.orgId, r.personId);
  const card = await decisionCardOf(ctx, r);
  for (const s of to) ctx.send({ openId: s.openId }, { card }, `${trainingKeyPrefix(r.id)}r0-${s.personId}`);
  if (to.length > 0) await ctx.audit({ action: "training.application.notify", subjectType: "TrainingApplication", subjectId: r.id, orgId: r.orgId, subjectPersonId: r.personId, changes: { to: to.map((s) => s.personId) } });
  return to.length;
}

/** After a decision: every other copy redrawn, the member told; returns the card for the clicked copy. */
export async function afterDecision(ctx: ClickContext, id: number): Promise<Card> {
  const row = await requireTraining(ctx, id);
  const card = await decisionCardOf(ctx, row);
  await redrawCopies(ctx, trainingKeyPrefix(id), card);
  const view = await trainingViewOf(ctx, row);
  const member = await ctx.store.people.personContact(row.personId);
  if (member?.openId && view.decision) ctx.send({ openId: member.openId }, { card: trainingResultCard({ ...view, decision: view.decision }) }, `training-result-${row.id}`);
  return card;
}

/** A click on an application no longer pending: nothing changes, the card shows the decision. */
export async function trainingDecidedAnswer(ctx: BaseContext, id: number): Promise<ActionResult> {
  const row = await requireTraining(ctx, id);
  const names = await ctx.store.people.personNames([row.decidedById]);
  return { toast: { type: "info", text: trainingDecidedText(row.status, row.decidedById !== null ? (names.get(row.decidedById) ?? null) : null) }, card: await decisionCardOf(ctx, row) };
}
