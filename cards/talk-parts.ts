// Pieces the talk cards share: a row with a button on its right, and the words for dates,
// standings and reasons, in Chinese and English.
import { type Day } from "../src/domain/calendar-day.ts";
import { dateWords } from "../src/domain/date-words.ts";
import type { TalkStanding } from "../src/domain/talk-cadence.ts";
import { button, md, type Element, type Text } from "./kit.ts";

/** A line of text with one button at the right, as in a to-do list. */
export function rowWithButton(text: Text, btn: Parameters<typeof button>[0]): Element {
  return {
    tag: "column_set",
    flex_mode: "none",
    horizontal_spacing: "8px",
    columns: [
      { tag: "column", width: "weighted", weight: 1, vertical_align: "center", elements: [md(text)] },
      { tag: "column", width: "auto", vertical_align: "center", elements: [button({ type: "primary", ...btn })] },
    ],
  };
}

export const TALK_FORM_LABEL: Record<"IN_PERSON" | "PHONE" | "VIDEO", Text> = {
  IN_PERSON: { zh: "面谈", en: "in person" },
  PHONE: { zh: "电话", en: "phone" },
  VIDEO: { zh: "视频", en: "video" },
};

export const CONCERN_AREA_LABEL: Record<"THINKING" | "WORK" | "LIFE", Text> = {
  THINKING: { zh: "思想", en: "thinking" },
  WORK: { zh: "工作", en: "work" },
  LIFE: { zh: "生活", en: "life" },
};

export function reasonLabel(reason: string): Text {
  if (reason === "AID_REQUEST") return { zh: "提交了求助", en: "filed a help request" };
  if (reason === "FLAGGED") return { zh: "困难上报", en: "flagged a major difficulty" };
  return { zh: reason, en: reason };
}

/** A day as the talk cards show it: with its year unless it is in `today`'s (date-words.ts). */
export function dayText(day: Day, today?: Day): Text {
  return dateWords(day, today);
}

export function lastTalkText(lastTalkOn: Day | null, today?: Day): Text {
  if (!lastTalkOn) return { zh: "尚无谈心记录", en: "no talk on record" };
  const d = dayText(lastTalkOn, today);
  return { zh: `上次谈心 ${d.zh}`, en: `last talk ${d.en}` };
}

/**
 * "还有 5 天到期" / "逾期 3 天" for a talk due on dueOn, seen on `today`. A view drawn on request
 * also says how far a date comfortably ahead is; a pushed digest keeps to the date.
 */
export function standingText(standing: TalkStanding, daysLeft: number, dueOn: Day, today?: Day, onRequest = false): Text {
  const d = dayText(dueOn, today);
  if (standing === "current") {
    return onRequest ? { zh: `${d.zh}前完成即可（还有 ${daysLeft} 天）`, en: `due by ${d.en} (in ${daysLeft} days)` } : { zh: `${d.zh}前完成即可`, en: `due by ${d.en}` };
  }
  if (standing === "soon") return daysLeft === 0 ? { zh: "今天到期", en: "due today" } : { zh: `${d.zh}到期（还有 ${daysLeft} 天）`, en: `due ${d.en} (in ${daysLeft} days)` };
  const late = -daysLeft;
  if (standing === "overdue") return { zh: `已逾期 ${late} 天（应于${d.zh}前）`, en: `${late} days overdue (due ${d.en})` };
  return { zh: `已逾期 ${late} 天，已告知支部书记`, en: `${late} days overdue; the secretary has been told` };
}

export const STANDING_MARK: Record<TalkStanding, string> = { current: "🟢", soon: "🟡", overdue: "🟠", escalated: "🔴" };

export function joinLines(lines: Text[]): Text {
  return { zh: lines.map((l) => l.zh).join("\n"), en: lines.map((l) => l.en).join("\n") };
}
