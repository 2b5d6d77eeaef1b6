// Sample data for the year-end report's cards (年度报告 and its December reminder), for the
// sandbox's render test through cards/catalog.ts.
import { emptyFigures, reconcileFund, sumFigures, type YearFigures, type YearReport } from "../src/domain/year-report.ts";
import type { Card } from "./kit.ts";
import { yearReportCard, yearReportReminderCard } from "./year-report.ts";

function branchFigures(scale: number, agrees = true): YearFigures {
  const f = emptyFigures();
  f.talks = { due: 12 * scale, talkedWith: 11 * scale, held: 14 * scale, byForm: { IN_PERSON: 10 * scale, PHONE: 3 * scale, VIDEO: scale }, peerTalks: 4, peerMembers: 6 };
  f.visits.byFestival = { SPRING_FESTIVAL: { done: 5, planned: 0, amountFen: 250000 }, DOUBLE_NINTH: { done: 3, planned: 1, amountFen: 60000 } };
  f.visits.byEvent = { ILLNESS: { done: 2, planned: 0, amountFen: 40000 } };
  f.visits.done = 10;
  f.visits.planned = 1;
  f.visits.amountBySource = { LOCAL_FINANCE: 200000, PARTY_FEE: 90000, DONATION: 0, NONE: 60000 };
  f.aid.byCategory.ILLNESS = { filed: 3, approved: 2, rejected: 1, paidFen: 150000 };
  f.aid.byCategory.LIVING = { filed: 2, approved: 2, rejected: 0, paidFen: 80000 };
  f.aid.bySource.LOCAL_FINANCE = { approved: 3, paidFen: 180000 };
  f.aid.bySource.PARTY_FEE = { approved: 1, paidFen: 50000 };
  f.fund = reconcileFund(
    [
      { source: "LOCAL_FINANCE", kind: "INCOME", reverses: null, when: "before", amountFen: 500000 },
      { source: "LOCAL_FINANCE", kind: "INCOME", reverses: null, when: "during", amountFen: 300000 },
      { source: "LOCAL_FINANCE", kind: "DISBURSEMENT", reverses: null, when: "during", amountFen: 200000 },
      { source: "LOCAL_FINANCE", kind: "REVERSAL", reverses: "DISBURSEMENT", when: "during", amountFen: 20000 },
      { source: "PARTY_FEE", kind: "INCOME", reverses: null, when: "during", amountFen: 100000 },
      { source: "PARTY_FEE", kind: "DISBURSEMENT", reverses: null, when: "during", amountFen: 50000 },
    ],
    { LOCAL_FINANCE: agrees ? 620000 : 600000, PARTY_FEE: 50000 },
  );
  f.hardship = { activeAtStart: 4, opened: 2, resolved: 1, levelChanges: 1, activeAtEnd: 5 };
  f.training = { sessions: 3, attendance: 25, members: 12 * scale, membersTrained: 9 * scale, applications: 2, granted: 1, subsidyFen: 80000 };
  f.employment = { registered: 2, employed: 1 };
  f.commendations = { BRANCH: 3, COMMITTEE: 1, HIGHER: 0 };
  f.mobile = { members: 2, contacts: 9 };
  f.pairings = { active: 1, activities: 4 };
  f.suggestions = { received: 5, answered: 4, anonymous: 2 };
  return f;
}

const branch: YearReport = {
  org: { id: 2, name: "磐东居委第一党支部", committee: false },
  year: 2027,
  asOf: "2027-12-20",
  total: branchFigures(1),
  parts: [{ orgId: 2, name: "磐东居委第一党支部", figures: branchFigures(1) }],
};

const parts = [
  { orgId: 2, name: "磐东居委第一党支部", figures: branchFigures(1) },
  { orgId: 3, name: "磐东居委第二党支部", figures: branchFigures(2, false) },
  { orgId: 4, name: "磐东居委第三党支部", figures: branchFigures(1) },
];
const committee: YearReport = { org: { id: 1, name: "磐东社区党委", committee: true }, year: 2027, asOf: "2027-12-31", total: sumFigures(parts.map((p) => p.figures)), parts };

export const YEAR_REPORT_CARDS: Record<string, () => Card> = {
  "year-report": () => yearReportCard(branch),
  "year-report-committee": () => yearReportCard(committee),
  "year-report-reminder": () => yearReportReminderCard({ orgName: "磐东居委第一党支部", year: 2027 }),
};
