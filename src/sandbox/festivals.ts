// The festivals the clock panel can jump to, and when each next falls after a given instant,
// in Beijing time. Lunar festivals come from lunar-javascript (a lunar month/day of lunar year
// Y always falls in solar year Y for these four), the rest are fixed solar dates.
import { createRequire } from "node:module";

interface LunarLib {
  Lunar: { fromYmd(y: number, m: number, d: number): { getSolar(): { toYmd(): string } } };
}
// lunar-javascript is CommonJS without types; this is the one call used.
const { Lunar } = createRequire(import.meta.url)("lunar-javascript") as LunarLib;

export interface Festival {
  key: string;
  zh: string;
  en: string;
  /** Solar date (YYYY-MM-DD) in a given year. */
  dateIn(year: number): string;
}

const lunar = (m: number, d: number) => (year: number) => Lunar.fromYmd(year, m, d).getSolar().toYmd();
const solar = (m: number, d: number) => (year: number) => `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

const FESTIVALS: readonly Festival[] = [
  { key: "spring", zh: "春节", en: "Spring Festival", dateIn: lunar(1, 1) },
  { key: "dragon-boat", zh: "端午", en: "Dragon Boat Festival", dateIn: lunar(5, 5) },
  { key: "july-first", zh: "七一建党节", en: "Party Founding Day (1 July)", dateIn: solar(7, 1) },
  { key: "mid-autumn", zh: "中秋", en: "Mid-Autumn Festival", dateIn: lunar(8, 15) },
  { key: "double-ninth", zh: "重阳（敬老）", en: "Double Ninth (elders' day)", dateIn: lunar(9, 9) },
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
 * never moves the clock back), with the instant `daysBefore` days before it at 09:00 Beijing.
 */
export function upcomingFestivals(now: Date, daysBefore = 14): UpcomingFestival[] {
  const year = Number(beijingDate(now).slice(0, 4));
  return FESTIVALS.map((f) => {
    for (const y of [year, year + 1, year + 2]) {
      const date = f.dateIn(y);
      const jump = new Date(Date.parse(`${date}T09:00:00+08:00`) - daysBefore * DAY_MS);
      if (jump.getTime() > now.getTime()) return { key: f.key, zh: f.zh, en: f.en, date, jumpTo: jump.toISOString(), daysBefore };
    }
    throw new Error(`no ${f.key} within two years of ${now.toISOString()}`);
  }).sort((a, b) => a.jumpTo.localeCompare(b.jumpTo));
}
