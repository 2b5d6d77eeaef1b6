// Days, working days and night hours: the calendar the reminders run on.
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, isDay } from "../../src/domain/calendar-day.ts";
import { dayIn, minuteOfDayIn, startOfDayIn } from "../../src/domain/zoned-time.ts";
import { calendarCovers, isNight, isWorkingDay, statutoryHolidays, workingDayOnOrAfter } from "../../src/domain/working-days.ts";

const TZ = "Asia/Shanghai";

describe("calendar days in Asia/Shanghai", () => {
  it("puts an instant on the Shanghai day, not the UTC one", () => {
    // 2026-12-31 17:30 UTC is already 1 January 01:30 in Shanghai.
    expect(dayIn(new Date("2026-12-31T17:30:00Z"), TZ)).toBe("2027-01-01");
    expect(minuteOfDayIn(new Date("2026-12-31T17:30:00Z"), TZ)).toBe(90);
    expect(startOfDayIn("2027-01-01", TZ).toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("adds months the way PostgreSQL does (clamped to the month's end)", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-05-15", 12)).toBe("2027-05-15");
    expect(addMonths("2026-05-15", -6)).toBe("2025-11-15");
  });

  it("counts days across months and years", () => {
    expect(daysBetween("2026-12-30", "2027-01-02")).toBe(3);
    expect(daysBetween("2027-01-02", "2026-12-30")).toBe(-3);
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(isDay("2027-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
  });
});

describe("working days (chinese-days)", () => {
  it("follows the published 2026 arrangement: National Day off, the make-up Saturday on", () => {
    expect(calendarCovers(2026)).toBe(true);
    for (const d of ["2026-10-01", "2026-10-05", "2026-10-07"]) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay("2026-10-08")).toBe(true);
    expect(isWorkingDay("2026-10-10")).toBe(true); // Saturday, worked in exchange (调休)
    expect(isWorkingDay("2026-10-11")).toBe(false); // an ordinary Sunday
    expect(workingDayOnOrAfter("2026-10-01")).toBe("2026-10-08");
    expect(workingDayOnOrAfter("2026-10-08")).toBe("2026-10-08");
  });

  it("moves across the Spring Festival break of 2026", () => {
    expect(isWorkingDay("2026-02-16")).toBe(false);
    expect(workingDayOnOrAfter("2026-02-15")).toBe("2026-02-24");
  });

  it("falls back to the statutory holidays, lunar ones computed, for a year not yet published", () => {
    expect(calendarCovers(2027)).toBe(false);
    const h = statutoryHolidays(2027);
    // 春节 2027 is 6 February: 除夕 to 初三.
    for (const d of ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-03"]) {
      expect(h.has(d), d).toBe(true);
    }
    expect(isWorkingDay("2027-10-01")).toBe(false); // a Friday, but National Day
    expect(isWorkingDay("2027-02-09")).toBe(true); // 初四, a Tuesday, no law makes it a holiday
    expect(isWorkingDay("2027-10-09")).toBe(false); // a Saturday
    expect(workingDayOnOrAfter("2027-09-30")).toBe("2027-09-30");
    expect(workingDayOnOrAfter("2027-10-01")).toBe("2027-10-04");
  });
});

describe("night hours", () => {
  const night = { startMinute: 21 * 60, endMinute: 8 * 60 };
  it("spans midnight", () => {
    expect(isNight(21 * 60, night)).toBe(true);
    expect(isNight(2 * 60, night)).toBe(true);
    expect(isNight(7 * 60 + 59, night)).toBe(true);
    expect(isNight(8 * 60, night)).toBe(false);
    expect(isNight(12 * 60, night)).toBe(false);
  });
  it("may lie within one day, or be switched off", () => {
    expect(isNight(13 * 60, { startMinute: 12 * 60, endMinute: 14 * 60 })).toBe(true);
    expect(isNight(3 * 60, { startMinute: 0, endMinute: 0 })).toBe(false);
  });
});
