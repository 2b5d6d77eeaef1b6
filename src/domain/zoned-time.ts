// Instants seen in a timezone (Asia/Shanghai unless configured): the calendar day an instant
// falls on, the local time of day, the instant a day or a year begins. Pure: the clock and the
// zone are the caller's. Calendar-day arithmetic on the resulting "YYYY-MM-DD" strings lives
// in calendar-day.ts.
import type { Day } from "./calendar-day.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formatters.set(tz, f);
  }
  return f;
}

type Parts = Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;

function slowParts(d: Date, tz: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(d)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out as Parts;
}

// formatToParts is slow, and sweeps and cards convert tens of thousands of instants. Zone
// offsets are whole quarter hours and change on a quarter hour of UTC (DST, history), so the
// offset is looked up once per zone and quarter hour and applied with arithmetic.
const offsets = new Map<string, number>();
const QUARTER_HOUR = 900_000;

function parts(d: Date, tz: string): Parts {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return slowParts(d, tz);
  const quarter = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${tz}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const p = slowParts(new Date(quarter), tz);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - quarter;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  const l = new Date(ms + offset);
  return { year: l.getUTCFullYear(), month: l.getUTCMonth() + 1, day: l.getUTCDate(), hour: l.getUTCHours(), minute: l.getUTCMinutes(), second: l.getUTCSeconds() };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The day `at` falls on in tz: "2026-03-05". */
export function dayIn(at: Date, tz: string): Day {
  const p = parts(at, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-03-05 14:07" in tz. */
export function localDateTime(at: Date, tz: string): string {
  const p = parts(at, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function localYear(at: Date, tz: string): number {
  return parts(at, tz).year;
}

/** Minutes since local midnight in tz (0..1439). */
export function minuteOfDayIn(at: Date, tz: string): number {
  const p = parts(at, tz);
  return p.hour * 60 + p.minute;
}

/** The instant local midnight of y-m-d happens in tz. */
function zonedMidnight(y: number, m: number, d: number, tz: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  // The offset at the guess, applied once and checked once (enough for DST edges at 00:00).
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(t), tz);
    t = guess - (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t);
  }
  return new Date(t);
}

/** The instant `day` begins in tz (for comparing with timestamps). */
export function startOfDayIn(day: Day, tz: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return zonedMidnight(y, m, d, tz);
}

/** [start, end) of a calendar year in tz. */
export function yearBounds(year: number, tz: string): { start: Date; end: Date } {
  return { start: zonedMidnight(year, 1, 1, tz), end: zonedMidnight(year + 1, 1, 1, tz) };
}
