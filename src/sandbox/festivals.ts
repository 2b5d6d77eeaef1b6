// The festivals the clock panel can jump to, and when each next falls after a given instant,
// in Beijing time, in date order: the first is the next festival, which the page offers first.
// Dates come from the visit rules' own calendar (src/domain/festivals.ts, lunar days through
// lunar-javascript), so a jump lands where the visit planner sees the festival; 端午 is added
// here as a demo point although no branch visits at it by default.
import { BUILTIN_FESTIVALS, festivalDate, type FestivalDef } from "../domain/festivals.ts";

interface Festival {
  key: string;
  zh: string;
  en: string;
  def: Pick<FestivalDef, "calendar" | "month" | "day">;
}

const { SPRING_FESTIVAL, JULY_FIRST, MID_AUTUMN, DOUBLE_NINTH } = BUILTIN_FESTIVALS;
const FESTIVALS: readonly Festival[] = [
  { key: "spring", zh: "春节", en: "Spring Festival", def: SPRING_FESTIVAL },
  { key: "dragon-boat", zh: "端午", en: "Dragon Boat Festival", def: { calendar: "LUNAR", month: 5, day: 5 } },
  { key: "july-first", zh: "七一建党节", en: "Party Founding Day (1 July)", def: JULY_FIRST },
  { key: "mid-autumn", zh: "中秋", en: "Mid-Autumn Festival", def: MID_AUTUMN },
  { key: "double-ninth", zh: "重阳（敬老）", en: "Double Ninth (elders' day)", def: DOUBLE_NINTH },
];

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The calendar date in Beijing (China has no daylight saving: always UTC+8). */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export interface UpcomingFestival {
  key: string;
  zh: string;
  en: string;
  /** The festival's date, the first on or after today in Beijing. */
  date: string;
  /** 09:00 Beijing time, `daysBefore` days before the festival: where "jump" moves the clock. */
  jumpTo: string;
  daysBefore: number;
}

/**
 * The next occurrence of each festival whose jump target is still ahead of `now` (jumping
 * never moves the clock back), with the instant `daysBefore` days before it at 09:00 Beijing,
 * in date order (the same as jump order: every jump is the same days before its festival).
 */
export function upcomingFestivals(now: Date, daysBefore = 14): UpcomingFestival[] {
  const year = Number(beijingDate(now).slice(0, 4));
  return FESTIVALS.map((f) => {
    for (const y of [year, year + 1, year + 2]) {
      const date = festivalDate(f.def, y);
      if (!date) continue;
      const jump = new Date(Date.parse(`${date}T09:00:00+08:00`) - daysBefore * DAY_MS);
      if (jump.getTime() > now.getTime()) return { key: f.key, zh: f.zh, en: f.en, date, jumpTo: jump.toISOString(), daysBefore };
    }
    throw new Error(`no ${f.key} within two years of ${now.toISOString()}`);
  }).sort((a, b) => a.date.localeCompare(b.date));
}
