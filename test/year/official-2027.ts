// The 2027 schedule of days off and make-up working days that the top organisation enters in
// the simulated year, as the State Council's notice would give it (a made-up arrangement: the
// library the bot ships with does not know 2027). It is also the test's own yardstick for "no
// push on a day off", kept apart from the bot's code so the check does not grade itself.
import { addDays, type Day, weekday } from "../../src/domain/calendar-day.ts";

/** Each run of days: [first, last, 休 | 班, holiday]. */
const RUNS: [Day, Day, "休" | "班", string][] = [
  ["2027-01-01", "2027-01-03", "休", "元旦"],
  // 春节: the weekdays 02-09..02-12, which the statutory fallback counts as working, are off here.
  ["2027-02-05", "2027-02-13", "休", "春节"],
  ["2027-02-14", "2027-02-14", "班", "春节"],
  ["2027-02-20", "2027-02-20", "班", "春节"],
  ["2027-04-03", "2027-04-05", "休", "清明节"],
  ["2027-04-25", "2027-04-25", "班", "劳动节"],
  ["2027-05-01", "2027-05-05", "休", "劳动节"],
  ["2027-05-08", "2027-05-08", "班", "劳动节"],
  ["2027-06-09", "2027-06-09", "休", "端午节"],
  ["2027-09-15", "2027-09-15", "休", "中秋节"],
  ["2027-09-26", "2027-09-26", "班", "国庆节"],
  ["2027-10-01", "2027-10-07", "休", "国庆节"],
  ["2027-10-09", "2027-10-09", "班", "国庆节"],
];

/** The notice as "date, 休/班, name" lines, one day a line (what the calendar import reads). */
export const OFFICIAL_2027_LINES: readonly string[] = RUNS.flatMap(([from, to, kind, name]) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(`${d},${kind},${name}`);
  return out;
});

const marked = new Map<Day, "休" | "班">(OFFICIAL_2027_LINES.map((l) => l.split(",") as [Day, "休" | "班"]).map(([d, k]) => [d, k]));

/**
 * A day off in the simulated year: a day the notice marks 休, or a weekend day it does not mark
 * 班. December 2026 has no holiday (the library's 2026, which the bot seeds, agrees).
 */
export function isDayOff(day: Day): boolean {
  const k = marked.get(day);
  if (k) return k === "休";
  const wd = weekday(day);
  return wd === 0 || wd === 6;
}
