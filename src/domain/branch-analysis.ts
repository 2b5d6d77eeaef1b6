// The branch's periodic analysis (定期分析) of its care work, as data: what the `分析` card, the
// quarterly report and the .xlsx ledger (台账) all show. Only the arithmetic lives here.
import { type Day } from "./calendar-day.ts";
import type { WorkFigures } from "./work-report.ts";

export type ConcernArea = "THINKING" | "WORK" | "LIFE";

export interface BranchAnalysis {
  orgId: number;
  orgName: string;
  period: { label: string; start: Day; end: Day };
  /** The day the figures are as of: the period's end, or today while it runs. */
  asOf: Day;
  members: number;
  /** Members whose talk is not overdue on asOf. */
  current: number;
  overdue: { memberName: string; leaderName: string | null; dueOn: Day; daysLate: number }[];
  unassigned: number;
  talks: { count: number; members: number; byForm: Record<"IN_PERSON" | "PHONE" | "VIDEO", number> };
  concerns: Record<ConcernArea, number>;
  followUps: { open: number; overdue: number; doneInPeriod: number; items: { memberName: string; ownerName: string; description: string; dueOn: Day }[] };
  urgent: { opened: number; done: number; open: number };
  archive: { active: Record<"GENERAL" | "SERIOUS" | "SPECIAL", number>; resolved: number; resolvedInPeriod: number; reviewsOverdue: number };
  /** Aid paid out from 1 January of the period's year to asOf, by source, in fen. */
  aidPaid: { year: number; bySource: Record<"LOCAL_FINANCE" | "PARTY_FEE" | "DONATION", number>; totalFen: number };
  /** Training coverage and open employment cases (work-report.ts). */
  work: WorkFigures;
  /** 党员之间相互谈心 in the period: talks recorded, and members who took part on either side. */
  peerTalks?: { count: number; members: number };
  /** 意见建议: received (of them anonymous) and answered in the period, open as of its end. */
  suggestions?: SuggestionFigures;
}

/** 意见建议 counted for the analysis (src/store/suggestion-figures.ts). */
export interface SuggestionFigures {
  received: number;
  anonymous: number;
  answered: number;
  open: number;
}

/** Share of members whose talks are up to date, in percent with one decimal (100 for an empty branch). */
export function coveragePercent(current: number, members: number): number {
  if (members === 0) return 100;
  return Math.round((current / members) * 1000) / 10;
}

export function totalActive(a: BranchAnalysis["archive"]): number {
  return a.active.GENERAL + a.active.SERIOUS + a.active.SPECIAL;
}
