// 收支公开's breakdown rule: a group is listed only with 3 or more payments, the small ones go
// together under 其他, and 其他 itself is never a group of one or two (it is the total less what
// is listed, so anyone could compute it).
import { describe, expect, it } from "vitest";
import { MIN_GROUP, minimalBreakdown, publicBreakdown, type PaymentCell } from "../../src/domain/fund-disclosure.ts";

const g = (key: string, count: number, fen = count * 100_00) => ({ key, count, fen });

describe("minimalBreakdown", () => {
  it("needs at least 3 payments in a group", () => {
    expect(MIN_GROUP).toBe(3);
  });

  it("lists nothing and withholds nothing when there are no payments", () => {
    expect(minimalBreakdown([g("A", 0), g("B", 0)])).toEqual({ shown: [], rest: null, withheld: false });
  });

  it.each([
    [1, "one payment names its person"],
    [2, "two payments are still two people the branch knows"],
  ])("does not list a lone category of %i payment(s): %s", (count) => {
    expect(minimalBreakdown([g("ILLNESS", count)])).toEqual({ shown: [], rest: null, withheld: true });
  });

  it("lists a category of 3 payments", () => {
    expect(minimalBreakdown([g("ILLNESS", 3, 600_000)])).toEqual({ shown: [{ key: "ILLNESS", count: 3, fen: 600_000 }], rest: null, withheld: false });
  });

  it("folds a category of 1 and one of 2 into 其他 once together they hold 3", () => {
    const b = minimalBreakdown([g("LIVING", 4, 400_00), g("ILLNESS", 1, 2000_00), g("DISASTER", 2, 700_00)]);
    expect(b.shown).toEqual([{ key: "LIVING", count: 4, fen: 400_00 }]);
    expect(b.rest).toEqual({ count: 3, fen: 2700_00 });
    expect(b.withheld).toBe(true);
  });

  it("does not show two small categories that together still hold fewer than 3", () => {
    const b = minimalBreakdown([g("ILLNESS", 1), g("DISASTER", 1)]);
    expect(b).toEqual({ shown: [], rest: null, withheld: true });
  });

  it("never leaves 1 or 2 payments to be found by subtracting the listed groups from the total", () => {
    // 1 + 1 under 其他 would be 2; the smallest listed group (4) joins them, and the rest is 6.
    const b = minimalBreakdown([g("LIVING", 5, 500_00), g("ILLNESS", 1, 3000_00), g("DISASTER", 1, 800_00), g("VISIT", 4, 80_00)]);
    expect(b.shown.map((x) => x.key)).toEqual(["LIVING"]);
    expect(b.rest).toEqual({ count: 6, fen: 3880_00 });
    // With only one listed group beside them, nothing at all can be listed: it would be the total less two payments.
    expect(minimalBreakdown([g("LIVING", 5), g("ILLNESS", 1), g("DISASTER", 1)])).toEqual({ shown: [], rest: null, withheld: true });
  });

  it("keeps the order it was given and every amount adds up to the total", () => {
    const groups = [g("A", 3, 1), g("B", 7, 2), g("C", 1, 4), g("D", 2, 8), g("E", 5, 16)];
    const b = minimalBreakdown(groups);
    expect(b.shown.map((x) => x.key)).toEqual(["A", "B", "E"]);
    expect(b.rest).toEqual({ count: 3, fen: 12 });
    expect(b.shown.reduce((n, x) => n + x.fen, 0) + (b.rest?.fen ?? 0)).toBe(31);
  });

  it("puts a key that already means 其他 under 其他, however many payments it holds", () => {
    const b = minimalBreakdown([g("LIVING", 3), g("OTHER", 5)], (k) => k === "OTHER");
    expect(b.shown.map((x) => x.key)).toEqual(["LIVING"]);
    expect(b.rest?.count).toBe(5);
    expect(b.withheld).toBe(false);
  });
});

describe("publicBreakdown", () => {
  const cell = (category: PaymentCell["category"], month: number, count: number, fen: number): PaymentCell => ({ category, month, count, fen });

  it("adds the cells up by category and by month, each made minimal on its own", () => {
    const b = publicBreakdown([cell("ILLNESS", 3, 2, 2000_00), cell("ILLNESS", 4, 1, 500_00), cell("VISIT", 9, 3, 60_00), cell("LIVING", 9, 1, 300_00), cell("OTHER", 10, 2, 100_00)]);
    expect(b.byCategory.shown).toEqual([{ key: "ILLNESS", count: 3, fen: 2500_00 }, { key: "VISIT", count: 3, fen: 60_00 }]);
    expect(b.byCategory.rest).toEqual({ count: 3, fen: 400_00 });
    expect(b.byCategory.withheld).toBe(true);
    // September holds 4; March (2), April (1) and October (2) are 5 together.
    expect(b.byMonth.shown).toEqual([{ key: 9, count: 4, fen: 360_00 }]);
    expect(b.byMonth.rest).toEqual({ count: 5, fen: 2600_00 });
  });

  it("shows no breakdown for a year of one payment", () => {
    const b = publicBreakdown([cell("ILLNESS", 5, 1, 3000_00)]);
    expect(b.byCategory.shown).toEqual([]);
    expect(b.byMonth.shown).toEqual([]);
  });
});
