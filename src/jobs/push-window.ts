// When the bot may push on its own: on working days of the database calendar (the official
// schedule the top organisation entered, or the library's) and outside each branch's night
// hours (everything it sends unasked). Answers to a user's own command are never held back.
import { type Day } from "../domain/calendar-day.ts";
import { dayIn, minuteOfDayIn } from "../domain/zoned-time.ts";
import { isNight, type WorkingDays } from "../domain/working-days.ts";
import type { BranchRules } from "../store/branch-rules.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface PushWindow {
  today: Day;
  minute: number;
  workingDay: boolean;
  /** The calendar this run decides by, read once for the whole run. */
  calendar: WorkingDays;
}

export function pushWindow(now: Date, timeZone: string, calendar: WorkingDays): PushWindow {
  const today = dayIn(now, timeZone);
  return { today, minute: minuteOfDayIn(now, timeZone), workingDay: calendar.isWorkingDay(today), calendar };
}

/** The task run's window: its clock, its zone, and the calendar read from the database once. */
export async function pushWindowOf(d: Pick<TaskDeps, "clock" | "config" | "store">): Promise<PushWindow> {
  return pushWindow(d.clock.now(), d.config.timezone, await d.store.calendar.workingDays());
}

/** Organisations (of the given kinds) whose night hours do not cover this minute. */
export function awake(rules: Map<number, BranchRules>, w: PushWindow, kinds: BranchRules["kind"][] = ["BRANCH"]): BranchRules[] {
  return [...rules.values()].filter((b) => kinds.includes(b.kind) && !isNight(w.minute, b.night));
}
