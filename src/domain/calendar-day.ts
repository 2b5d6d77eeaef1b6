// Calendar days as "YYYY-MM-DD" strings. Care rules speak in days (a talk is due on a day, a
// review is due on a day), and a day only means something in a timezone: `dayIn` turns an
// instant into the day it is in Asia/Shanghai (or whichever zone is configured). Arithmetic on
// days is done at UTC midnight, where no daylight-saving shift can move it.
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, f);
  }
  return f;
}

function parts(now: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of format(timeZone).formatToParts(now)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  return dateToDay(dayToDate(s)) === s;
}

/** The day `now` falls on in the zone. */
export function dayIn(now: Date, timeZone: string): Day {
  const p = parts(now, timeZone);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}`;
}

/** Minutes since local midnight in the zone (0..1439). */
export function minuteOfDayIn(now: Date, timeZone: string): number {
  const p = parts(now, timeZone);
  return p.hour! * 60 + p.minute!;
}

/** The instant local midnight of `day` begins in the zone (for comparing with timestamps). */
export function startOfDayIn(day: Day, timeZone: string): Date {
  const utcMidnight = dayToDate(day).getTime();
  // The zone's offset at that moment; a second pass settles days where the offset changes.
  let guess = utcMidnight;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
    guess = utcMidnight - (asUtc - guess);
  }
  return new Date(guess);
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

/** Month arithmetic as PostgreSQL does it (`date + interval 'n months'`): 01-31 + 1 month = 02-28. */
export function addMonths(day: Day, n: number): Day {
  const d = dayToDate(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dateToDay(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return dayToDate(day).getUTCDay();
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "11月27日" / "Nov 27", for cards (no Intl: a digest sweep formats tens of thousands). */
export function shortDay(day: Day): { zh: string; en: string } {
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  return { zh: `${month}月${date}日`, en: `${MONTHS[month - 1]} ${date}` };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
