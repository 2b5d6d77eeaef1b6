// The year-end report's rules: which year a request means, when the December reminder is owed,
// how branches add up, and the fund reconciled per source with reversals in both directions.
import { describe, expect, it } from "vitest";
import {
  defaultReportYear,
  emptyFigures,
  fundEffect,
  parseReportArgs,
  parseReportYear,
  reconcileFund,
  reminderOwed,
  sumFigures,
  type FundSum,
} from "../../src/domain/year-report.ts";

describe("which year 年度报告 means", () => {
  it("is this year, and in January the year just ended", () => {
    expect(defaultReportYear("2026-06-30")).toBe(2026);
    expect(defaultReportYear("2026-12-01")).toBe(2026);
    expect(defaultReportYear("2026-12-31")).toBe(2026);
    expect(defaultReportYear("2027-01-01")).toBe(2026);
    expect(defaultReportYear("2027-01-31")).toBe(2026);
    expect(defaultReportYear("2027-02-01")).toBe(2027);
  });

  it("reads a year, 今年 and 去年, and refuses a future year or a non-year", () => {
    expect(parseReportYear("2025", "2026-12-15")).toEqual({ ok: true, value: 2025 });
    expect(parseReportYear("2025年", "2026-12-15")).toEqual({ ok: true, value: 2025 });
    expect(parseReportYear("今年", "2027-01-10")).toEqual({ ok: true, value: 2027 });
    expect(parseReportYear("去年", "2026-12-15")).toEqual({ ok: true, value: 2025 });
    const future = parseReportYear("2027", "2026-12-15");
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.problem.zh).toContain("还没有开始");
    expect(parseReportYear("明年吧", "2026-12-15").ok).toBe(false);
  });

  it("takes a year and an organisation in either order", () => {
    expect(parseReportArgs("", "2026-12-15")).toEqual({ ok: true, value: { year: 2026, org: null } });
    expect(parseReportArgs("2025 第二党支部", "2026-12-15")).toEqual({ ok: true, value: { year: 2025, org: "第二党支部" } });
    expect(parseReportArgs("第二党支部 去年", "2026-12-15")).toEqual({ ok: true, value: { year: 2025, org: "第二党支部" } });
    expect(parseReportArgs("2025 2026", "2026-12-15").ok).toBe(false);
  });
});

describe("the December reminder", () => {
  it("is owed on working days from 15 December to the year's end", () => {
    expect(reminderOwed("2026-12-14", true)).toBe(false);
    expect(reminderOwed("2026-12-15", true)).toBe(true);
    expect(reminderOwed("2026-12-19", false)).toBe(false);
    expect(reminderOwed("2026-12-21", true)).toBe(true);
    expect(reminderOwed("2026-11-20", true)).toBe(false);
    expect(reminderOwed("2027-01-04", true)).toBe(false);
  });
});

