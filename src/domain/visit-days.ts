// Calendar-day arithmetic for visits, pairing and mobile-member contact, on "YYYY-MM-DD"
// strings in the branch's timezone. Pure: the clock and the timezone are the caller's.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2027-09-01": the calendar day an instant falls on in tz. */
export function localYmd(at: Date, tz: string): string {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(tz, f);
  }
  return f.format(at);
}

const pad = (n: number) => String(n).padStart(2, "0");

function parts(ymd: string): [number, number, number] {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

export function ymdOf(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function addDays(ymd: string, days: number): string {
  const [y, m, d] = parts(ymd);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymdOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** b - a in whole days. */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** Adds calendar months, clamping to the month's last day (03-31 - 1 month = 02-28). */
export function addMonths(ymd: string, months: number): string {
  const [y, m, d] = parts(ymd);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return ymdOf(ny, nm, Math.min(d, last));
}

/** The same day n years earlier; 29 February becomes 28 February in a common year. */
export function minusYears(ymd: string, years: number): string {
  return addMonths(ymd, -12 * years);
}

/** "2027-09" */
export function monthOf(ymd: string): string {
  return ymd.slice(0, 7);
}

export function dayOfMonth(ymd: string): number {
  return parts(ymd)[2];
}

/** A @db.Date value as Prisma hands it over (UTC midnight) <-> "YYYY-MM-DD". */
export function dateToYmd(d: Date): string {
  return d.toISOString().slice(0, 10);
}
export function ymdToDate(ymd: string): Date {
  return new Date(`${ymd}T00:00:00Z`);
}

/** A real calendar date typed by a person or sent by Lark's date picker ("2027-09-10 +0800"). */
export function parseYmd(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return ymdOf(y, mo, d);
}
