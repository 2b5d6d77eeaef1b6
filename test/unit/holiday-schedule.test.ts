// The official schedule as operators enter it, and the calendar the bot decides by.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/calendar-day.ts";
import { groupSchedule, groupWords, parseSchedule, readYear, scheduleEntries, scheduleProblemsText, withHoliday } from "../../src/domain/holiday-schedule.ts";
import { builtInWorkingDays, daysSinceLastWorkingDay, librarySchedule, workingDaysFrom, type ScheduleDay } from "../../src/domain/working-days.ts";

describe("reading the schedule's lines", () => {
  it("reads a file's lines and a chat message whose lines Lark joined with spaces alike", () => {
    const file = "日期,类型,名称\n2027-02-05,休,春节\n# 备注\n\n2027-02-14,班,春节\n";
    const chat = "2027-02-05 休 春节 2027-02-14 班 春节";
    expect(scheduleEntries(file)).toEqual([["2027-02-05", "休", "春节"], ["2027-02-14", "班", "春节"]]);
    expect(scheduleEntries(chat)).toEqual(scheduleEntries(file));
  });

  it("turns spans and words into days", () => {
    const r = parseSchedule(scheduleEntries("2027-02-05至2027-02-07 休 春节 2027/2/20 上班 春节 2027-10-01 放假"), 2027);
    expect(r).toEqual({
      ok: true,
      days: [
        { day: "2027-02-05", kind: "HOLIDAY", name: "春节" },
        { day: "2027-02-06", kind: "HOLIDAY", name: "春节" },
        { day: "2027-02-07", kind: "HOLIDAY", name: "春节" },
        { day: "2027-02-20", kind: "WORKDAY", name: "春节" },
        { day: "2027-10-01", kind: "HOLIDAY", name: null },
      ],
    });
  });

  it("names every bad line and what to fix, and keeps nothing", () => {
    const r = parseSchedule(scheduleEntries("2027-02-30 休 春节\n2027-02-05 放 春节\n2026-12-31 休 元旦\n2027-02-10 班 春节\n2027-02-06\n2027-02-07 休\n2027-02-07 班 春节"), 2027);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.why.zh])).toEqual([
      [1, "「2027-02-30」不是有效日期（请写成 2027-02-05 这样的日期）"],
      [2, "「放」不是「休」或「班」"],
      [3, "2026-12-31 不在 2027 年内（这次录入的是 2027 年的安排）"],
      [4, "2027-02-10 本来就是工作日：调休上班日应是周六或周日"],
      [5, "缺少「休」或「班」"],
      [7, "2027-02-07 在前面已写为「休」，同一天不能既休又班"],
    ]);
    const text = scheduleProblemsText(2027, r.problems);
    expect(text.zh).toContain("第 1 行「2027-02-30 休 春节」");
    expect(text.zh).toContain("以下 6 行需要修改");
  });

  it("refuses an empty list", () => {
    expect(parseSchedule([], 2027).ok).toBe(false);
  });

  it("reads a year within reach", () => {
    expect(readYear("2027", "2026-12-03")).toEqual({ ok: true, value: 2027 });
    expect(readYear("2027年", "2026-12-03")).toEqual({ ok: true, value: 2027 });
    expect(readYear("明年", "2026-12-03").ok).toBe(false);
    expect(readYear("2035", "2026-12-03").ok).toBe(false);
  });
});

