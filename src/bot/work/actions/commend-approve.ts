import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { addDays } from "../../../domain/calendar-day.ts";
import { checkDay } from "../../../domain/work-input.ts";
import { must, UserError } from "../../errors.ts";
import { defineAction, todayOf } from "../../context.ts";
import { afterCommendChange, commendDecidedAnswer, requireCommendation, requireCommendDecider } from "../commend-view.ts";
import { commendDecideForm, commendRef } from "../forms.ts";
import { written } from "../../../store/audit.ts";

/** 批准表彰: kept on the member's record with level and date, announced in the branch group. */
export const commendApprove = defineAction({
  id: WORK_ACTION.commendApprove,
  value: commendRef,
  form: commendDecideForm,
  async run(ctx, { value, form }) {
    const c = await requireCommendation(ctx, value.m);
    requireCommendDecider(ctx.actor, c);
    if (c.status !== "PENDING") return commendDecidedAnswer(ctx, c.id);
    const today = todayOf(ctx);
    const awardedOn = form.awarded_on?.trim() ? must(checkDay(form.awarded_on, { zh: "表彰日期", en: "date" })) : today;
    if (awardedOn > today || awardedOn < addDays(today, -366)) throw new UserError("awarded_on_range", { zh: "表彰日期须在今天及以前一年之内。", en: "The date must be within the past year, today at the latest." });
    const note = must(checkText(form.note, { zh: "备注", en: "note" }, { required: false, max: NOTE_MAX })) || null;
    const level = form.level ?? c.level;
    if (!(await ctx.store.commendations.approveCommendation(c.id, { byId: ctx.actor.personId, level, awardedOn, note, at: ctx.clock.now() }))) return commendDecidedAnswer(ctx, c.id);
    await ctx.audit({ action: "commendation.approve", subjectType: "Commendation", subjectId: c.id, orgId: c.orgId, subjectPersonId: c.personId, changes: { status: ["PENDING", "APPROVED"], level: [c.level, level], awardedOn, ...written({ note }) } });
    const { card, announced } = await afterCommendChange(ctx, c.id, "approved");
    return {
      toast: announced
        ? { type: "success", text: { zh: "已批准表彰，已在支部群公告并通知本人。", en: "Approved, announced in the branch group, member told." } }
        : { type: "warning", text: { zh: "已批准表彰并通知本人；本支部未登记支部群，未能公告。", en: "Approved and member told; the branch has no group chat, so nothing was announced." } },
      card,
    };
  },
});
