// How dates read on cards: the year only when it is not the reader's, and on views drawn on
// request how far the date is.
import { describe, expect, it } from "vitest";
import { agoWords, dateWords, dueDistance, dueWords, spanWords, weekdayWords } from "../../src/domain/date-words.ts";

describe("dateWords", () => {
  it("leaves the year out in the reader's year and shows it otherwise", () => {
    expect(dateWords("2026-12-03", "2026-12-03")).toEqual({ zh: "12月3日", en: "Dec 3" });
    expect(dateWords("2027-12-03", "2026-12-03")).toEqual({ zh: "2027年12月3日", en: "Dec 3, 2027" });
    expect(dateWords("2026-12-30", "2027-01-02")).toEqual({ zh: "2026年12月30日", en: "Dec 30, 2026" });
  });

  it("shows the year when the card does not know when it is read", () => {
    expect(dateWords("2027-03-01")).toEqual({ zh: "2027年3月1日", en: "Mar 1, 2027" });
  });

  it("names the weekday", () => {
    expect(weekdayWords("2027-02-14")).toEqual({ zh: "周日", en: "Sun" });
    expect(weekdayWords("2027-02-05")).toEqual({ zh: "周五", en: "Fri" });
  });
});

describe("how far a date is", () => {
  it("says today, tomorrow, days left and days overdue", () => {
    expect(dueDistance("2026-12-03", "2026-12-03").zh).toBe("今天");
    expect(dueDistance("2026-12-04", "2026-12-03").zh).toBe("明天");
    expect(dueDistance("2026-12-15", "2026-12-03")).toEqual({ zh: "还有 12 天", en: "in 12 days" });
    expect(dueDistance("2026-11-30", "2026-12-03")).toEqual({ zh: "已逾期 3 天", en: "3 days overdue" });
    expect(dueDistance("2026-12-02", "2026-12-03").en).toBe("1 day overdue");
  });

  it("counts across the new year", () => {
    expect(dueWords("2027-01-05", "2026-12-28")).toEqual({ zh: "2027年1月5日（还有 8 天）", en: "Jan 5, 2027 (in 8 days)" });
    expect(dueWords("2026-12-30", "2027-01-02")).toEqual({ zh: "2026年12月30日（已逾期 3 天）", en: "Dec 30, 2026 (3 days overdue)" });
  });

  it("says how long ago something happened", () => {
    expect(agoWords("2026-11-30", "2026-12-03")).toEqual({ zh: "11月30日（3 天前）", en: "Nov 30 (3 days ago)" });
    expect(agoWords("2026-12-02", "2026-12-03").zh).toBe("12月2日（昨天）");
    expect(agoWords("2025-12-03", "2026-12-03").zh).toBe("2025年12月3日（365 天前）");
  });
});

describe("spanWords", () => {
  it("says the year and the month once", () => {
    expect(spanWords("2027-02-05", "2027-02-11", "2027-01-10")).toEqual({ zh: "2月5日至11日", en: "Feb 5 – Feb 11" });
    expect(spanWords("2027-02-05", "2027-02-11", "2026-12-03")).toEqual({ zh: "2027年2月5日至11日", en: "Feb 5 – Feb 11, 2027" });
    expect(spanWords("2027-04-30", "2027-05-04", "2027-01-10").zh).toBe("4月30日至5月4日");
    expect(spanWords("2026-12-31", "2027-01-02", "2026-12-03")).toEqual({ zh: "2026年12月31日至2027年1月2日", en: "Dec 31, 2026 – Jan 2, 2027" });
    expect(spanWords("2027-06-09", "2027-06-09", "2027-01-10").zh).toBe("6月9日");
  });
});
