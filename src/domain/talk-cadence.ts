// When a member is owed a talk (谈心谈话). Every member talks with a leader at least once per
// cadence (a branch setting: yearly by default, quarterly for members in the hardship archive).
// The clock starts at the last talk, or, for a member with none on record, at the day they
// joined the branch's roster. The sweep's SQL computes the same due date set-based; the tests
// check both against each other.
import { addDays, addMonths, type Day, daysBetween } from "./calendar-day.ts";

export interface TalkRules {
  /** Months between talks for every member. */
  cadenceMonths: number;
  /** Months between talks for a member with an active hardship-archive entry. */
  hardshipCadenceMonths: number;
  /** A talk due within this many days is listed in the leader's digest. */
  dueSoonDays: number;
  /** Overdue beyond this many days also goes to the branch secretary. */
  graceDays: number;
  /** An urgent talk (help request, 困难上报) is due this many days after it is opened. */
  urgentDueDays: number;
  /** Follow-ups due within this many days are listed in the digest. */
  followUpSoonDays: number;
}

export const DEFAULT_TALK_RULES: TalkRules = Object.freeze({
  cadenceMonths: 12,
  hardshipCadenceMonths: 3,
  dueSoonDays: 14,
  graceDays: 30,
  urgentDueDays: 3,
  followUpSoonDays: 3,
});

export function talkDueOn(m: { lastTalkOn: Day | null; since: Day; inHardship: boolean }, rules: TalkRules): Day {
  return addMonths(m.lastTalkOn ?? m.since, m.inHardship ? rules.hardshipCadenceMonths : rules.cadenceMonths);
}

/** current: nothing to do yet; soon: due within dueSoonDays (or today); overdue; escalated: overdue beyond the grace period. */
export type TalkStanding = "current" | "soon" | "overdue" | "escalated";

export function talkStanding(dueOn: Day, today: Day, rules: TalkRules): TalkStanding {
  const left = daysBetween(today, dueOn);
  if (left > rules.dueSoonDays) return "current";
  if (left >= 0) return "soon";
  return -left > rules.graceDays ? "escalated" : "overdue";
}

export function urgentDueOn(openedOn: Day, rules: TalkRules): Day {
  return addDays(openedOn, rules.urgentDueDays);
}

/**
 * The day before an urgent talk falls due, the leader is reminded again; not when that is the
 * day the task was opened (they were just told).
 */
export function urgentReminderDay(t: { openedOn: Day; dueOn: Day }): Day | null {
  const day = addDays(t.dueOn, -1);
  return day > t.openedOn ? day : null;
}
