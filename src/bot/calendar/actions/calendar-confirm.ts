import { CALENDAR_ACTION } from "../../../../cards/calendar.ts";
import { librarySchedule } from "../../../domain/working-days.ts";
import { defineAction } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { mustKeep } from "../access.ts";
import { yearRef } from "../forms.ts";
import { dayLines, editableYear, yearCard } from "../view.ts";

/** The library's schedule of a year, checked against the State Council's notice, becomes the official one as it is. */
export const calendarConfirm = defineAction({
  id: CALENDAR_ACTION.confirm,
  value: yearRef,
  async run(ctx, { value }) {
    const org = await mustKeep(ctx);
    const year = value.y;
    const s = await ctx.store.calendar.yearSchedule(year);
    if (s.source === "OFFICIAL") return { toast: { type: "info", text: { zh: `${year} 年已是正式安排。`, en: `${year} is already official.` } }, card: await yearCard(ctx, year) };
    if (s.source === null && !librarySchedule(year)) {
      throw new UserError("calendar_nothing_to_confirm", { zh: `${year} 年还没有可确认的安排，请逐项录入或用「节假日导入 ${year}」导入。`, en: `There is no ${year} schedule to confirm; enter or import it.` });
    }
    const days = await editableYear(ctx, year);
    await ctx.store.calendar.markOfficial(year, ctx.actor.personId, ctx.clock.now());
    await ctx.audit({ action: "calendar.confirm", subjectType: "CalendarYear", subjectId: year, orgId: org.id, changes: { source: ["LIBRARY", "OFFICIAL"], days: dayLines(days) } });
    const text = { zh: `已确认 ${year} 年节假日安排为正式安排。`, en: `The ${year} schedule is confirmed as official.` };
    return { toast: { type: "success", text }, card: await yearCard(ctx, year, { zh: `✅ ${text.zh}`, en: `✅ ${text.en}` }) };
  },
});
