// When the bot may push on its own: on working days (sweeps) and outside each branch's night
// hours (everything it sends unasked). Answers to a user's own command are never held back.
import { type Day } from "../domain/calendar-day.ts";
import { dayIn, minuteOfDayIn } from "../domain/zoned-time.ts";
import { isNight, isWorkingDay } from "../domain/working-days.ts";
import type { BranchRules } from "../store/branch-rules.ts";

export interface PushWindow {
  today: Day;
  minute: number;
  workingDay: boolean;
}

export function pushWindow(now: Date, timeZone: string): PushWindow {
  const today = dayIn(now, timeZone);
  return { today, minute: minuteOfDayIn(now, timeZone), workingDay: isWorkingDay(today) };
}

/** Organisations (of the given kinds) whose night hours do not cover this minute. */
export function awake(rules: Map<number, BranchRules>, w: PushWindow, kinds: BranchRules["kind"][] = ["BRANCH"]): BranchRules[] {
  return [...rules.values()].filter((b) => kinds.includes(b.kind) && !isNight(w.minute, b.night));
}
