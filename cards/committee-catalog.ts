// Sample data for the committee's cards (党委总览, a branch's drill-down, the weekly digest),
// spread into cards/catalog.ts.
import { committeeDigest, committeeOverview, type CommitteeFigureRows } from "../src/domain/committee-figures.ts";
import { committeeBranchCard, committeeDigestCard, committeeOverviewCard } from "./committee-overview.ts";
import type { Card } from "./kit.ts";

const committee = { id: 1, name: "磐东社区党委" };
const branches = [
  { id: 11, name: "磐东居委第一党支部" },
  { id: 12, name: "磐东居委第二党支部" },
  { id: 13, name: "磐东老年协会党支部" },
];

export const COMMITTEE_ROWS_SAMPLE: CommitteeFigureRows = {
  due: [
    { orgId: 11, members: 32, late: 4, unassigned: 1 },
    { orgId: 12, members: 25, late: 0, unassigned: 0 },
    { orgId: 13, members: 18, late: 6, unassigned: 2 },
  ],
  talks: [
    { orgId: 11, talks: 14, members: 12 },
    { orgId: 12, talks: 9, members: 9 },
  ],
  peerTalks: [{ orgId: 11, n: 3 }],
  visits: [
    { orgId: 11, festival: "SPRING_FESTIVAL", planned: 8, done: 8 },
    { orgId: 11, festival: "MID_AUTUMN", planned: 8, done: 6 },
    { orgId: 13, festival: "DOUBLE_NINTH", planned: 10, done: 4 },
    { orgId: 13, festival: "EVENT", planned: 2, done: 2 },
  ],
  archive: [
    { orgId: 11, level: "SPECIAL", active: 1, reviewsOverdue: 1 },
    { orgId: 11, level: "GENERAL", active: 2, reviewsOverdue: 0 },
    { orgId: 13, level: "SERIOUS", active: 3, reviewsOverdue: 1 },
  ],
  requests: [
    { orgId: 11, status: "APPROVED", n: 2 },
    { orgId: 11, status: "PENDING", n: 1 },
    { orgId: 13, status: "REJECTED", n: 1 },
  ],
  paid: [
    { orgId: 11, source: "PARTY_FEE", fen: 150000 },
    { orgId: 13, source: "LOCAL_FINANCE", fen: 80000 },
  ],
  balances: [
    { orgId: 11, source: "PARTY_FEE", fen: 350000 },
    { orgId: 12, source: "DONATION", fen: 120000 },
    { orgId: 13, source: "LOCAL_FINANCE", fen: 420000 },
  ],
  training: [
    { orgId: 11, members: 32, trained: 20 },
    { orgId: 12, members: 25, trained: 25 },
    { orgId: 13, members: 18, trained: 5 },
  ],
  sessions: [{ orgId: 11, n: 2 }, { orgId: 12, n: 1 }],
  employment: [{ orgId: 11, open: 2, employed: 1 }],
  suggestions: [{ orgId: 12, n: 1 }],
  pairings: [{ orgId: 13, n: 1 }],
  escalations: [{ orgId: 13, n: 1 }],
};

export const COMMITTEE_OVERVIEW_SAMPLE = committeeOverview({
  committee,
  period: { label: "2027Q1", start: "2027-01-01", end: "2027-03-31" },
  asOf: "2027-03-15",
  branches,
  rows: COMMITTEE_ROWS_SAMPLE,
  escalationsToCommittee: 1,
});

const digest = (late: boolean) =>
  committeeDigest({
    committee,
    today: "2027-03-15",
    branches,
    rows: late
      ? {
          talks: [{ orgId: 11, n: 4 }, { orgId: 13, n: 6 }],
          visits: [{ orgId: 13, n: 2 }],
          aid: [{ orgId: 11, n: 1 }],
          reviews: [{ orgId: 13, n: 1 }],
          suggestions: [],
          pairings: [{ orgId: 13, n: 1 }],
          escalations: [{ orgId: 13, n: 1 }],
        }
      : { talks: [], visits: [], aid: [], reviews: [], suggestions: [], pairings: [], escalations: [] },
    escalationsToCommittee: late ? 1 : 0,
  });

export const COMMITTEE_CARDS: Record<string, () => Card> = {
  "committee-overview": () => committeeOverviewCard(COMMITTEE_OVERVIEW_SAMPLE),
  "committee-branch": () =>
    committeeBranchCard({ committee, period: COMMITTEE_OVERVIEW_SAMPLE.period, asOf: COMMITTEE_OVERVIEW_SAMPLE.asOf, year: 2027, branch: COMMITTEE_OVERVIEW_SAMPLE.branches[0]! }),
  "committee-digest": () => committeeDigestCard(digest(true)),
  "committee-digest-clear": () => committeeDigestCard(digest(false)),
};
