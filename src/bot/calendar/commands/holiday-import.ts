import { parseSchedule, readYear, scheduleEntries, scheduleProblemsText } from "../../../domain/holiday-schedule.ts";
import { type Command, todayOf } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { CALENDAR_ROLES, mustKeep } from "../access.ts";
import { dayLines, editableYear, yearCard } from "../view.ts";

const usage = new UserError("calendar_import_usage", {
  zh: "请在「节假日导入」后写年份，再逐行写每一天或每一段，例如：\n节假日导入 2027\n2027-02-05至2027-02-11 休 春节\n2027-02-20 班 春节\n（休 = 放假，班 = 调休上班）",
  en: "Write the year after 节假日导入, then one day or span per line, e.g. \"2027-02-05 休 春节\" (休 = day off, 班 = make-up working day).",
});

/**
 * 节假日导入 <年份> then lines "日期 休|班 [名称]": the whole year's official schedule at once,
 * replacing what was entered before. One bad line and nothing changes; the answer lists them all.
 */
export const holidayImport: Command = {
  name: "节假日导入",
  aliases: ["导入节假日", "import holidays"],
  summary: { zh: "粘贴全年放假和调休安排（节假日导入 2027，后面每行：2027-02-05 休 春节）", en: "paste the year's holiday schedule (import holidays 2027, then lines)" },
  roles: CALENDAR_ROLES,
  instead: { ask: "SECRETARY" },
  async run(ctx) {
    const org = await mustKeep(ctx);
    const today = todayOf(ctx);
    const args = ctx.args.trim();
    const first = args.split(/\s+/)[0];
    if (!first) throw usage;
    // The year may be left out when the text starts with a date: that date's year is meant.
    const startsWithDate = /^\d{4}[-/.年]\d/.test(first);
    const year = must(readYear(startsWithDate ? first.slice(0, 4) : first, today));
    const body = startsWithDate ? args : args.slice(first.length);
    if (!body.trim()) throw usage;
    const parsed = parseSchedule(scheduleEntries(body), year);
    if (!parsed.ok) throw new UserError("calendar_import_bad", scheduleProblemsText(year, parsed.problems));

    await editableYear(ctx, year);
    const before = await ctx.store.calendar.replaceYear({ year, days: parsed.days, byId: ctx.actor.personId, at: ctx.clock.now() });
    await ctx.audit({ action: "calendar.import", subjectType: "CalendarYear", subjectId: year, orgId: org.id, changes: { before: dayLines(before), after: dayLines(parsed.days) } });
    const off = parsed.days.filter((d) => d.kind === "HOLIDAY").length;
    const on = parsed.days.length - off;
    ctx.reply({
      card: await yearCard(ctx, year, {
        zh: `✅ 已导入 ${year} 年节假日安排：${off} 个放假日、${on} 个调休上班日，此前录入的 ${year} 年安排已被替换。`,
        en: `✅ The ${year} schedule is imported: ${off} days off, ${on} make-up working days; what was entered for ${year} before is replaced.`,
      }),
    });
  },
};