describe("entering a holiday on the form", () => {
  const base: ScheduleDay[] = [{ day: "2027-01-01", kind: "HOLIDAY", name: "元旦" }];

  it("adds its days off and make-up days, and replaces a holiday of the same name", () => {
    const first = withHoliday(base, { name: "春节", from: "2027-02-05 +0800", to: "2027-02-07 +0800", makeUp: ["2027-02-20 +0800", undefined] }, 2027);
    expect(first.ok && first.value.days.map((d) => `${d.day}${d.kind[0]}`)).toEqual(["2027-01-01H", "2027-02-05H", "2027-02-06H", "2027-02-07H", "2027-02-20W"]);
    if (!first.ok) return;
    const again = withHoliday(first.value.days, { name: "春节", from: "2027-02-06", to: "2027-02-06", makeUp: [] }, 2027);
    expect(again.ok && again.value.days.map((d) => d.day)).toEqual(["2027-01-01", "2027-02-06"]);
  });

  it("refuses what cannot be right", () => {
    const code = (input: Parameters<typeof withHoliday>[1]) => {
      const r = withHoliday(base, input, 2027);
      return r.ok ? "ok" : r.problem.code;
    };
    expect(code({ name: "", from: "2027-02-05", to: "2027-02-07", makeUp: [] })).toBe("calendar_name_missing");
    expect(code({ name: "春节", from: undefined, to: "2027-02-07", makeUp: [] })).toBe("calendar_from_missing");
    expect(code({ name: "春节", from: "2027-02-07", to: "2027-02-05", makeUp: [] })).toBe("calendar_to_before_from");
    expect(code({ name: "春节", from: "2028-02-05", to: "2028-02-07", makeUp: [] })).toBe("calendar_wrong_year");
    expect(code({ name: "春节", from: "2027-02-05", to: "2027-02-07", makeUp: ["2027-02-10"] })).toBe("calendar_makeup_weekday");
    expect(code({ name: "春节", from: "2027-02-05", to: "2027-02-07", makeUp: ["2027-02-06"] })).toBe("calendar_makeup_inside");
    expect(code({ name: "新年", from: "2027-01-01", to: "2027-01-02", makeUp: [] })).toBe("calendar_overlap");
  });

  it("groups the year for the card", () => {
    const days: ScheduleDay[] = [
      { day: "2027-01-31", kind: "WORKDAY", name: "春节" },
      { day: "2027-02-05", kind: "HOLIDAY", name: "春节" },
      { day: "2027-02-06", kind: "HOLIDAY", name: "春节" },
      { day: "2027-01-01", kind: "HOLIDAY", name: "元旦" },
    ];
    const groups = groupSchedule(days);
    expect(groups.map((g) => g.name)).toEqual(["元旦", "春节"]);
    expect(groupWords(groups[1]!, "2026-12-03").zh).toBe("**春节**：2027年2月5日至6日放假；2027年1月31日调休上班");
  });
});

describe("the calendar from the database's rows", () => {
  it("decides an entered year by its rows alone: days off on weekdays, a make-up Sunday worked", () => {
    const cal = workingDaysFrom([{ year: 2027, source: "OFFICIAL" }], [
      { day: "2027-02-09", kind: "HOLIDAY" },
      { day: "2027-02-14", kind: "WORKDAY" },
    ]);
    expect(cal.isWorkingDay("2027-02-09")).toBe(false); // a Tuesday off
    expect(builtInWorkingDays.isWorkingDay("2027-02-09")).toBe(true); // the fallback did not know
    expect(cal.isWorkingDay("2027-02-14")).toBe(true); // a Sunday worked
    expect(cal.isWorkingDay("2027-02-13")).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay("2027-10-01")).toBe(true); // not entered: an entered year has only its rows
    expect(cal.sourceOf(2027)).toBe("OFFICIAL");
    expect(cal.sourceOf(2028)).toBe("BUILT_IN");
    expect(cal.workingDayOnOrAfter("2027-02-13")).toBe("2027-02-14");
    expect(daysSinceLastWorkingDay(cal, "2027-02-10")).toEqual(["2027-02-10", "2027-02-09"]);
  });

  it("seeds exactly what the library says, day for day", () => {
    for (const year of [2025, 2026]) {
      const cal = workingDaysFrom([{ year, source: "LIBRARY" }], librarySchedule(year)!);
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) expect(cal.isWorkingDay(d), d).toBe(builtInWorkingDays.isWorkingDay(d));
    }
    expect(librarySchedule(2027)).toBeNull();
  });
});
