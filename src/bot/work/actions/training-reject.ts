import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { must } from "../../errors.ts";
import { reasonLabel } from "../../aid/texts.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { defineAction } from "../../context.ts";
import { trainingDecideForm, trainingRef } from "../forms.ts";
import { afterDecision, requireTraining, requireTrainingDecider, trainingDecidedAnswer } from "../training-view.ts";
import { written } from "../../../store/audit.ts";

/** 不批准 a training application, with a reason the member is told. */
export const trainingReject = defineAction({
  id: WORK_ACTION.trainingReject,
  value: trainingRef,
  form: trainingDecideForm,
  async run(ctx, { value, form }) {
    const app = await requireTraining(ctx, value.t);
    requireTrainingDecider(ctx.actor, app);
    if (app.status !== "PENDING") return trainingDecidedAnswer(ctx, app.id);
    const reason = must(checkText(form.note, reasonLabel, { required: true, max: NOTE_MAX }));
    if (!(await ctx.store.training.rejectTraining(app, { byId: ctx.actor.personId, reason, at: ctx.clock.now() }))) return trainingDecidedAnswer(ctx, app.id);
    await ctx.audit({ action: "training.application.reject", subjectType: "TrainingApplication", subjectId: app.id, orgId: app.orgId, subjectPersonId: app.personId, changes: { status: ["PENDING", "REJECTED"], ...written({ reason }) } });
    const card = await afterDecision(ctx, app.id);
    return { toast: { type: "success", text: { zh: `已作出不批准决定（${requestLabel(app)}），并通知申请人。`, en: `Rejected ${requestLabel(app)}; the member was told.` } }, card };
  },
});
