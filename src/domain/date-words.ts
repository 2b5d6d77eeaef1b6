// How a day reads on a card. A date in the year the reader is in needs no year ("12月3日"), any
// other shows it ("2027年12月3日"): "12月3日前完成即可" written for 2027 but read in December 2026
// was taken for today, and after New Year for a date already past. A view drawn on request also
// says how far the date is ("还有 12 天", "今天", "已逾期 3 天"); a pushed card keeps to the
// absolute date, because it is read days after it was sent and "还有 3 天" would then be wrong.
// Pure, no Intl: a digest sweep formats tens of thousands of dates.
import { type Day, daysBetween, weekday } from "./calendar-day.ts";
import type { Text } from "./text.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * "12月3日" / "Dec 3" when `today` is in the same year, else "2027年12月3日" / "Dec 3, 2027".
 * Without `today` (a card that does not know when it is read) the year is always shown.
 */
export function dateWords(day: Day, today?: Day): Text {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if (today !== undefined && today.slice(0, 4) === year) return { zh: `${month}月${date}日`, en: `${MONTHS[month - 1]} ${date}` };
  return { zh: `${year}年${month}月${date}日`, en: `${MONTHS[month - 1]} ${date}, ${year}` };
}

/** "周五" / "Fri". */
export function weekdayWords(day: Day): Text {
  const wd = weekday(day);
  return { zh: WEEKDAYS_ZH[wd]!, en: WEEKDAYS_EN[wd]! };
}

/** How far a deadline is: "今天", "明天", "还有 12 天", "已逾期 3 天". */
export function dueDistance(day: Day, today: Day): Text {
  const n = daysBetween(today, day);
  if (n === 0) return { zh: "今天", en: "today" };
  if (n === 1) return { zh: "明天", en: "tomorrow" };
  if (n > 1) return { zh: `还有 ${n} 天`, en: `in ${n} days` };
  return { zh: `已逾期 ${-n} 天`, en: `${-n} day${n === -1 ? "" : "s"} overdue` };
}

/** How long ago something happened: "今天", "昨天", "3 天前" (a future day reads "3 天后"). */
export function agoDistance(day: Day, today: Day): Text {
  const n = daysBetween(day, today);
  if (n === 0) return { zh: "今天", en: "today" };
  if (n === 1) return { zh: "昨天", en: "yesterday" };
  if (n > 1) return { zh: `${n} 天前`, en: `${n} days ago` };
  return { zh: `${-n} 天后`, en: `in ${-n} days` };
}

/** A deadline in a view drawn on request: "12月15日（还有 12 天）", "2027年1月5日（已逾期 3 天）". */
export function dueWords(day: Day, today: Day): Text {
  const d = dateWords(day, today);
  const far = dueDistance(day, today);
  return { zh: `${d.zh}（${far.zh}）`, en: `${d.en} (${far.en})` };
}

/** A past day in a view drawn on request: "11月30日（3 天前）". */
export function agoWords(day: Day, today: Day): Text {
  const d = dateWords(day, today);
  const far = agoDistance(day, today);
  return { zh: `${d.zh}（${far.zh}）`, en: `${d.en} (${far.en})` };
}

/** A span of days, the year said once: "2月5日至11日", "2027年2月5日至3月1日", "2026年12月31日至2027年1月2日". */
export function spanWords(from: Day, to: Day, today?: Day): Text {
  if (from === to) return dateWords(from, today);
  if (from.slice(0, 4) !== to.slice(0, 4)) {
    const [a, b] = [dateWords(from), dateWords(to)];
    return { zh: `${a.zh}至${b.zh}`, en: `${a.en} – ${b.en}` };
  }
  const a = dateWords(from, today);
  const b = dateWords(to, to);
  const zhTo = from.slice(5, 7) === to.slice(5, 7) ? `${Number(to.slice(8, 10))}日` : b.zh;
  const showYear = a.zh.includes("年");
  return { zh: `${a.zh}至${zhTo}`, en: `${dateWords(from, from).en} – ${b.en}${showYear ? `, ${from.slice(0, 4)}` : ""}` };
}
