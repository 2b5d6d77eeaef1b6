import { trainingReceiptCard } from "../../../../cards/training-apply.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { checkTrainingForm } from "../../../domain/training-rules.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { must } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { trainingForm } from "../forms.ts";
import { alreadySubmittedText, noBranch } from "../texts.ts";
import { reachableSecretaries } from "../people.ts";
import { sendTrainingCards, trainingViewOf } from "../training-view.ts";
import { z } from "zod";

/** Submitting 培训申请: files the application, answers with a receipt, sends the secretaries their cards. */
export const trainingSubmit = defineAction({
  id: WORK_ACTION.trainingSubmit,
  value: z.object({ a: z.string() }),
  form: trainingForm,
  async run(ctx, { form }) {
    const { store, actor } = ctx;
    const input = must(checkTrainingForm(form, ctx.config.aidMaxFen));
    const branch = await store.aidPeople.memberBranch(actor.personId);
    if (!branch) throw noBranch();
    const row = await store.training.createTraining({ ...input, orgId: branch.orgId, personId: actor.personId, formMessageId: ctx.inbound.messageId ?? null, year: localYear(ctx.clock.now(), ctx.config.timezone), at: ctx.clock.now() });
    if (!row) {
      const earlier = await store.training.trainingByForm(ctx.inbound.messageId ?? "");
      const deciders = earlier ? (await reachableSecretaries(ctx, earlier.orgId, earlier.personId)).length : 0;
      return { toast: { type: "info", text: alreadySubmittedText }, ...(earlier ? { card: trainingReceiptCard({ ...(await trainingViewOf(ctx, earlier)), deciderCount: deciders }) } : {}) };
    }
    await ctx.audit({
      action: "training.application.file",
      subjectType: "TrainingApplication",
      subjectId: row.id,
      orgId: row.orgId,
      subjectPersonId: row.personId,
      changes: { course: row.course, asks: row.asks, requestedFen: row.requestedFen, startOn: row.startOn, endOn: row.endOn },
    });
    const deciderCount = await sendTrainingCards(ctx, row);
    return {
      toast: { type: "success", text: { zh: `培训支持申请已提交，编号 ${requestLabel(row)}。`, en: `Filed as ${requestLabel(row)}.` } },
      card: trainingReceiptCard({ ...(await trainingViewOf(ctx, row)), deciderCount }),
    };
  },
});
