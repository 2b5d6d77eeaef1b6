import { describe, expect, it } from "vitest";
import {
  checkApproval,
  checkRequestedAmount,
  checkText,
  isOpen,
  mayDecide,
  parseDisclosureYear,
  parseRequestNumber,
  requestNumber,
  yearSummary,
  type LedgerSum,
} from "../../src/domain/aid-rules.ts";
import { addMonths, parseDay } from "../../src/domain/calendar-day.ts";
import { dayIn, localDateTime, localYear, yearBounds } from "../../src/domain/zoned-time.ts";
import type { Actor } from "../../src/domain/roles.ts";

const actor = (personId: number, grants: [number, Actor["grants"][number]["role"]][]): Actor => ({
  personId,
  name: "x",
  openId: `ou_${personId}`,
  language: "ZH",
  grants: grants.map(([orgId, role]) => ({ orgId, orgName: `o${orgId}`, orgKind: "BRANCH" as const, role })),
});

describe("who decides", () => {
  const req = { orgId: 1, personId: 50 };
  it.each([
    ["the branch secretary", actor(1, [[1, "SECRETARY"]]), true],
    ["an aid delegate of the branch", actor(2, [[1, "AID_DELEGATE"]]), true],
    ["a secretary of another branch", actor(3, [[2, "SECRETARY"]]), false],
    ["a leader", actor(4, [[1, "LEADER"]]), false],
    ["an affairs worker", actor(5, [[1, "AFFAIRS_WORKER"]]), false],
    ["a member", actor(6, [[1, "MEMBER"]]), false],
    ["the secretary about their own request", actor(50, [[1, "SECRETARY"]]), false],
  ])("%s: %s", (_n, a, expected) => expect(mayDecide(a, req)).toBe(expected));

  it("open states", () => {
    expect([isOpen("PENDING"), isOpen("NEEDS_INFO"), isOpen("APPROVED"), isOpen("REJECTED")]).toEqual([true, true, false, false]);
  });
});

describe("request numbers", () => {
  it("formats per year with at least four digits", () => {
    expect(requestNumber(2026, 1)).toBe("2026-0001");
    expect(requestNumber(2026, 9999)).toBe("2026-9999");
    expect(requestNumber(2026, 10000)).toBe("2026-10000");
  });
  it.each([
    ["2026-0007", "2026-0007"],
    ["2026-7", "2026-0007"],
    ["#2026-0007", "2026-0007"],
    ["２０２６－０００７", "2026-0007"],
    [" 2026-12345 ", "2026-12345"],
    ["2026-0", null],
    ["26-7", null],
    ["abc", null],
    ["2026/7", null],
  ])("parses %s", (raw, expected) => expect(parseRequestNumber(raw)).toBe(expected));
});

describe("amounts against ceiling and balance", () => {
  it("a request above the ceiling is refused with the ceiling named", () => {
    expect(checkRequestedAmount(500_000, 500_000)).toBeNull();
    expect(checkRequestedAmount(500_001, 500_000)?.zh).toContain("5,000.00 元");
  });
  it("an approval needs ceiling and balance", () => {
    expect(checkApproval({ amountFen: 100, ceilingFen: 1000, balanceFen: 100, source: "DONATION" })).toBeNull();
    expect(checkApproval({ amountFen: 1001, ceilingFen: 1000, balanceFen: 5000, source: "DONATION" })?.code).toBe("over_ceiling");
    const p = checkApproval({ amountFen: 101, ceilingFen: 1000, balanceFen: 100, source: "DONATION" });
    expect(p?.code).toBe("over_balance");
    expect(p?.zh).toContain("「社会捐赠」余额只有 1.00 元");
  });
});

