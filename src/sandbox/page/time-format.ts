// Times on the page in Beijing time and ISO order (2026-12-03 09:00), whatever the browser's
// locale: Intl and date inputs follow the reader's locale (12/03/2026 in an English browser),
// and a demo compared with the bot's cards and logs needs one way of writing a date.
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** "2026-12-03 09:00" in Beijing time. */
export function beijingDateTime(at: Date | number | string): string {
  return new Date(new Date(at).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** "2026-12-03" in Beijing time. */
export function beijingDate(at: Date | number | string): string {
  return beijingDateTime(at).slice(0, 10);
}

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/** 星期四, of the Beijing date. */
export function beijingWeekday(at: Date | number | string): string {
  return WEEKDAYS[new Date(new Date(at).getTime() + BEIJING_OFFSET_MS).getUTCDay()]!;
}
