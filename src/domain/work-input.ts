// Form values of the work-care flows (training, employment, commendation), checked into domain
// values or into a Chinese sentence saying what to fix. Pure; the handlers turn a problem into
// the toast (src/bot/errors.ts `must`).
import { parseDay } from "./calendar-day.ts";
import { problem, type Parsed } from "./problem.ts";
import type { Text } from "./text.ts";

/** A single or multi select: Lark sends a string or an array of strings. */
export function checkChoices<T extends string>(raw: unknown, options: readonly T[], what: Text, opts: { min: number }): Parsed<T[]> {
  const list = Array.isArray(raw) ? raw : typeof raw === "string" && raw !== "" ? [raw] : [];
  if (list.length < opts.min) return { ok: false, problem: problem("choice_missing", `请至少选择一项${what.zh}。`, `Please choose at least one ${what.en}.`) };
  if (list.some((c) => !(options as readonly unknown[]).includes(c))) {
    return { ok: false, problem: problem("choice_bad", `${what.zh}选项无效，请重新选择。`, `A ${what.en} is not one of the options; choose again.`) };
  }
  return { ok: true, value: [...new Set(list as T[])] };
}

/** A day from a date picker ("2026-03-05 +0800") or typed ("2026/3/5"). */
export function checkDay(raw: unknown, what: Text): Parsed<string> {
  if (typeof raw !== "string" || raw.trim() === "") return { ok: false, problem: problem("date_missing", `请选择${what.zh}。`, `Please choose the ${what.en}.`) };
  const d = parseDay(raw);
  if (!d) return { ok: false, problem: problem("date_bad", `${what.zh}格式不正确，请选择日期（例如 2026-09-30）。`, `The ${what.en} is not a date (e.g. 2026-09-30).`) };
  return { ok: true, value: d };
}

/** A whole number of hours, optional: empty is null. */
export function checkHours(raw: unknown): Parsed<number | null> {
  const s = typeof raw === "string" ? raw.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(?:学时|小时|h)$/i, "") : "";
  if (s === "") return { ok: true, value: null };
  if (!/^\d{1,4}$/.test(s) || Number(s) === 0 || Number(s) > 1000) return { ok: false, problem: problem("hours_bad", "学时须为 1 至 1000 的整数，可不填。", "Hours must be a whole number from 1 to 1000, or empty.") };
  return { ok: true, value: Number(s) };
}
