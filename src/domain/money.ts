// Money is integer fen (分) everywhere except on screen. People type yuan ("500", "1,200.5",
// "￥300元", full-width digits); this turns that into fen or into a Chinese sentence saying what
// to fix. No floating point: "0.29" must be 29 fen, not 28.999….

import { problem, type Parsed, type Problem } from "./problem.ts";

const fail = (code: string, zh: string, en: string): { ok: false; problem: Problem } => ({ ok: false, problem: problem(code, zh, en) });

/** The largest amount one ledger line may carry: the column is a 32-bit integer of fen. */
export const MAX_ENTRY_FEN = 1_000_000_000; // 1,000 万元

function normalise(raw: string): string {
  return raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[－—–]/g, "-")
    .replace(/\s+/g, "")
    .replace(/^(?:人民币|RMB|CNY)/i, "")
    .replace(/^[¥￥]/, "")
    .replace(/(?:元|块|RMB|CNY)$/i, "")
    .replace(/[,，](?=\d{3}(?:\D|$))/g, "");
}

/** Parses an amount typed in yuan into positive integer fen. */
export function parseYuan(raw: unknown, what: { zh: string; en: string } = { zh: "金额", en: "amount" }): Parsed<number> {
  if (raw === undefined || raw === null) return fail("amount_missing", `请填写${what.zh}（元）。`, `Please enter the ${what.en} in yuan.`);
  if (typeof raw !== "string") return fail("amount_type", `${what.zh}格式不正确，请填写数字，例如 500 或 500.50。`, `The ${what.en} must be a number such as 500 or 500.50.`);
  const s = normalise(raw);
  if (s === "") return fail("amount_missing", `请填写${what.zh}（元）。`, `Please enter the ${what.en} in yuan.`);
  if (/^-/.test(s)) return fail("amount_negative", `${what.zh}不能为负数，请填写大于 0 的金额。`, `The ${what.en} cannot be negative; enter an amount above 0.`);
  if (/^\+?\d+\.\d{3,}$/.test(s)) return fail("amount_precision", `${what.zh}最多保留两位小数（精确到分）。`, `The ${what.en} can have at most two decimals (fen).`);
  const m = /^\+?(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return fail("amount_not_number", `${what.zh}「${raw.slice(0, 20)}」不是数字，请填写例如 500 或 500.50。`, `The ${what.en} "${raw.slice(0, 20)}" is not a number; enter e.g. 500 or 500.50.`);
  const yuanDigits = (m[1] ?? "").replace(/^0+(?=\d)/, "");
  if (yuanDigits.length > 8) return fail("amount_too_large", `${what.zh}过大，请核对后重新填写。`, `The ${what.en} is too large; please check it.`);
  const fen = Number(yuanDigits) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (fen === 0) return fail("amount_zero", `${what.zh}须大于 0。`, `The ${what.en} must be more than 0.`);
  if (fen > MAX_ENTRY_FEN) return fail("amount_too_large", `${what.zh}过大，请核对后重新填写。`, `The ${what.en} is too large; please check it.`);
  return { ok: true, value: fen };
}

/** 123456 -> "1,234.56" */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** 123456 -> {zh: "1,234.56 元", en: "CNY 1,234.56"} */
export function yuanText(fen: number): { zh: string; en: string } {
  const f = formatFen(fen);
  return { zh: `${f} 元`, en: `CNY ${f}` };
}

/** Fen as a plain yuan string for a form's default value: 50000 -> "500", 1234 -> "12.34". */
export function fenToInput(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : formatFen(fen).replace(/,/g, "");
}
