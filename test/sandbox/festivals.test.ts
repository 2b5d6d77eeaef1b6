import { describe, expect, it } from "vitest";
import { beijingDate, upcomingFestivals } from "../../src/sandbox/festivals.ts";

const find = (now: string, key: string) => upcomingFestivals(new Date(now)).find((f) => f.key === key)!;

describe("upcomingFestivals", () => {
  it("finds 中秋 from the lunar calendar and the instant 14 days before at 09:00 Beijing", () => {
    expect(find("2026-06-01T00:00:00+08:00", "mid-autumn")).toMatchObject({ date: "2026-09-25", jumpTo: "2026-09-11T01:00:00.000Z", daysBefore: 14 });
    expect(find("2024-01-01T00:00:00+08:00", "mid-autumn").date).toBe("2024-09-17");
    expect(find("2025-01-01T00:00:00+08:00", "mid-autumn").date).toBe("2025-10-06");
  });

  it("moves to next year once this year's jump point has passed (jumping never goes back)", () => {
    expect(find("2026-09-11T09:00:01+08:00", "mid-autumn").date).toBe("2027-09-15");
    expect(find("2026-09-11T08:59:59+08:00", "mid-autumn").date).toBe("2026-09-25");
  });

  it("knows 春节, 端午, 重阳 and the fixed 七一, sorted by when the jump lands", () => {
    const all = upcomingFestivals(new Date("2026-01-01T00:00:00+08:00"));
    expect(Object.fromEntries(all.map((f) => [f.key, f.date]))).toEqual({
      spring: "2026-02-17",
      "dragon-boat": "2026-06-19",
      "july-first": "2026-07-01",
      "mid-autumn": "2026-09-25",
      "double-ninth": "2026-10-18",
    });
    expect(all.map((f) => f.jumpTo)).toEqual([...all.map((f) => f.jumpTo)].sort());
  });

  it("lists in date order, so the first is the next festival from today (the page's default)", () => {
    const all = upcomingFestivals(new Date("2026-12-03T21:00:00+08:00"));
    expect(all.map((f) => `${f.zh} ${f.date}`)).toEqual(["春节 2027-02-06", "端午 2027-06-09", "七一建党节 2027-07-01", "中秋 2027-09-15", "重阳（敬老） 2027-10-08"]);
    // Three days before 春节 its jump point has passed: the next one to jump to is 端午.
    expect(upcomingFestivals(new Date("2027-02-03T09:00:00+08:00"))[0]).toMatchObject({ key: "dragon-boat", date: "2027-06-09" });
  });

  it("reads the date in Beijing, not UTC", () => {
    expect(beijingDate(new Date("2026-09-24T16:30:00Z"))).toBe("2026-09-25");
  });
});
