// Sample data for the work-care cards (培训支持、培训记录、就业帮扶、表彰、提问、我的), for the
// sandbox's render test through cards/catalog.ts.
import type { WorkFigures } from "../src/domain/work-report.ts";
import type { Card } from "./kit.ts";

export const WORK_FIGURES_SAMPLE: WorkFigures = {
  training: {
    year: 2027,
    members: 16,
    trained: 11,
    workers: 2,
    workersTrained: 2,
    byTopic: { THEORY: 9, LAW: 6, MARKET_ECONOMY: 0, PRACTICAL_SKILLS: 4, PARTY_AFFAIRS: 2, OTHER: 0 },
    sessionsInPeriod: 3,
    untrained: ["周八", "吴九", "郑十", "王婆婆", "李四"],
    applications: { filed: 2, approved: 1, subsidyFen: 80000 },
  },
  employment: {
    open: [{ memberName: "李四", leaderName: "陈芳", openedOn: "2027-01-10", daysOpen: 80, lastCheckInOn: "2027-03-10", pushes: 3 }],
    openedInPeriod: 2,
    employedInPeriod: 1,
    postingsInPeriod: 4,
  },
};

export const WORK_CARDS: Record<string, () => Card> = {};
