import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { must } from "../../errors.ts";
import { reasonLabel } from "../../aid/texts.ts";
import { defineAction } from "../../context.ts";
import { afterCommendChange, commendDecidedAnswer, requireCommendation, requireCommendDecider } from "../commend-view.ts";
import { commendDecideForm, commendRef } from "../forms.ts";
import { written } from "../../../store/audit.ts";

/** 不通过: with a reason the nominator is told. */
export const commendDecline = defineAction({
  id: WORK_ACTION.commendDecline,
  value: commendRef,
  form: commendDecideForm,
  async run(ctx, { value, form }) {
    const c = await requireCommendation(ctx, value.m);
    requireCommendDecider(ctx.actor, c);
    if (c.status !== "PENDING") return commendDecidedAnswer(ctx, c.id);
    const reason = must(checkText(form.note, reasonLabel, { required: true, max: NOTE_MAX }));
    if (!(await ctx.store.commendations.declineCommendation(c.id, { byId: ctx.actor.personId, reason, at: ctx.clock.now() }))) return commendDecidedAnswer(ctx, c.id);
    await ctx.audit({ action: "commendation.decline", subjectType: "Commendation", subjectId: c.id, orgId: c.orgId, subjectPersonId: c.personId, changes: { status: ["PENDING", "DECLINED"], ...written({ reason }) } });
    const { card } = await afterCommendChange(ctx, c.id, "declined");
    return { toast: { type: "success", text: { zh: "已作出不通过决定，并通知提名人。", en: "Declined; the nominator was told." } }, card };
  },
});
