// The part of lunar-javascript (no bundled types) that the festival calendar uses.
declare module "lunar-javascript" {
  export class Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
  export class Lunar {
    static fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar;
    getSolar(): Solar;
  }
  export class LunarMonth {
    /** lunarMonth is negative for a leap month. */
    static fromYm(lunarYear: number, lunarMonth: number): LunarMonth | null;
    getDayCount(): number;
  }
}