describe("free text", () => {
  const what = { zh: "理由", en: "reason" };
  it("trims, requires and limits", () => {
    expect(checkText("  好  ", what, { required: true, max: 5 })).toEqual({ ok: true, value: "好" });
    expect(checkText(undefined, what, { required: false, max: 5 })).toEqual({ ok: true, value: "" });
    expect(checkText("   ", what, { required: true, max: 5 })).toMatchObject({ ok: false, problem: { code: "text_missing", zh: "请填写理由。" } });
    expect(checkText("123456", what, { required: true, max: 5 })).toMatchObject({ ok: false, problem: { code: "text_too_long" } });
    expect(checkText(5, what, { required: true, max: 5 })).toMatchObject({ ok: false, problem: { code: "text_type" } });
  });
});

describe("收支公开", () => {
  const s = (source: LedgerSum["source"], kind: LedgerSum["kind"], totalFen: number, count: number): LedgerSum => ({ source, kind, totalFen, count });
  it("carries the balance over, adds the year's income and takes its payments, per source and in total", () => {
    const { rows, total } = yearSummary(
      [s("PARTY_FEE", "INCOME", 100_000, 2), s("PARTY_FEE", "DISBURSEMENT", 30_000, 1), s("DONATION", "INCOME", 5_000, 1)],
      [s("PARTY_FEE", "INCOME", 50_000, 1), s("PARTY_FEE", "DISBURSEMENT", 20_000, 2), s("LOCAL_FINANCE", "INCOME", 1_000, 1)],
    );
    const none = { reversedPaidFen: 0, reversedPaidCount: 0, reversedIncomeFen: 0, reversedIncomeCount: 0 };
    expect(rows).toEqual([
      { source: "LOCAL_FINANCE", openingFen: 0, incomeFen: 1_000, incomeCount: 1, disbursedFen: 0, disbursedCount: 0, ...none, closingFen: 1_000 },
      { source: "PARTY_FEE", openingFen: 70_000, incomeFen: 50_000, incomeCount: 1, disbursedFen: 20_000, disbursedCount: 2, ...none, closingFen: 100_000 },
      { source: "DONATION", openingFen: 5_000, incomeFen: 0, incomeCount: 0, disbursedFen: 0, disbursedCount: 0, ...none, closingFen: 5_000 },
    ]);
    expect(total).toEqual({ openingFen: 75_000, incomeFen: 51_000, incomeCount: 2, disbursedFen: 20_000, disbursedCount: 2, ...none, closingFen: 106_000 });
  });
  it.each([
    ["", 2026],
    ["2025", 2025],
    ["２０２４年", 2024],
  ])("reads the year %j", (raw, y) => expect(parseDisclosureYear(raw, 2026)).toEqual({ ok: true, value: y }));
  it.each(["abc", "1999", "2027", "20266"])("refuses the year %s", (raw) => expect(parseDisclosureYear(raw, 2026).ok).toBe(false));
});

describe("time in Asia/Shanghai", () => {
  const tz = "Asia/Shanghai";
  it("puts 16:30 UTC on New Year's Eve into the next year", () => {
    const d = new Date("2025-12-31T16:30:00Z");
    expect(localYear(d, tz)).toBe(2026);
    expect(dayIn(d, tz)).toBe("2026-01-01");
    expect(localDateTime(d, tz)).toBe("2026-01-01 00:30");
  });
  it("bounds a year at local midnight", () => {
    const { start, end } = yearBounds(2026, tz);
    expect(start.toISOString()).toBe("2025-12-31T16:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(yearBounds(2026, "UTC").start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-05-10", 12)).toBe("2027-05-10");
  });
  it.each([
    ["2026-09-30", "2026-09-30"],
    ["2026-09-30 +0800", "2026-09-30"],
    ["2026/9/3", "2026-09-03"],
    ["2026年9月3日", "2026-09-03"],
    ["2026-02-30", null],
    ["tomorrow", null],
  ])("parses the date %s", (raw, expected) => expect(parseDay(raw)).toBe(expected));
});

describe("time across zones and DST", () => {
  it("agrees with Intl for every hour of a year in zones with and without DST", () => {
    for (const tz of ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC"]) {
      const f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 + 17 * 60_000) {
        const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
        expect(localDateTime(new Date(t), tz)).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`);
      }
    }
  });
});
