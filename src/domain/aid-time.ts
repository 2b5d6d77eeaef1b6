// Calendar facts for the aid flow in the branch's timezone (Asia/Shanghai by default): which
// year a request belongs to, the instants a year starts and ends, dates as people write them.
// Pure: instants in, strings out; the clock is the caller's.

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    partsCache.set(tz, f);
  }
  return f;
}

type Parts = Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;

function slowParts(d: Date, tz: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(d)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out as Parts;
}

// formatToParts is slow and cards format many instants. Zone offsets are whole quarter hours
// and change on a quarter hour of UTC (DST, history), so the offset is looked up once per zone
// and quarter hour and applied with arithmetic.
const offsets = new Map<string, number>();
const QUARTER_HOUR = 900_000;

function parts(d: Date, tz: string): Parts {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return slowParts(d, tz);
  const key = `${tz}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const p = slowParts(new Date(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR), tz);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  const l = new Date(ms + offset);
  return { year: l.getUTCFullYear(), month: l.getUTCMonth() + 1, day: l.getUTCDate(), hour: l.getUTCHours(), minute: l.getUTCMinutes(), second: l.getUTCSeconds() };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "2026-03-05" in tz. */
export function localDate(d: Date, tz: string): string {
  const p = parts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-03-05 14:07" in tz. */
export function localDateTime(d: Date, tz: string): string {
  const p = parts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

export function localYear(d: Date, tz: string): number {
  return parts(d, tz).year;
}

/** The instant local midnight of y-m-d happens in tz. */
export function zonedMidnight(y: number, m: number, d: number, tz: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  // The offset at the guess, applied once and checked once (enough for whole-hour zones and DST edges at 00:00).
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(t), tz);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    t = guess - (asUtc - t);
  }
  return new Date(t);
}

/** [start, end) of a calendar year in tz. */
export function yearBounds(year: number, tz: string): { start: Date; end: Date } {
  return { start: zonedMidnight(year, 1, 1, tz), end: zonedMidnight(year + 1, 1, 1, tz) };
}

/** "YYYY-MM-DD" -> a Date at UTC midnight, the way Prisma reads and writes @db.Date columns. */
export function dateOnly(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

/** A @db.Date column value back to "YYYY-MM-DD". */
export function dateOnlyText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months to "YYYY-MM-DD", clamping to the month's last day (01-31 + 1 month = 02-28). */
export function addMonths(s: string, months: number): string {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

/** A real calendar date: "2026-03-05" (Lark's date picker answers "2026-03-05 +0800"; people type 2026/3/5). */
export function parseDate(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
