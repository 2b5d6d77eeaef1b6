// When a request left waiting is chased (催办), as Feishu Approval does: its deciders after two
// working days without a decision, the committee above the branch after five. Working days are
// the database calendar's (holidays and make-up working days), so a request filed before the
// Spring Festival is not chased during the break. Pure: the calendar and the times are the caller's.
import { addDays, type Day } from "./calendar-day.ts";
import type { WorkingDays } from "./working-days.ts";

/** Working days a request may wait before its deciders are reminded, and before the committee is told. */
export const REMIND_AFTER_WORKING_DAYS = 2;
export const ESCALATE_AFTER_WORKING_DAYS = 5;

/** Working days after `from` up to and including `today` (0 when today is `from` or before it). */
export function workingDaysAfter(calendar: WorkingDays, from: Day, today: Day): number {
  let n = 0;
  // A request waits weeks at most before someone acts; the bound keeps a bad date from looping.
  for (let d = addDays(from, 1), i = 0; d <= today && i < 400; d = addDays(d, 1), i++) if (calendar.isWorkingDay(d)) n++;
  return n;
}

export interface ChaseStep {
  waitedWorkingDays: number;
  remind: boolean;
  escalate: boolean;
}

/**
 * What a request waiting since `waitingSince` (the day it was filed, or the day the member last
 * answered a question) is owed today; each happens once (`reminded`, `escalated`).
 */
export function chaseStep(calendar: WorkingDays, waitingSince: Day, today: Day, done: { reminded: boolean; escalated: boolean }): ChaseStep {
  const waited = workingDaysAfter(calendar, waitingSince, today);
  return {
    waitedWorkingDays: waited,
    remind: !done.reminded && waited >= REMIND_AFTER_WORKING_DAYS,
    escalate: !done.escalated && waited >= ESCALATE_AFTER_WORKING_DAYS,
  };
}

/** The member may 催办 once a calendar day: the day they may next, or null when they may now. */
export function nextUrgeDay(lastUrged: Day | null, today: Day): Day | null {
  return lastUrged !== null && lastUrged >= today ? addDays(today, 1) : null;
}
