import { CALENDAR_ACTION } from "../../../../cards/calendar.ts";
import { withHoliday } from "../../../domain/holiday-schedule.ts";
import { defineAction } from "../../context.ts";
import { must } from "../../errors.ts";
import { mustKeep } from "../access.ts";
import { holidayForm, yearRef } from "../forms.ts";
import { dayLines, editableYear, yearCard } from "../view.ts";

/** Saves one holiday from the form: its days off and make-up days replace those of the same name. */
export const calendarAdd = defineAction({
  id: CALENDAR_ACTION.add,
  value: yearRef,
  form: holidayForm,
  async run(ctx, { value, form }) {
    const org = await mustKeep(ctx);
    const year = value.y;
    const existing = await editableYear(ctx, year);
    const { days, added } = must(withHoliday(existing, { name: form.name, from: form.from, to: form.to, makeUp: [form.makeUp1, form.makeUp2] }, year));
    const name = added[0]!.name!;
    await ctx.store.calendar.replaceYear({ year, days, byId: ctx.actor.personId, at: ctx.clock.now() });
    await ctx.audit({
      action: "calendar.holiday.save",
      subjectType: "CalendarYear",
      subjectId: year,
      orgId: org.id,
      changes: { name, before: dayLines(existing.filter((d) => d.name === name)), after: dayLines(added) },
    });
    const text = { zh: `已保存 ${year} 年「${name}」。`, en: `${name} ${year} saved.` };
    return { toast: { type: "success", text }, card: await yearCard(ctx, year, { zh: `✅ ${text.zh}`, en: `✅ ${text.en}` }) };
  },
});
