// Working days in mainland China: weekends and public holidays are rest days, and some
// weekends are made working days in exchange (调休). The State Council publishes each year's
// arrangement in November or December; `chinese-days` carries it (update the package each
// winter). For a year it does not know yet, we fall back to the statutory holidays of the
// 全国年节及纪念日放假办法 (computed, lunar ones included) plus every weekend: no push lands on a
// holiday, at worst one lands a day late because a make-up Saturday was not known.
import chineseDays from "chinese-days";
import { addDays, type Day, dayToDate, weekday } from "./calendar-day.ts";

/** The library works in the process's local time; hand it local midnight of the day. */
function local(day: Day): Date {
  const d = dayToDate(day);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

const coverage = new Map<number, boolean>();
/** True when the holiday calendar has the official arrangement for the year. */
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

export function isWorkingDay(day: Day): boolean {
  const year = Number(day.slice(0, 4));
  if (calendarCovers(year)) return chineseDays.isWorkday(local(day));
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && !statutoryHolidays(year).has(day);
}

/** `day` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(day: Day): Day {
  let d = day;
  // The longest run of rest days in the calendar is the nine-day Spring Festival break.
  for (let i = 0; i < 30 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
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
