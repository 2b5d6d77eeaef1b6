// Quarters (季度) for the branch analysis: "2027Q1" is 2027-01-01 … 2027-03-31.
import { addDays, type Day } from "./calendar-day.ts";

export interface Quarter {
  label: string;
  year: number;
  q: 1 | 2 | 3 | 4;
  start: Day;
  end: Day;
}

export function quarter(year: number, q: number): Quarter {
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || ![1, 2, 3, 4].includes(q)) throw new RangeError(`no quarter ${year}Q${q}`);
  const startMonth = (q - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, "0")}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, "0")}-01`;
  return { label: `${year}Q${q}`, year, q: q as Quarter["q"], start, end: addDays(next, -1) };
}

/** "2027Q1", "2027q1", "2027-Q1"; null when it is not a quarter. */
export function parseQuarter(s: string): Quarter | null {
  const m = /^(\d{4})-?[Qq]([1-4])$/.exec(s.trim());
  return m ? quarter(Number(m[1]), Number(m[2])) : null;
}

export function quarterOf(day: Day): Quarter {
  return quarter(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);
}

export function previousQuarter(q: Quarter): Quarter {
  return q.q === 1 ? quarter(q.year - 1, 4) : quarter(q.year, q.q - 1);
}

/** "2027年第一季度" / "2027 Q1". */
export function quarterName(q: Quarter): { zh: string; en: string } {
  return { zh: `${q.year}年第${"一二三四"[q.q - 1]}季度`, en: `${q.year} Q${q.q}` };
}
