// Festival dates against published calendars (the State Council holiday notices and the
// Purple Mountain Observatory almanac), and the planning window.
import { describe, expect, it } from "vitest";
import { BUILTIN_FESTIVALS, festivalDate, nextOccurrence, occurrencesToPlan, type FestivalDef } from "../../src/domain/festivals.ts";
import { festivalsOf, readVisitSettings } from "../../src/domain/visit-settings.ts";

// year: [春节, 中秋, 重阳]
const PUBLISHED: Record<number, [string, string, string]> = {
  2026: ["2026-02-17", "2026-09-25", "2026-10-18"],
  2027: ["2027-02-06", "2027-09-15", "2027-10-08"],
  2028: ["2028-01-26", "2028-10-03", "2028-10-26"],
  2029: ["2029-02-13", "2029-09-22", "2029-10-16"],
  2030: ["2030-02-03", "2030-09-12", "2030-10-05"],
  2031: ["2031-01-23", "2031-10-01", "2031-10-24"],
  2032: ["2032-02-11", "2032-09-19", "2032-10-12"],
  2033: ["2033-01-31", "2033-09-08", "2033-10-01"],
  2034: ["2034-02-19", "2034-09-27", "2034-10-20"],
  2035: ["2035-02-08", "2035-09-16", "2035-10-09"],
};

describe("festivalDate", () => {
  it.each(Object.entries(PUBLISHED).map(([y, d]) => [Number(y), ...d] as const))("%i: 春节 %s, 中秋 %s, 重阳 %s", (year, spring, midAutumn, doubleNinth) => {
    expect(festivalDate(BUILTIN_FESTIVALS.SPRING_FESTIVAL, year)).toBe(spring);
    expect(festivalDate(BUILTIN_FESTIVALS.MID_AUTUMN, year)).toBe(midAutumn);
    expect(festivalDate(BUILTIN_FESTIVALS.DOUBLE_NINTH, year)).toBe(doubleNinth);
  });

  it("gives the solar festivals their fixed day", () => {
    expect(festivalDate(BUILTIN_FESTIVALS.JULY_FIRST, 2031)).toBe("2031-07-01");
    expect(festivalDate(BUILTIN_FESTIVALS.ARMY_DAY, 2031)).toBe("2031-08-01");
    expect(festivalDate({ calendar: "SOLAR", month: 2, day: 29 }, 2027)).toBeNull();
    expect(festivalDate({ calendar: "SOLAR", month: 2, day: 29 }, 2028)).toBe("2028-02-29");
  });

  it("puts a 12th-month lunar day in the Gregorian year it falls in, clamping day 30 of a short month (除夕)", () => {
    // 除夕 is the day before 春节 whether the 12th month has 29 or 30 days.
    for (const [y, [spring]] of Object.entries(PUBLISHED)) {
      const eve = festivalDate({ calendar: "LUNAR", month: 12, day: 30 }, Number(y));
      const d = new Date(`${spring}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - 1);
      expect(eve).toBe(d.toISOString().slice(0, 10));
    }
  });
});

describe("occurrencesToPlan", () => {
  const defs = Object.values(BUILTIN_FESTIVALS) as FestivalDef[];
  it("opens the window exactly lead days before and keeps it open until the day", () => {
    expect(occurrencesToPlan(defs, "2027-08-31", 14)).toEqual([]);
    expect(occurrencesToPlan(defs, "2027-09-01", 14).map((o) => [o.def.code, o.year, o.date])).toEqual([["MID_AUTUMN", 2027, "2027-09-15"]]);
    expect(occurrencesToPlan(defs, "2027-09-15", 14).map((o) => o.def.code)).toEqual(["MID_AUTUMN"]);
    expect(occurrencesToPlan(defs, "2027-09-16", 14).map((o) => o.def.code)).toEqual([]);
  });

  it("finds next year's Spring Festival from December", () => {
    const got = occurrencesToPlan(defs, "2030-01-10", 14);
    expect(got.map((o) => [o.def.code, o.year, o.date])).toEqual([]);
    expect(occurrencesToPlan(defs, "2031-01-09", 14).map((o) => [o.def.code, o.year, o.date])).toEqual([["SPRING_FESTIVAL", 2031, "2031-01-23"]]);
    expect(occurrencesToPlan(defs, "2027-12-30", 30).map((o) => [o.def.code, o.year])).toEqual([["SPRING_FESTIVAL", 2028]]);
  });

  it("shows the next occurrence across the year end", () => {
    expect(nextOccurrence(BUILTIN_FESTIVALS.MID_AUTUMN, "2027-09-16")).toMatchObject({ year: 2028, date: "2028-10-03" });
  });
});

describe("visit settings", () => {
  it("defaults to 春节, 七一, 中秋, 重阳 with 14 days' lead", () => {
    const { settings, problem } = readVisitSettings({});
    expect(problem).toBeUndefined();
    expect(settings.leadDays).toBe(14);
    expect(festivalsOf(settings).map((f) => f.code)).toEqual(["SPRING_FESTIVAL", "JULY_FIRST", "MID_AUTUMN", "DOUBLE_NINTH"]);
  });

  it("adds 八一 and a branch's own lunar day", () => {
    const { settings } = readVisitSettings({
      visits: { festivals: ["MID_AUTUMN", "ARMY_DAY"], custom: [{ code: "LANTERN", zh: "元宵", en: "Lantern Festival", calendar: "LUNAR", month: 1, day: 15 }] },
    });
    const defs = festivalsOf(settings);
    expect(defs.map((f) => f.code)).toEqual(["MID_AUTUMN", "ARMY_DAY", "LANTERN"]);
    expect(defs[1]!.audience).toEqual(["VETERAN"]);
    expect(festivalDate(defs[2]!, 2027)).toBe("2027-02-20");
  });

  it("falls back to the defaults and says why when the settings are wrong", () => {
    const { settings, problem } = readVisitSettings({ visits: { leadDays: -3 } });
    expect(settings.leadDays).toBe(14);
    expect(problem).toMatch(/visits\.leadDays/);
  });
});
