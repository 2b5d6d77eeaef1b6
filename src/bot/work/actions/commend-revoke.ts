import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { must } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { afterCommendChange, commendDecidedAnswer, requireCommendation, requireCommendDecider } from "../commend-view.ts";
import { commendRef, revokeForm } from "../forms.ts";
import { written } from "../../../store/audit.ts";

/** 撤销表彰: once, with a reason kept on the record; the announcement is redrawn as revoked. */
export const commendRevoke = defineAction({
  id: WORK_ACTION.commendRevoke,
  value: commendRef,
  form: revokeForm,
  async run(ctx, { value, form }) {
    const c = await requireCommendation(ctx, value.m);
    requireCommendDecider(ctx.actor, c);
    if (c.status !== "APPROVED") return commendDecidedAnswer(ctx, c.id);
    const reason = must(checkText(form.reason, { zh: "撤销理由", en: "reason" }, { required: true, max: NOTE_MAX }));
    if (!(await ctx.store.commendations.revokeCommendation(c.id, { byId: ctx.actor.personId, reason, at: ctx.clock.now() }))) return commendDecidedAnswer(ctx, c.id);
    await ctx.audit({ action: "commendation.revoke", subjectType: "Commendation", subjectId: c.id, orgId: c.orgId, subjectPersonId: c.personId, changes: { status: ["APPROVED", "REVOKED"], ...written({ reason }) } });
    const { card } = await afterCommendChange(ctx, c.id, "revoked");
    return { toast: { type: "success", text: { zh: "已撤销表彰，并通知本人。", en: "Revoked; the member was told." } }, card };
  },
});
