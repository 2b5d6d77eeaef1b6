// Dynamic management (动态管理) of the hardship archive: every active entry has a next review
// day. The secretary gets a review card some days before it; a review still not done some days
// after it goes to the upper organisation. (How far ahead the next review lies by level, and
// what a valid next review day is, are the archive's rules: hardship-rules.ts.)
import { type Day, daysBetween } from "./calendar-day.ts";

export interface ReviewRules {
  /** Days before nextReviewOn that the review card goes out. */
  leadDays: number;
  /** Days after nextReviewOn that an undone review is escalated upward. */
  escalateAfterDays: number;
}

export const DEFAULT_REVIEW_RULES: ReviewRules = Object.freeze({ leadDays: 7, escalateAfterDays: 7 });

/** later: not yet; due: the secretary's review card; escalate: also the upper organisation. */
export type ReviewStage = "later" | "due" | "escalate";

export function reviewStage(nextReviewOn: Day, today: Day, rules: ReviewRules): ReviewStage {
  const left = daysBetween(today, nextReviewOn);
  if (left > rules.leadDays) return "later";
  return -left > rules.escalateAfterDays ? "escalate" : "due";
}
