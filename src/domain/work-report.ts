// The work-care part of the branch analysis (定期分析): training coverage of members and affairs
// workers over the year so far, and the employment cases still open. Data and arithmetic only.
import { type Day, daysBetween } from "./calendar-day.ts";
import { TRAINING_TOPICS, type TrainingTopic } from "./training-rules.ts";

export interface OpenCaseFigure {
  memberName: string;
  leaderName: string | null;
  openedOn: Day;
  daysOpen: number;
  lastCheckInOn: Day | null;
  pushes: number;
}

export interface WorkFigures {
  training: {
    /** Coverage counts attendance from 1 January of the period's year to asOf. */
    year: number;
    members: number;
    trained: number;
    workers: number;
    workersTrained: number;
    /** People trained per topic over the same span. */
    byTopic: Record<TrainingTopic, number>;
    sessionsInPeriod: number;
    /** Members with no training this year, by name (the ledger lists them). */
    untrained: string[];
    applications: { filed: number; approved: number; subsidyFen: number };
  };
  employment: {
    open: OpenCaseFigure[];
    openedInPeriod: number;
    employedInPeriod: number;
    postingsInPeriod: number;
  };
}

/** Percent with one decimal; an empty group counts as fully covered (nothing is owed). */
export function percent(part: number, whole: number): number {
  if (whole === 0) return 100;
  return Math.round((part / whole) * 1000) / 10;
}

export const emptyTopics = (): Record<TrainingTopic, number> => Object.fromEntries(TRAINING_TOPICS.map((t) => [t, 0])) as Record<TrainingTopic, number>;

export function openCaseFigure(c: { memberName: string; leaderName: string | null; openedOn: Day; lastCheckInOn: Day | null; pushes: number }, asOf: Day): OpenCaseFigure {
  return { ...c, daysOpen: daysBetween(c.openedOn, asOf) };
}
