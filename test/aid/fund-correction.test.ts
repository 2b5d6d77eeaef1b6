// The rules of 冲正, pure: what may be reversed, the whole entry only, income already spent, the
// reason, the command's words, the ledger's arithmetic and the year summary with reversals.
import { describe, expect, it } from "vitest";
import { yearSummary, type LedgerSum } from "../../src/domain/aid-rules.ts";
import {
  checkReason,
  entryDirection,
  incomeReversalRefusal,
  ledgerBalances,
  parseReversalCommand,
  replacementRefusal,
  reversalRefusal,
  wholeEntryRefusal,
} from "../../src/domain/fund-correction.ts";

describe("what may be reversed", () => {
  const entry = { id: 7, kind: "DISBURSEMENT" as const, source: "PARTY_FEE" as const, amountFen: 50_000, reversedBy: null };
  it("a standing entry may", () => expect(reversalRefusal(entry)).toBeNull());
  it("a reversal may not be reversed", () => expect(reversalRefusal({ ...entry, kind: "REVERSAL" })?.zh).toContain("本身是一笔冲正"));
  it("an entry reversed once is refused with who, when and why", () => {
    const p = reversalRefusal({ ...entry, reversedBy: { at: "2026-12-03 10:00", by: "王书记", reason: "重复发放" } });
    expect(p?.code).toBe("already_reversed");
    expect(p?.zh).toBe("流水 #7 已于 2026-12-03 10:00 由王书记冲正（原因：重复发放），同一笔不能重复冲正。");
  });
});

describe("the whole entry, never more nor part of it", () => {
  it("accepts the amount paid", () => expect(wholeEntryRefusal(50_000, { amountFen: 50_000, kind: "DISBURSEMENT" })).toBeNull());
  it("refuses more than was paid, saying so", () => {
    const p = wholeEntryRefusal(80_000, { amountFen: 50_000, kind: "DISBURSEMENT" });
    expect(p?.zh).toContain("该笔支出 500.00 元，不能冲正 800.00 元，冲正金额不能超过原支出");
  });
  it("refuses part of it", () => expect(wholeEntryRefusal(10_000, { amountFen: 50_000, kind: "DISBURSEMENT" })?.zh).toContain("不能部分冲正"));
});

describe("income already spent", () => {
  const income = { id: 3, source: "DONATION" as const, amountFen: 50_000, balanceFen: 18_000 };
  it("is refused with the figures that explain why", () => {
    const p = incomeReversalRefusal(income, null);
    expect(p?.code).toBe("income_spent");
    expect(p?.zh).toContain("该笔收入 500.00 元已有 320.00 元被支出，「社会捐赠」当前余额 180.00 元，冲正后将为 -320.00 元");
  });
  it("is allowed while the balance still covers it", () => expect(incomeReversalRefusal({ ...income, balanceFen: 50_000 }, null)).toBeNull());
  it("counts the corrected income of the same source first", () => {
    expect(incomeReversalRefusal(income, { source: "DONATION", amountFen: 45_000 })).toBeNull();
    expect(incomeReversalRefusal(income, { source: "DONATION", amountFen: 10_000 })?.zh).toContain("冲正后将为 -220.00 元（含更正后的收入 100.00 元）");
    expect(incomeReversalRefusal(income, { source: "PARTY_FEE", amountFen: 45_000 })?.code).toBe("income_spent");
  });
  it("a correction must change something", () => {
    expect(replacementRefusal({ source: "DONATION", amountFen: 50_000, payer: "李" }, { source: "DONATION", amountFen: 50_000, payer: "李" })?.code).toBe("same_figures");
    expect(replacementRefusal({ source: "DONATION", amountFen: 50_000, payer: "李" }, { source: "DONATION", amountFen: 50_000, payer: "王" })).toBeNull();
  });
});

describe("the reason", () => {
  it("is required", () => expect(checkReason("  ")).toMatchObject({ ok: false, problem: { code: "reason_missing" } }));
  it("is trimmed", () => expect(checkReason(" 重复发放 ")).toEqual({ ok: true, value: "重复发放" }));
  it("is short", () => expect(checkReason("字".repeat(201))).toMatchObject({ ok: false, problem: { code: "reason_too_long" } }));
});

describe("冲正 typed in chat", () => {
  it.each([
    ["2026-0001 重复发放", { target: { kind: "request", number: "2026-0001" }, amountFen: null, reason: "重复发放" }],
    ["2026-1", { target: { kind: "request", number: "2026-0001" }, amountFen: null, reason: "" }],
    ["#12 金额录错 应为450", { target: { kind: "entry", id: 12 }, amountFen: null, reason: "金额录错 应为450" }],
    ["流水12 录错", { target: { kind: "entry", id: 12 }, amountFen: null, reason: "录错" }],
    ["2026-0001 800 多发", { target: { kind: "request", number: "2026-0001" }, amountFen: 80_000, reason: "多发" }],
  ])("reads %j", (args, value) => expect(parseReversalCommand(args)).toEqual({ ok: true, value }));
  it.each(["", "张三 原因", "2026 原因"])("refuses %j with the usage", (args) => expect(parseReversalCommand(args).ok).toBe(false));
});

describe("the ledger's arithmetic", () => {
  it("income - paid + paid back - income taken back, per source", () => {
    expect(
      ledgerBalances([
        { source: "PARTY_FEE", kind: "INCOME", amountFen: 100_000, reverses: null },
        { source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 30_000, reverses: null },
        { source: "PARTY_FEE", kind: "REVERSAL", amountFen: 30_000, reverses: "DISBURSEMENT" },
        { source: "DONATION", kind: "INCOME", amountFen: 5_000, reverses: null },
        { source: "DONATION", kind: "REVERSAL", amountFen: 5_000, reverses: "INCOME" },
      ]),
    ).toEqual({ LOCAL_FINANCE: 0, PARTY_FEE: 100_000, DONATION: 0 });
    expect(entryDirection({ kind: "REVERSAL", reverses: "DISBURSEMENT" })).toBe("in");
    expect(entryDirection({ kind: "REVERSAL", reverses: "INCOME" })).toBe("out");
  });

  it("收支公开 shows reversals and closes net of them", () => {
    const s = (source: LedgerSum["source"], kind: LedgerSum["kind"], totalFen: number, count: number, reverses: LedgerSum["reverses"] = null): LedgerSum => ({ source, kind, reverses, totalFen, count });
    const { rows, total } = yearSummary(
      [s("PARTY_FEE", "INCOME", 100_000, 1), s("PARTY_FEE", "DISBURSEMENT", 20_000, 1), s("PARTY_FEE", "REVERSAL", 20_000, 1, "DISBURSEMENT")],
      [s("PARTY_FEE", "DISBURSEMENT", 30_000, 1), s("PARTY_FEE", "REVERSAL", 30_000, 1, "DISBURSEMENT"), s("DONATION", "INCOME", 9_000, 2), s("DONATION", "REVERSAL", 5_000, 1, "INCOME")],
    );
    expect(rows.find((r) => r.source === "PARTY_FEE")).toMatchObject({ openingFen: 100_000, disbursedFen: 30_000, reversedPaidFen: 30_000, reversedPaidCount: 1, closingFen: 100_000 });
    expect(rows.find((r) => r.source === "DONATION")).toMatchObject({ incomeFen: 9_000, reversedIncomeFen: 5_000, reversedIncomeCount: 1, closingFen: 4_000 });
    expect(total).toMatchObject({ closingFen: 104_000, reversedPaidCount: 1, reversedIncomeCount: 1 });
  });
});
