import { CALENDAR_ACTION } from "../../../../cards/calendar.ts";
import { defineAction } from "../../context.ts";
import { mustKeep } from "../access.ts";
import { holidayRef } from "../forms.ts";
import { dayLines, editableYear, yearCard } from "../view.ts";

/** Removes one holiday (all its days off and make-up days) from the year's schedule. */
export const calendarRemove = defineAction({
  id: CALENDAR_ACTION.remove,
  value: holidayRef,
  async run(ctx, { value }) {
    const org = await mustKeep(ctx);
    const year = value.y;
    const existing = await editableYear(ctx, year);
    const gone = existing.filter((d) => (d.name ?? "") === value.n);
    if (gone.length === 0) {
      return { toast: { type: "info", text: { zh: "这一项已不在安排中。", en: "That holiday is no longer in the schedule." } }, card: await yearCard(ctx, year) };
    }
    await ctx.store.calendar.replaceYear({ year, days: existing.filter((d) => (d.name ?? "") !== value.n), byId: ctx.actor.personId, at: ctx.clock.now() });
    await ctx.audit({ action: "calendar.holiday.remove", subjectType: "CalendarYear", subjectId: year, orgId: org.id, changes: { name: value.n || null, before: dayLines(gone) } });
    const label = value.n || "未命名的安排";
    const text = { zh: `已删除 ${year} 年「${label}」。`, en: `${value.n || "The unnamed entry"} ${year} removed.` };
    return { toast: { type: "success", text }, card: await yearCard(ctx, year, { zh: `🗑️ ${text.zh}`, en: `🗑️ ${text.en}` }) };
  },
});