describe("the fund reconciled", () => {
  const line = (l: Partial<FundSum> & Pick<FundSum, "kind" | "when" | "amountFen">): FundSum => ({ source: "LOCAL_FINANCE", reverses: null, ...l });

  it("gives a reversal the direction opposite to the entry it undoes", () => {
    expect(fundEffect({ kind: "INCOME", reverses: null, amountFen: 100 })).toBe(100);
    expect(fundEffect({ kind: "DISBURSEMENT", reverses: null, amountFen: 100 })).toBe(-100);
    expect(fundEffect({ kind: "REVERSAL", reverses: "INCOME", amountFen: 100 })).toBe(-100);
    expect(fundEffect({ kind: "REVERSAL", reverses: "DISBURSEMENT", amountFen: 100 })).toBe(100);
  });

  it("opening + income - payments = closing, reversals across the year boundary counted in the year booked", () => {
    const sums: FundSum[] = [
      // Last year: income 1000 and 300, a payment of 200.
      line({ kind: "INCOME", when: "before", amountFen: 100_000 }),
      line({ kind: "INCOME", when: "before", amountFen: 30_000 }),
      line({ kind: "DISBURSEMENT", when: "before", amountFen: 20_000 }),
      // This year: last year's payment booked back, last year's 300 income taken back, new income and a payment.
      line({ kind: "REVERSAL", reverses: "DISBURSEMENT", when: "during", amountFen: 20_000 }),
      line({ kind: "REVERSAL", reverses: "INCOME", when: "during", amountFen: 30_000 }),
      line({ kind: "INCOME", when: "during", amountFen: 50_000 }),
      line({ kind: "DISBURSEMENT", when: "during", amountFen: 30_000 }),
    ];
    const f = reconcileFund(sums, { LOCAL_FINANCE: 120_000 }).LOCAL_FINANCE;
    expect(f).toMatchObject({ openingFen: 110_000, incomeFen: 50_000, incomeReversedFen: 30_000, paidFen: 30_000, paidReversedFen: 20_000, closingFen: 120_000, laterFen: 0, agrees: true });
    expect(f.closingFen).toBe(f.openingFen + (f.incomeFen - f.incomeReversedFen) - (f.paidFen - f.paidReversedFen));
  });

  it("checks closing plus later entries against the running balance, and says when they differ", () => {
    const sums: FundSum[] = [
      line({ kind: "INCOME", when: "during", amountFen: 50_000 }),
      // Next year: a reversal of this year's income, and a payment.
      line({ kind: "REVERSAL", reverses: "INCOME", when: "after", amountFen: 10_000 }),
      line({ kind: "DISBURSEMENT", when: "after", amountFen: 5_000 }),
    ];
    const ok = reconcileFund(sums, { LOCAL_FINANCE: 35_000 }).LOCAL_FINANCE;
    expect(ok).toMatchObject({ closingFen: 50_000, laterFen: -15_000, laterEntries: 2, agrees: true });
    const off = reconcileFund(sums, { LOCAL_FINANCE: 36_000 }).LOCAL_FINANCE;
    expect(off.agrees).toBe(false);
    // A source with no entries and no balance agrees (nothing on either side).
    expect(reconcileFund(sums, { LOCAL_FINANCE: 35_000 }).DONATION).toMatchObject({ closingFen: 0, balanceFen: 0, agrees: true });
  });
});

describe("a committee's total", () => {
  it("sums every figure of its branches, and agrees on a source only when every branch does", () => {
    const a = emptyFigures();
    const b = emptyFigures();
    a.talks.due = 7;
    a.talks.talkedWith = 2;
    b.talks.due = 5;
    b.talks.byForm.PHONE = 3;
    a.visits.byFestival.SPRING_FESTIVAL = { done: 2, planned: 1, amountFen: 500 };
    b.visits.byFestival.SPRING_FESTIVAL = { done: 1, planned: 0, amountFen: 100 };
    b.visits.byEvent.ILLNESS = { done: 1, planned: 0, amountFen: 0 };
    a.fund = reconcileFund([{ source: "PARTY_FEE", kind: "INCOME", reverses: null, when: "during", amountFen: 100 }], { PARTY_FEE: 100 });
    b.fund = reconcileFund([{ source: "PARTY_FEE", kind: "INCOME", reverses: null, when: "during", amountFen: 100 }], { PARTY_FEE: 90 });
    const t = sumFigures([a, b]);
    expect(t.talks).toMatchObject({ due: 12, talkedWith: 2, byForm: { IN_PERSON: 0, PHONE: 3, VIDEO: 0 } });
    expect(t.visits.byFestival.SPRING_FESTIVAL).toEqual({ done: 3, planned: 1, amountFen: 600 });
    expect(t.visits.byEvent.ILLNESS).toEqual({ done: 1, planned: 0, amountFen: 0 });
    expect(t.fund.PARTY_FEE).toMatchObject({ incomeFen: 200, closingFen: 200, balanceFen: 190, agrees: false });
    expect(t.fund.LOCAL_FINANCE.agrees).toBe(true);
  });
});
