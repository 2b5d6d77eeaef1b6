// Cell values as a secretary types them, normalised to what the store keeps. Each function
// returns the value or a Chinese message saying what to fix; rows.ts wraps them in zod.
import type { Cell } from "./parse.ts";
import { dateToDay } from "../domain/calendar-day.ts";

export type CellRead<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): CellRead<T> => ({ ok: true, value });
const bad = (message: string): CellRead<never> => ({ ok: false, message });

/** What the cell shows, trimmed; "" for an empty cell. Excel dates show as YYYY-MM-DD. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return dateToDay(c);
  return String(c).replace(/\u00a0/g, " ").trim();
}

/** Mainland mobile numbers only: Lark's batch_get_id takes them without a country code. */
export function parseMobile(raw: string): CellRead<string> {
  if (/^\d(\.\d+)?e\+\d+$/i.test(raw)) {
    return bad(`手机号“${raw}”被 Excel 写成了科学计数法：请把该列设为“文本”后重新填写`);
  }
  const digits = raw.replace(/[\s\-()（）]/g, "").replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
  if (!/^1[3-9]\d{9}$/.test(digits)) return bad(`手机号“${raw}”不是11位手机号`);
  return ok(digits);
}

/** A person named in a cell (联系领导, 谈心人, 结对人): an 11-digit mobile, otherwise a name. */
export type PersonRef = { readonly text: string } & ({ readonly mobile: string } | { readonly name: string });

export function parsePersonRef(text: string): CellRead<PersonRef> {
  const m = parseMobile(text);
  return ok(m.ok ? { text, mobile: m.value } : { text, name: text });
}

/** Lower-cased: Lark and people treat e-mail addresses case-insensitively. */
export function parseEmail(raw: string): CellRead<string> {
  const email = raw.replace(/^mailto:/i, "").trim().toLowerCase();
  if (!/^[^\s@，,；;]+@[^\s@，,；;]+\.[^\s@，,；;]+$/.test(email)) return bad(`邮箱“${raw}”格式不对`);
  return ok(email);
}

/** Organisation codes are typed into scripts and URLs: keep them plain. */
export function parseCode(raw: string, label: string): CellRead<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(raw)) {
    return bad(`${label}“${raw}”只能由字母、数字和 - _ . 组成（不超过64个字符）`);
  }
  return ok(raw);
}

/** "党员、支委", "党员,支委", "党员；支委" and "党员 支委" all list two names. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[、,，;；/／\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Excel date cells arrive as Dates at UTC midnight of the shown day; text dates in the usual
 * Chinese forms; bare numbers as YYYYMMDD or an Excel serial (a date cell formatted as 常规).
 */
export function parseDate(c: Cell, label: string, today: string): CellRead<string> {
  let iso: string | undefined;
  const shown = cellText(c);
  if (c instanceof Date) {
    iso = Number.isNaN(c.getTime()) ? undefined : dateToDay(c);
  } else if (typeof c === "number") {
    if (/^\d{8}$/.test(String(c))) iso = fromParts(String(c).slice(0, 4), String(c).slice(4, 6), String(c).slice(6));
    else if (c >= 1 && c < 100_000) iso = dateToDay(new Date(EXCEL_EPOCH_MS + Math.floor(c) * 86_400_000));
  } else {
    const m =
      /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(shown) ??
      /^(\d{4})(\d{2})(\d{2})$/.exec(shown);
    if (m) iso = fromParts(m[1]!, m[2]!, m[3]!);
  }
  if (!iso) return bad(`${label}“${shown}”不是有效日期，请写成 YYYY-MM-DD，例如 1965-07-01`);
  if (iso > today) return bad(`${label}“${iso}”晚于今天，请核对`);
  if (iso < "1900-01-01") return bad(`${label}“${iso}”早于1900年，请核对`);
  return ok(iso);
}

/** Rejects 2月30日 and the like by round-tripping through Date. */
function fromParts(y: string, m: string, d: string): string | undefined {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return undefined;
  }
  return dateToDay(date);
}
