// The hardship-member archive (生产生活困难党员情况档案) under dynamic management: causes, a
// level, a next review date set by the level, and a history of every change. Pure rules only.
import { problem, type Parsed } from "./problem.ts";
import { addMonths, parseDay } from "./calendar-day.ts";
import type { AidCategory } from "./aid-rules.ts";
import type { Text } from "./text.ts";

export const HARDSHIP_CAUSES = ["OLD_AGE", "ILLNESS", "UNEMPLOYMENT", "DISASTER", "OTHER"] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];
export const CAUSE_LABEL: Record<HardshipCause, Text> = {
  OLD_AGE: { zh: "年老体弱", en: "old age / frailty" },
  ILLNESS: { zh: "疾病残疾", en: "illness / disability" },
  UNEMPLOYMENT: { zh: "失业", en: "unemployment" },
  DISASTER: { zh: "遭受灾害", en: "disaster" },
  OTHER: { zh: "其他", en: "other" },
};

export const HARDSHIP_LEVELS = ["GENERAL", "SERIOUS", "SPECIAL"] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];
export const LEVEL_LABEL: Record<HardshipLevel, Text> = {
  GENERAL: { zh: "一般困难", en: "general" },
  SERIOUS: { zh: "较重困难", en: "serious" },
  SPECIAL: { zh: "特别困难", en: "special" },
};

export const HARDSHIP_STATUS_LABEL: Record<"ACTIVE" | "RESOLVED", Text> = {
  ACTIVE: { zh: "在档", en: "active" },
  RESOLVED: { zh: "已解困", en: "resolved" },
};

export const HISTORY_LABEL: Record<string, Text> = {
  OPENED: { zh: "建档", en: "opened" },
  UPDATED: { zh: "更新", en: "updated" },
  REVIEWED: { zh: "复核", en: "reviewed" },
  RESOLVED: { zh: "解困销档", en: "resolved" },
  REFERRED: { zh: "转介", en: "referred" },
};

/** The worse the difficulty, the sooner it is looked at again. */
export const REVIEW_MONTHS: Record<HardshipLevel, number> = { SPECIAL: 3, SERIOUS: 6, GENERAL: 12 };

export function defaultNextReview(today: string, level: HardshipLevel): string {
  return addMonths(today, REVIEW_MONTHS[level]);
}

/** The cause an aid request suggests when an entry is opened from it. */
export function causeForCategory(category: AidCategory): HardshipCause {
  const map: Partial<Record<AidCategory, HardshipCause>> = { ILLNESS: "ILLNESS", EMPLOYMENT: "UNEMPLOYMENT", DISASTER: "DISASTER" };
  return map[category] ?? "OTHER";
}

/** A next review date: a real date, after today and within a year (the archive is reviewed at least yearly). */
export function checkNextReview(raw: unknown, today: string): Parsed<string> {
  if (typeof raw !== "string" || raw.trim() === "") return { ok: false, problem: problem("review_missing", "请选择下次复核日期。", "Please choose the next review date.") };
  const d = parseDay(raw);
  if (!d) return { ok: false, problem: problem("review_bad", "下次复核日期格式不正确，请选择日期（例如 2026-09-30）。", "The next review date is not a date (e.g. 2026-09-30).") };
  if (d <= today) return { ok: false, problem: problem("review_past", "下次复核日期须晚于今天。", "The next review date must be after today.") };
  if (d > addMonths(today, 12)) return { ok: false, problem: problem("review_far", "下次复核日期不能超过一年后，困难情况至少每年复核一次。", "The next review must be within a year.") };
  return { ok: true, value: d };
}

export function checkCauses(raw: unknown): Parsed<HardshipCause[]> {
  const list = Array.isArray(raw) ? raw : typeof raw === "string" && raw !== "" ? [raw] : [];
  if (list.length === 0) return { ok: false, problem: problem("causes_missing", "请至少选择一项困难原因。", "Please choose at least one cause.") };
  const bad = list.find((c) => !(HARDSHIP_CAUSES as readonly unknown[]).includes(c));
  if (bad !== undefined) return { ok: false, problem: problem("causes_bad", "困难原因选项无效，请重新选择。", "A cause is not one of the options; choose again.") };
  return { ok: true, value: [...new Set(list as HardshipCause[])] };
}

export const reviewOverdue = (nextReviewOn: string, today: string): boolean => nextReviewOn <= today;
