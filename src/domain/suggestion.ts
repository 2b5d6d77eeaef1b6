// 意见建议 (参与权, 监督权): a member's suggestion, opinion or criticism to the branch, named or
// anonymous, and the rules for it: the kinds, how long a text may be, who answers, and when an
// open one is reminded. Pure.
import { addDays, type Day } from "./calendar-day.ts";
import { problem, type Parsed } from "./problem.ts";
import type { Text } from "./text.ts";
import type { WorkingDays } from "./working-days.ts";

export const SUGGESTION_KINDS = ["SUGGESTION", "OPINION", "CRITICISM"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const SUGGESTION_KIND_LABEL: Record<SuggestionKind, Text> = {
  SUGGESTION: { zh: "建议", en: "suggestion" },
  OPINION: { zh: "意见", en: "opinion" },
  CRITICISM: { zh: "批评", en: "criticism" },
};

/** How a member puts it: with their name, or so that nobody can find it (docs/privacy.md). */
export const SUGGESTION_WHO = ["anonymous", "named"] as const;
export type SuggestionWho = (typeof SUGGESTION_WHO)[number];

export const SUGGESTION_BODY_MIN = 5;
export const SUGGESTION_BODY_MAX = 1000;
export const SUGGESTION_ANSWER_MAX = 1000;

/** Working days an item may stay open before the branch's secretaries are reminded (once). */
export const SUGGESTION_REMIND_AFTER_WORKING_DAYS = 5;

/** A suggestion's text: trimmed, at least a few characters, at most SUGGESTION_BODY_MAX. */
export function checkSuggestionBody(raw: unknown): Parsed<string> {
  const s = typeof raw === "string" ? raw.trim() : raw === undefined || raw === null ? "" : null;
  if (s === null) return { ok: false, problem: problem("suggestion_type", "意见建议的内容格式不正确。", "The text is not text.") };
  if (s === "") return { ok: false, problem: problem("suggestion_missing", "请填写意见建议的内容。", "Please write your suggestion.") };
  if ([...s].length < SUGGESTION_BODY_MIN) return { ok: false, problem: problem("suggestion_short", `意见建议请至少写 ${SUGGESTION_BODY_MIN} 个字，说清楚是什么事。`, `Please write at least ${SUGGESTION_BODY_MIN} characters.`) };
  if ([...s].length > SUGGESTION_BODY_MAX) {
    return { ok: false, problem: problem("suggestion_long", `意见建议不能超过 ${SUGGESTION_BODY_MAX} 字（现有 ${[...s].length} 字）。`, `Please keep it under ${SUGGESTION_BODY_MAX} characters.`) };
  }
  return { ok: true, value: s };
}

/** A secretary's answer: required, at most SUGGESTION_ANSWER_MAX. */
export function checkSuggestionAnswer(raw: unknown): Parsed<string> {
  const s = typeof raw === "string" ? raw.trim() : "";
  if (s === "") return { ok: false, problem: problem("answer_missing", "请填写答复内容。", "Please write the answer.") };
  if ([...s].length > SUGGESTION_ANSWER_MAX) {
    return { ok: false, problem: problem("answer_long", `答复不能超过 ${SUGGESTION_ANSWER_MAX} 字（现有 ${[...s].length} 字）。`, `Please keep the answer under ${SUGGESTION_ANSWER_MAX} characters.`) };
  }
  return { ok: true, value: s };
}

/** Working days after `from` up to and including `today`. */
export function workingDaysOpen(calendar: WorkingDays, from: Day, today: Day): number {
  let n = 0;
  for (let d = addDays(from, 1), i = 0; d <= today && i < 400; d = addDays(d, 1), i++) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** Whether an item opened on `openedOn` and still open is owed its one reminder today. */
export function suggestionReminderDue(calendar: WorkingDays, openedOn: Day, today: Day, reminded: boolean): boolean {
  return !reminded && workingDaysOpen(calendar, openedOn, today) >= SUGGESTION_REMIND_AFTER_WORKING_DAYS;
}
