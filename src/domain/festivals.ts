// The festivals at which members are visited (走访慰问). Solar festivals are fixed days; lunar
// ones (春节, 中秋, 重阳 and any lunar day a branch adds) are converted for each year with
// lunar-javascript, never written down per year. Pure: no clock, no I/O.
import { Lunar, LunarMonth } from "lunar-javascript";
import { daysBetween } from "./calendar-day.ts";
import type { Text } from "./text.ts";

/**
 * Who a festival is for. CORE: 老党员, 老干部, 老模范 and members in the hardship archive;
 * ELDERLY: members at or above the elderly age (重阳); VETERAN: members tagged 退役军人 (八一).
 */
export const AUDIENCES = ["CORE", "ELDERLY", "VETERAN"] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface FestivalDef {
  code: string;
  name: Text;
  calendar: "SOLAR" | "LUNAR";
  month: number;
  day: number;
  audience: readonly Audience[];
}

export const BUILTIN_FESTIVALS = {
  SPRING_FESTIVAL: { code: "SPRING_FESTIVAL", name: { zh: "春节", en: "Spring Festival" }, calendar: "LUNAR", month: 1, day: 1, audience: ["CORE"] },
  JULY_FIRST: { code: "JULY_FIRST", name: { zh: "七一", en: "Party Founding Day (1 July)" }, calendar: "SOLAR", month: 7, day: 1, audience: ["CORE"] },
  MID_AUTUMN: { code: "MID_AUTUMN", name: { zh: "中秋", en: "Mid-Autumn Festival" }, calendar: "LUNAR", month: 8, day: 15, audience: ["CORE"] },
  DOUBLE_NINTH: { code: "DOUBLE_NINTH", name: { zh: "重阳", en: "Double Ninth Festival" }, calendar: "LUNAR", month: 9, day: 9, audience: ["CORE", "ELDERLY"] },
  ARMY_DAY: { code: "ARMY_DAY", name: { zh: "八一", en: "Army Day (1 August)" }, calendar: "SOLAR", month: 8, day: 1, audience: ["VETERAN"] },
} as const satisfies Record<string, FestivalDef>;

export type BuiltinFestival = keyof typeof BUILTIN_FESTIVALS;
export const BUILTIN_CODES = Object.keys(BUILTIN_FESTIVALS) as BuiltinFestival[];

/** What a branch visits at unless its settings say otherwise (八一 is opt-in). */
export const DEFAULT_FESTIVALS: readonly BuiltinFestival[] = ["SPRING_FESTIVAL", "JULY_FIRST", "MID_AUTUMN", "DOUBLE_NINTH"];
export const DEFAULT_LEAD_DAYS = 14;

function lunarToSolar(lunarYear: number, month: number, day: number): string | null {
  const m = LunarMonth.fromYm(lunarYear, month);
  if (!m) return null;
  // A lunar month has 29 or 30 days; a branch's "30th" falls on the 29th in a short month.
  const d = Math.min(day, m.getDayCount());
  return Lunar.fromYmd(lunarYear, month, d).getSolar().toYmd();
}

/**
 * The Gregorian date of the festival in Gregorian year `year`, "YYYY-MM-DD"; null when the
 * festival does not fall in that year (possible only for lunar days late in the 12th month)
 * or a solar date does not exist in it (29 February).
 */
export function festivalDate(def: Pick<FestivalDef, "calendar" | "month" | "day">, year: number): string | null {
  if (def.calendar === "SOLAR") {
    const t = new Date(Date.UTC(year, def.month - 1, def.day));
    return t.getUTCMonth() === def.month - 1 ? t.toISOString().slice(0, 10) : null;
  }
  // A lunar year starts in late January or February, so the lunar date may belong to the
  // lunar year before (12th month, in January) or the same one.
  for (const ly of [year - 1, year]) {
    const s = lunarToSolar(ly, def.month, def.day);
    if (s && s.startsWith(`${year}-`)) return s;
  }
  return null;
}

export interface Occurrence {
  def: FestivalDef;
  /** The Gregorian year of `date`: with the code, what makes a visit task unique. */
  year: number;
  date: string;
}

/**
 * The festival occurrences whose planning window contains `today`: from `leadDays` before the
 * festival up to the festival day itself, so a planner that missed the first day of the window
 * (a restart, an outage) still plans on the next run.
 */
export function occurrencesToPlan(defs: readonly FestivalDef[], today: string, leadDays: number): Occurrence[] {
  const year = Number(today.slice(0, 4));
  const out: Occurrence[] = [];
  for (const def of defs) {
    for (const y of [year, year + 1]) {
      const date = festivalDate(def, y);
      if (!date) continue;
      const until = daysBetween(today, date);
      if (until >= 0 && until <= leadDays) out.push({ def, year: y, date });
    }
  }
  return out;
}

/** The next occurrence on or after `today` (for showing "中秋 2027-09-15" before planning starts). */
export function nextOccurrence(def: FestivalDef, today: string): Occurrence | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1, year + 2]) {
    const date = festivalDate(def, y);
    if (date && date >= today) return { def, year: y, date };
  }
  return null;
}
