// Working days in mainland China: weekends and public holidays are rest days, and some
// weekends are made working days in exchange (调休). The State Council publishes each year's
// arrangement in November or December. The bot's calendar is the one in the database
// (CalendarDay, CalendarYear: src/store/calendar.ts loads it once per task run), which the top
// organisation enters from the notice; `chinese-days` seeds the years it knows (update the
// package each winter). For a year neither knows yet, we fall back to the statutory holidays
// of the 全国年节及纪念日放假办法 (computed, lunar ones included) plus every weekend: no push
// lands on a statutory holiday, at worst one lands a day late because a make-up Saturday was
// not known. Pure: the rows are the caller's.
import chineseDays from "chinese-days";
import { addDays, type Day, dayToDate, weekday } from "./calendar-day.ts";

export type DayKind = "HOLIDAY" | "WORKDAY";

/** A day that differs from "Monday to Friday work": a day off on a weekday, a make-up weekend day (or a named weekend day inside a break). */
export interface ScheduleDay {
  day: Day;
  kind: DayKind;
  /** The holiday's name (春节); null when the notice's line gave none. */
  name: string | null;
}

/** Where a year's schedule comes from: entered from the notice, seeded from the library, or (no row) the built-in fallback. */
export type YearSource = "OFFICIAL" | "LIBRARY" | "BUILT_IN";

/** The calendar a task run decides by: built once from the database, asked for every member. */
export interface WorkingDays {
  isWorkingDay(day: Day): boolean;
  /** `day` itself when it is a working day, else the next one. */
  workingDayOnOrAfter(day: Day): Day;
  sourceOf(year: number): YearSource;
}

/** The library works in the process's local time; hand it local midnight of the day. */
function local(day: Day): Date {
  const d = dayToDate(day);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

const isWeekend = (day: Day) => {
  const wd = weekday(day);
  return wd === 0 || wd === 6;
};

const coverage = new Map<number, boolean>();
/** True when the holiday library has the official arrangement for the year. */
export function calendarCovers(year: number): boolean {
  let known = coverage.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(local(`${year}-01-01`), local(`${year}-12-31`), false).length > 0;
    coverage.set(year, known);
  }
  return known;
}

const statutory = new Map<number, Set<Day>>();
/** Days off by law in a year (2025 rules: 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3). */
export function statutoryHolidays(year: number): Set<Day> {
  let days = statutory.get(year);
  if (days) return days;
  const lunar = (md: string): Day => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
  const springFestival = lunar("01-01");
  days = new Set<Day>([
    `${year}-01-01`,
    addDays(springFestival, -1),
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2),
    chineseDays.getSolarTermDate(year, 4, "pure_brightness"),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar("05-05"),
    lunar("08-15"),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ]);
  statutory.set(year, days);
  return days;
}

/** The library's (or, for a year it does not know, the statutory fallback's) answer, with no database. */
function builtInWorkingDay(day: Day): boolean {
  const year = Number(day.slice(0, 4));
  if (calendarCovers(year)) return chineseDays.isWorkday(local(day));
  return !isWeekend(day) && !statutoryHolidays(year).has(day);
}

/** The library's name of a holiday ("Spring Festival,春节,4" → 春节). */
function libraryName(day: Day): string | null {
  const name = chineseDays.getDayDetail(local(day)).name.split(",")[1];
  return name && name.trim() ? name.trim() : null;
}

/**
 * The library's schedule of a year as rows to seed (its days off, weekends inside a break
 * included so the break reads whole, and its make-up weekend days); null for a year it does
 * not know.
 */
export function librarySchedule(year: number): ScheduleDay[] | null {
  if (!calendarCovers(year)) return null;
  const off = chineseDays.getHolidaysInRange(local(`${year}-01-01`), local(`${year}-12-31`), false);
  const out: ScheduleDay[] = off.map((day) => ({ day, kind: "HOLIDAY", name: libraryName(day) }));
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    if (isWeekend(d) && chineseDays.isWorkday(local(d))) out.push({ day: d, kind: "WORKDAY", name: libraryName(d) });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : 1));
}

/**
 * The calendar from the database's rows: a year with a CalendarYear row is decided by its rows
 * alone (a HOLIDAY is off, a WORKDAY is worked, otherwise Monday to Friday); a year without one
 * by the library or the statutory fallback, so an empty table behaves as the bot always did.
 */
export function workingDaysFrom(years: readonly { year: number; source: "OFFICIAL" | "LIBRARY" }[], days: readonly Pick<ScheduleDay, "day" | "kind">[]): WorkingDays {
  const sources = new Map(years.map((y) => [y.year, y.source]));
  const kinds = new Map(days.map((d) => [d.day, d.kind]));
  const isWorkingDay = (day: Day): boolean => {
    if (!sources.has(Number(day.slice(0, 4)))) return builtInWorkingDay(day);
    const kind = kinds.get(day);
    if (kind) return kind === "WORKDAY";
    return !isWeekend(day);
  };
  return {
    isWorkingDay,
    workingDayOnOrAfter(day) {
      let d = day;
      // The longest run of rest days in any calendar is the nine-day Spring Festival break.
      for (let i = 0; i < 30 && !isWorkingDay(d); i++) d = addDays(d, 1);
      return d;
    },
    sourceOf: (year) => sources.get(year) ?? "BUILT_IN",
  };
}

/**
 * The days a working day's run speaks for: `today` and the rest days just before it. A rule that
 * fires on particular days (a reminder every n days) asks each of them, so what would have
 * gone on a holiday goes on the first working day after it instead of never.
 */
export function daysSinceLastWorkingDay(calendar: WorkingDays, today: Day): Day[] {
  const out = [today];
  // The longest run of rest days is the nine-day Spring Festival break.
  for (let d = addDays(today, -1), i = 0; i < 30 && !calendar.isWorkingDay(d); d = addDays(d, -1), i++) out.push(d);
  return out;
}

/** The calendar with no database rows: the library, else the statutory fallback (seeding, tests, scripts). */
export const builtInWorkingDays: WorkingDays = workingDaysFrom([], []);

/** The built-in answer; scheduled pushes ask the database calendar (store/calendar.ts) instead. */
export function isWorkingDay(day: Day): boolean {
  return builtInWorkingDays.isWorkingDay(day);
}

/** The built-in answer; scheduled pushes ask the database calendar (store/calendar.ts) instead. */
export function workingDayOnOrAfter(day: Day): Day {
  return builtInWorkingDays.workingDayOnOrAfter(day);
}

/** Night hours as minutes since midnight; the span may cross midnight (21:00 → 08:00). */
export interface NightHours {
  startMinute: number;
  endMinute: number;
}

export function isNight(minuteOfDay: number, night: NightHours): boolean {
  const { startMinute: s, endMinute: e } = night;
  if (s === e) return false;
  return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
}
