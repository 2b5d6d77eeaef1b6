// 审批 <编号> for a number that is not an aid request's: one sequence numbers every kind of
// request (src/store/request-numbers.ts), so the number a decider holds may name a training
// application, a nomination or a question. Each reopens as a fresh copy of its decision card,
// keyed like the others so every later decision redraws it too.
import type { NumberedKind } from "../../store/request-numbers.ts";
import type { CommandContext } from "../context.ts";
import { commendCardOf, commendKeyPrefix, requireCommendation, requireCommendDecider } from "./commend-view.ts";
import { cardsOf, requireAnswerer, requireQuestion, secretaryKeyPrefix } from "./question-view.ts";
import { requireTraining, requireTrainingDecider, trainingDecisionCardOf, trainingKeyPrefix } from "./training-view.ts";

export async function reopenByNumber(ctx: CommandContext, held: { kind: Exclude<NumberedKind, "aid">; id: number }): Promise<void> {
  const copy = (prefix: string) => `${prefix}open-${ctx.actor.personId}-${ctx.inbound.key}`;
  if (held.kind === "training") {
    const app = await requireTraining(ctx, held.id);
    requireTrainingDecider(ctx.actor, app);
    await ctx.audit({ action: "training.application.view", subjectType: "TrainingApplication", subjectId: app.id, orgId: app.orgId, subjectPersonId: app.personId });
    ctx.send({ openId: ctx.actor.openId }, { card: await trainingDecisionCardOf(ctx, app.id) }, copy(trainingKeyPrefix(app.id)));
  } else if (held.kind === "commendation") {
    const c = await requireCommendation(ctx, held.id);
    requireCommendDecider(ctx.actor, c);
    await ctx.audit({ action: "commendation.view", subjectType: "Commendation", subjectId: c.id, orgId: c.orgId, subjectPersonId: c.personId });
    ctx.send({ openId: ctx.actor.openId }, { card: await commendCardOf(ctx, c) }, copy(commendKeyPrefix(c.id)));
  } else {
    const q = await requireQuestion(ctx, held.id);
    requireAnswerer(ctx.actor, q);
    await ctx.audit({ action: "question.view", subjectType: "Question", subjectId: q.id, orgId: q.orgId, subjectPersonId: q.askerId });
    ctx.send({ openId: ctx.actor.openId }, { card: (await cardsOf(ctx, q)).secretary }, copy(secretaryKeyPrefix(q.id)));
  }
}
