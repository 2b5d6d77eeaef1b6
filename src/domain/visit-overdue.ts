// When an open visit task nags its visitor and when it goes to the secretary. Derived from the
// due date and today only, so a sweep that runs twice on a day decides the same thing twice.
import { daysBetween } from "./calendar-day.ts";

export interface OverdueStep {
  daysLate: number;
  /** Today is a reminder day for the visitor: the day after the due date, then every n days. */
  remind: boolean;
  /** Late enough to be escalated to the secretary (once: the task records when). */
  escalate: boolean;
}

export function overdueStep(dueOn: string, today: string, s: { remindEveryDays: number; escalateAfterDays: number }): OverdueStep {
  const daysLate = daysBetween(dueOn, today);
  return {
    daysLate,
    remind: daysLate >= 1 && (daysLate - 1) % s.remindEveryDays === 0,
    escalate: daysLate >= s.escalateAfterDays,
  };
}
