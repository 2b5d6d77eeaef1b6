// What the training handlers share: a row drawn as the card views, the secretary's decision card
// (with the member's fund history and the balances, as the aid approval card has), sending it
// to the branch's secretaries, and the answer to a click on an application already decided.
import { trainingDecisionCard, trainingResultCard, type TrainingDecisionView, type TrainingView } from "../../../cards/training-apply.ts";
import type { Card } from "../../../cards/kit.ts";
import { localDateTime, localYear, yearBounds } from "../../domain/zoned-time.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import { TRAINING_DECIDER_ROLES } from "../../domain/training-rules.ts";
import { balances, receivedBetween } from "../../store/aid-fund.ts";
import { namesOf } from "../../store/aid-people.ts";
import { findTraining, type TrainingRow } from "../../store/training.ts";
import type { Tx } from "../../store/tx.ts";
import type { AidCtx } from "../aid/approval.ts";
import type { ActionResult, BaseContext } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { redrawCopies } from "./copies.ts";
import { reachableSecretaries } from "./people.ts";
import { ownRecord, trainingDecidedText, unknownRecord } from "./texts.ts";

export const trainingKeyPrefix = (id: number) => `training-decide-${id}-`;

export async function requireTraining(tx: Tx, id: number): Promise<TrainingRow> {
  const r = await findTraining(tx, id);
  if (!r) throw unknownRecord("培训申请");
  return r;
}

export function requireTrainingDecider(actor: Actor, app: { orgId: number; personId: number }): void {
  if (!hasRole(actor, TRAINING_DECIDER_ROLES, app.orgId)) throw notAllowed();
  if (actor.personId === app.personId) throw ownRecord();
}

export async function trainingViewOf(ctx: BaseContext, r: TrainingRow): Promise<TrainingView> {
  const tz = ctx.config.timezone;
  const names = await namesOf(ctx.tx, [r.personId, r.decidedById]);
  const org = await ctx.tx.organization.findUnique({ where: { id: r.orgId }, select: { name: true } });
  const decided = r.status === "APPROVED" || r.status === "REJECTED";
  return {
    id: r.id,
    member: names.get(r.personId) ?? "?",
    branch: org?.name ?? "?",
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
          status: r.status as "APPROVED" | "REJECTED",
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

export async function decisionViewOf(ctx: BaseContext, r: TrainingRow): Promise<TrainingDecisionView> {
  const tz = ctx.config.timezone;
  const year = localYear(ctx.clock.now(), tz);
  const { start, end } = yearBounds(year, tz);
  return {
    ...(await trainingViewOf(ctx, r)),
    year,
    received: await receivedBetween(ctx.tx, r.personId, start, end),
    balances: await balances(ctx.tx, r.orgId),
    ceilingFen: ctx.config.aidMaxFen,
  };
}

export const decisionCardOf = async (ctx: BaseContext, r: TrainingRow): Promise<Card> => trainingDecisionCard(await decisionViewOf(ctx, r));

/** Sends the decision card to every reachable secretary of the branch but the applicant; returns how many. */
export async function sendTrainingCards(ctx: AidCtx, r: TrainingRow): Promise<number> {
  const to = await reachableSecretaries(ctx.tx, r.orgId, r.personId);
  const card = await decisionCardOf(ctx, r);
  for (const s of to) ctx.send({ openId: s.openId }, { card }, `${trainingKeyPrefix(r.id)}r0-${s.personId}`);
  if (to.length > 0) await ctx.audit({ action: "training.application.notify", subjectType: "TrainingApplication", subjectId: r.id, orgId: r.orgId, changes: { to: to.map((s) => s.personId) } });
  return to.length;
}

/** After a decision: every other copy redrawn, the member told; returns the card for the clicked copy. */
export async function afterDecision(ctx: AidCtx & { inbound: { messageId?: string | undefined } }, id: number): Promise<Card> {
  const row = await requireTraining(ctx.tx, id);
  const card = await decisionCardOf(ctx, row);
  await redrawCopies(ctx, trainingKeyPrefix(id), card);
  const view = await trainingViewOf(ctx, row);
  const member = await ctx.tx.person.findUnique({ where: { id: row.personId }, select: { larkOpenId: true } });
  if (member?.larkOpenId && view.decision) ctx.send({ openId: member.larkOpenId }, { card: trainingResultCard({ ...view, decision: view.decision }) }, `training-result-${row.id}`);
  return card;
}

/** A click on an application no longer pending: nothing changes, the card shows the decision. */
export async function trainingDecidedAnswer(ctx: BaseContext, id: number): Promise<ActionResult> {
  const row = await requireTraining(ctx.tx, id);
  const names = await namesOf(ctx.tx, [row.decidedById]);
  return { toast: { type: "info", text: trainingDecidedText(row.status, row.decidedById !== null ? (names.get(row.decidedById) ?? null) : null) }, card: await decisionCardOf(ctx, row) };
}
