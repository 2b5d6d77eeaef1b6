import { trainingRecordedCard } from "../../../../cards/training-record.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText } from "../../../domain/aid-rules.ts";
import { addDays } from "../../../domain/calendar-day.ts";
import { hasRole } from "../../../domain/roles.ts";
import { COURSE_MAX, TRAINING_RECORD_ROLES } from "../../../domain/training-rules.ts";
import { checkChoices, checkDay, checkHours } from "../../../domain/work-input.ts";
import { must, notAllowed, UserError } from "../../errors.ts";
import { defineAction, todayOf } from "../../context.ts";
import { orgRef, trainingRecordForm } from "../forms.ts";
import { alreadySubmittedText } from "../texts.ts";

/** Saves a training session with its attendees, all of them people of the branch. */
export const trainingRecordSave = defineAction({
  id: WORK_ACTION.trainingRecordSave,
  value: orgRef,
  form: trainingRecordForm,
  async run(ctx, { value, form }) {
    if (!hasRole(ctx.actor, TRAINING_RECORD_ROLES, value.o)) throw notAllowed(["培训申请", "我的"]);
    const today = todayOf(ctx);
    const title = must(checkText(form.title, { zh: "培训名称", en: "title" }, { required: true, max: COURSE_MAX }));
    const heldOn = must(checkDay(form.held_on, { zh: "培训日期", en: "day" }));
    if (heldOn > today) throw new UserError("date_future", { zh: "培训日期不能晚于今天：请在培训结束后登记。", en: "The day cannot be in the future: record a training after it took place." });
    if (heldOn < addDays(today, -3660)) throw new UserError("date_old", { zh: "培训日期过早，请核对日期。", en: "That day is too long ago; check it." });
    const hours = must(checkHours(form.hours));
    const people = await ctx.store.trainingRecords.branchPeople(value.o);
    const ids = must(checkChoices(form.attendees, people.map((p) => String(p.id)), { zh: "参加人员", en: "attendee" }, { min: 1 })).map(Number);
    const session = await ctx.store.trainingRecords.createSession({ orgId: value.o, topic: form.topic, title, heldOn, hours, attendeeIds: ids, recordedById: ctx.actor.personId, formMessageId: ctx.inbound.messageId ?? null });
    const names = people.filter((p) => ids.includes(p.id)).map((p) => p.name);
    if (!session) {
      const earlier = await ctx.store.trainingRecords.sessionByForm(ctx.inbound.messageId ?? "");
      return { toast: { type: "info", text: { zh: `${alreadySubmittedText.zh}（${earlier?.title ?? title}）`, en: alreadySubmittedText.en } } };
    }
    // One line per attendee, about them: each sees the training recorded for them in 谁看过我的档案.
    for (const id of ids) await ctx.audit({ action: "training.session.record", subjectType: "TrainingSession", subjectId: session.id, orgId: value.o, subjectPersonId: id, changes: { topic: form.topic, title, heldOn, hours } });
    return {
      toast: { type: "success", text: { zh: `已登记培训「${title}」，${ids.length} 人参加。`, en: `Recorded "${title}", ${ids.length} attended.` } },
      card: trainingRecordedCard({ title, topic: form.topic, heldOn, hours, names }),
    };
  },
});
