// Dynamic management (动态管理) of the hardship archive: every active entry has a next review
// day. The secretary gets a review card some days before it; a review still not done some days
// after it goes to the upper organisation.
import { addMonths, daysBetween, type Day } from "./calendar-day.ts";

export interface ReviewRules {
  /** Days before nextReviewOn that the review card goes out. */
  leadDays: number;
  /** Days after nextReviewOn that an undone review is escalated upward. */
  escalateAfterDays: number;
  /** Suggested months to the next review when an entry is kept. */
  intervalMonths: number;
}

export const DEFAULT_REVIEW_RULES: ReviewRules = Object.freeze({ leadDays: 7, escalateAfterDays: 7, intervalMonths: 6 });

/** later: not yet; due: the secretary's review card; escalate: also the upper organisation. */
export type ReviewStage = "later" | "due" | "escalate";

export function reviewStage(nextReviewOn: Day, today: Day, rules: ReviewRules): ReviewStage {
  const left = daysBetween(today, nextReviewOn);
  if (left > rules.leadDays) return "later";
  return -left > rules.escalateAfterDays ? "escalate" : "due";
}

export function suggestedNextReview(today: Day, rules: ReviewRules): Day {
  return addMonths(today, rules.intervalMonths);
}

/** A next review day must lie after today and within a year (the archive is reviewed at least yearly). */
export function nextReviewProblem(next: Day, today: Day): { zh: string; en: string } | null {
  if (next <= today) return { zh: "下次复核日期须晚于今天。", en: "The next review must be after today." };
  if (next > addMonths(today, 12)) return { zh: "下次复核日期不能晚于一年之后。", en: "The next review must be within a year." };
  return null;
}
