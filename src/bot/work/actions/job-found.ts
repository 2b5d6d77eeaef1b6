import { jobCaseClosedCard } from "../../../../cards/job-seek.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText } from "../../../domain/aid-rules.ts";
import { must } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { caseRef, noteForm } from "../forms.ts";
import { closeAsEmployed, requireCase, requireCaseActor } from "../job-view.ts";

/** 我已找到工作 (on the weekly card) or 已就业 (on the leader's check-in card): the case closes once. */
export const jobFound = defineAction({
  id: WORK_ACTION.jobFound,
  value: caseRef,
  form: noteForm,
  async run(ctx, { value, form }) {
    const c = await requireCase(ctx, value.c);
    requireCaseActor(ctx.actor, c, { memberToo: true });
    const outcome = must(checkText(form.note, { zh: "就业单位或岗位", en: "employer or job" }, { required: false, max: 200 })) || null;
    const memberName = (await ctx.store.people.personName(c.personId)) ?? "?";
    if (c.status !== "OPEN" || !(await closeAsEmployed(ctx, c, outcome))) {
      return { toast: { type: "info", text: { zh: "该求职登记已经结束，卡片已更新。", en: "This case is already closed; the card shows it." } }, card: jobCaseClosedCard({ memberName, status: c.status, outcome: c.outcome, on: c.employedOn }) };
    }
    const done = await requireCase(ctx, c.id);
    return {
      toast: { type: "success", text: { zh: `已记录${memberName}就业，求职登记结束。`, en: `${memberName} found work; the case is closed.` } },
      card: jobCaseClosedCard({ memberName, status: done.status, outcome: done.outcome, on: done.employedOn, ...(ctx.actor.personId !== c.personId ? { byName: ctx.actor.name } : {}) }),
    };
  },
});
