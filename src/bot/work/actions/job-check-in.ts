import { jobCaseClosedCard, jobCheckedCard } from "../../../../cards/job-seek.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText, NOTE_MAX } from "../../../domain/aid-rules.ts";
import { must } from "../../errors.ts";
import { defineAction, todayOf } from "../../context.ts";
import { caseRef, noteForm } from "../forms.ts";
import { requireCase, requireCaseActor } from "../job-view.ts";
import { written } from "../../../store/audit.ts";

/** 仍在求职，记录回访: the leader's monthly check-in, recorded once a day at most. */
export const jobCheckIn = defineAction({
  id: WORK_ACTION.jobCheckIn,
  value: caseRef,
  form: noteForm,
  async run(ctx, { value, form }) {
    const c = await requireCase(ctx, value.c);
    requireCaseActor(ctx.actor, c, { memberToo: false });
    const note = must(checkText(form.note, { zh: "回访情况", en: "note" }, { required: false, max: NOTE_MAX })) || null;
    const memberName = (await ctx.store.people.personName(c.personId)) ?? "?";
    if (c.status !== "OPEN") {
      return { toast: { type: "info", text: { zh: "该党员的求职登记已经结束。", en: "This case is closed." } }, card: jobCaseClosedCard({ memberName, status: c.status, outcome: c.outcome, on: c.employedOn }) };
    }
    const today = todayOf(ctx);
    if (!(await ctx.store.employment.recordCheckIn(c.id, { byId: ctx.actor.personId, today, note, at: ctx.clock.now() }))) {
      return { toast: { type: "info", text: { zh: "今天已记录过回访。", en: "A check-in was logged today already." } }, card: jobCheckedCard({ memberName, on: today, note: null }) };
    }
    await ctx.audit({ action: "employment.case.check_in", subjectType: "EmploymentCase", subjectId: c.id, orgId: c.orgId, subjectPersonId: c.personId, changes: { lastCheckInOn: [c.lastCheckInOn, today], ...written({ note }) } });
    return { toast: { type: "success", text: { zh: `已记录对${memberName}的回访。`, en: `Check-in with ${memberName} logged.` } }, card: jobCheckedCard({ memberName, on: today, note }) };
  },
});
