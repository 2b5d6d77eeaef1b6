import { describe, expect, it } from "vitest";
import { fenToInput, formatFen, parseYuan, yuanText } from "../../src/domain/money.ts";

const fen = (raw: unknown) => {
  const r = parseYuan(raw);
  return r.ok ? r.value : r.problem.code;
};

describe("parseYuan", () => {
  it.each([
    ["500", 50000],
    ["500.5", 50050],
    ["500.50", 50050],
    ["0.29", 29],
    ["0.01", 1],
    ["1,200.50", 120050],
    ["1,234,567", 123456700],
    ["10000000", 1000000000],
    ["￥300元", 30000],
    ["¥ 300", 30000],
    ["人民币 88 元", 8800],
    ["３００", 30000],
    ["１２．５", 1250],
    ["  42  ", 4200],
    ["+7", 700],
    ["007", 700],
    ["5.", 500],
  ])("reads %s as %i fen", (raw, expected) => {
    expect(fen(raw)).toBe(expected);
  });

  it.each([
    ["", "amount_missing"],
    ["   ", "amount_missing"],
    [undefined, "amount_missing"],
    ["-5", "amount_negative"],
    ["－5", "amount_negative"],
    ["0", "amount_zero"],
    ["0.00", "amount_zero"],
    ["abc", "amount_not_number"],
    ["1e5", "amount_not_number"],
    ["1,2345", "amount_not_number"],
    ["12.345", "amount_precision"],
    ["NaN", "amount_not_number"],
    ["Infinity", "amount_not_number"],
    ["123456789", "amount_too_large"],
    ["10000001", "amount_too_large"],
    [100, "amount_type"],
    [{ v: 1 }, "amount_type"],
  ])("refuses %j (%s)", (raw, code) => {
    expect(fen(raw)).toBe(code);
  });

  it("says in Chinese what to fix, naming the field", () => {
    const r = parseYuan("-3", { zh: "批准金额", en: "amount" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.zh).toBe("批准金额不能为负数，请填写大于 0 的金额。");
      expect(r.problem.en).toContain("cannot be negative");
    }
  });
});

describe("formatting", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [29, "0.29"],
    [120050, "1,200.50"],
    [123456789, "1,234,567.89"],
    [-150, "-1.50"],
  ])("formatFen(%i) = %s", (f, s) => expect(formatFen(f)).toBe(s));

  it("yuanText and fenToInput", () => {
    expect(yuanText(50000)).toEqual({ zh: "500.00 元", en: "CNY 500.00" });
    expect(fenToInput(50000)).toBe("500");
    expect(fenToInput(123456)).toBe("1234.56");
    expect(fen(fenToInput(123456))).toBe(123456);
  });
});
