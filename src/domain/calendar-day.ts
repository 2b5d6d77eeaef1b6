// Calendar days as "YYYY-MM-DD" strings. Care rules speak in days (a talk is due on a day, a
// review is due on a day, a visit is made by a festival). A day only means something in a
// timezone: zoned-time.ts turns an instant into the day it is in Asia/Shanghai (or whichever
// zone is configured). Arithmetic on days is done at UTC midnight, where no daylight-saving
// shift can move it. Pure.
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  return dateToDay(dayToDate(s)) === s;
}

/** How PostgreSQL `date` columns arrive through Prisma: UTC midnight of the day. */
export function dayToDate(day: Day): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function dateToDay(d: Date): Day {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return dateToDay(new Date(dayToDate(day).getTime() + n * MS_PER_DAY));
}

/** Month arithmetic as PostgreSQL does it (`date + interval 'n months'`): 01-31 + 1 month = 02-28, 03-31 - 1 month = 02-28. */
export function addMonths(day: Day, n: number): Day {
  const d = dayToDate(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dateToDay(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/** The same day n years earlier; 29 February becomes 28 February in a common year. */
export function minusYears(day: Day, years: number): Day {
  return addMonths(day, -12 * years);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return dayToDate(day).getUTCDay();
}

/** "2027-09" */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

export function dayOfMonth(day: Day): number {
  return Number(day.slice(8, 10));
}

/**
 * A real calendar date as a person types it (2026-03-05, 2026/3/5, 2026年3月5日) or Lark's date
 * picker sends it ("2026-03-05 +0800"); null for anything else, including 2026-02-30.
 */
export function parseDay(raw: string): Day | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
