import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkApproval, overBalance } from "../../../domain/aid-rules.ts";
import { checkGrant } from "../../../domain/training-rules.ts";
import { fromProblem, must, UserError } from "../../errors.ts";
import { sourceMissing } from "../../aid/texts.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { defineAction } from "../../context.ts";
import { trainingDecideForm, trainingRef } from "../forms.ts";
import { afterDecision, requireTraining, requireTrainingDecider, trainingDecidedAnswer } from "../training-view.ts";

/**
 * 批准 a training application: what is granted is recorded; a granted subsidy is paid from the
 * chosen fund source under the aid fund's rules (ceiling, balance never below zero), booked in
 * the same ledger and the same transaction.
 */
export const trainingApprove = defineAction({
  id: WORK_ACTION.trainingApprove,
  value: trainingRef,
  form: trainingDecideForm,
  async run(ctx, { value, form }) {
    const app = await requireTraining(ctx, value.t);
    requireTrainingDecider(ctx.actor, app);
    if (app.status !== "PENDING") return trainingDecidedAnswer(ctx, app.id);
    const grant = must(checkGrant(app.asks, form));
    let subsidy: { amountFen: number; source: NonNullable<typeof form.source> } | null = null;
    if (grant.subsidyFen !== null) {
      if (!form.source) throw new UserError("source_missing", sourceMissing);
      const bal = await ctx.store.aidFund.balances(app.orgId);
      const problem = checkApproval({ amountFen: grant.subsidyFen, ceilingFen: ctx.config.aidMaxFen, balanceFen: bal[form.source], source: form.source });
      if (problem) throw fromProblem(problem);
      subsidy = { amountFen: grant.subsidyFen, source: form.source };
    }
    const done = await ctx.store.training.approveTraining(app, { byId: ctx.actor.personId, granted: grant.granted, subsidy, note: grant.note, at: ctx.clock.now() });
    if (!done.ok && done.why === "decided") return trainingDecidedAnswer(ctx, app.id);
    if (!done.ok) throw fromProblem(overBalance(subsidy!.source, (await ctx.store.aidFund.balances(app.orgId))[subsidy!.source]));
    await ctx.audit({
      action: "training.application.approve",
      subjectType: "TrainingApplication",
      subjectId: app.id,
      orgId: app.orgId,
      changes: { status: ["PENDING", "APPROVED"], granted: grant.granted, subsidyFen: subsidy?.amountFen ?? null, fundSource: subsidy?.source ?? null, fundEntryId: done.entryId, note: grant.note },
    });
    const card = await afterDecision(ctx, app.id);
    return { toast: { type: "success", text: { zh: `已批准培训申请 ${requestLabel(app)}，已通知申请人。`, en: `Approved ${requestLabel(app)}; the member was told.` } }, card };
  },
});
