import { readYear } from "../../../domain/holiday-schedule.ts";
import { type Command, todayOf } from "../../context.ts";
import { must } from "../../errors.ts";
import { CALENDAR_ROLES, mustRead } from "../access.ts";
import { defaultYear, yearCard } from "../view.ts";

/**
 * 节假日安排 [年份]: the year's days off and make-up working days; for the top organisation's
 * secretary or affairs worker, with the form to enter or correct a holiday.
 */
export const holidaySchedule: Command = {
  name: "节假日安排",
  aliases: ["节假日", "放假安排", "holidays"],
  summary: { zh: "查看或录入全年放假和调休安排（节假日安排 2027）", en: "see or enter the year's holiday schedule (holidays 2027)" },
  roles: CALENDAR_ROLES,
  instead: { ask: "SECRETARY" },
  async run(ctx) {
    mustRead(ctx);
    const today = todayOf(ctx);
    const year = ctx.args.trim() ? must(readYear(ctx.args, today)) : defaultYear(today);
    ctx.reply({ card: await yearCard(ctx, year) });
  },
};
