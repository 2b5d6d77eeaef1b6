// The committee's figures as data (src/domain/committee-figures.ts): grouped rows shaped into one
// set per branch and a total, pages, the tree below a committee, the digest's counts, the ISO
// week and the working-day cutoffs; and the overview card of 150 branches staying under Lark's
// 30 KB in either language, a page at a time.
import { describe, expect, it } from "vitest";
import { committeeDigestCard, committeeOverviewCard } from "../../cards/committee-overview.ts";
import { COMMITTEE_OVERVIEW_SAMPLE, COMMITTEE_ROWS_SAMPLE } from "../../cards/committee-catalog.ts";
import { localise } from "../../cards/localise.ts";
import {
  allClear,
  branchesBelow,
  committeeDigest,
  committeeOverview,
  isBelow,
  isoWeek,
  overdueRowsFor,
  pageOf,
  percentOf,
  shapeFigures,
  waitedSinceCutoff,
  type CommitteeFigureRows,
  type OrgNode,
} from "../../src/domain/committee-figures.ts";
import { workingDaysFrom } from "../../src/domain/working-days.ts";

const period = { label: "2027Q1", start: "2027-01-01", end: "2027-03-31" };

describe("shaping the overview", () => {
  it("puts each topic's rows on their branch and sums the total", () => {
    const o = COMMITTEE_OVERVIEW_SAMPLE;
    const first = o.branches.find((b) => b.orgId === 11)!;
    expect(first.talks).toEqual({ members: 32, current: 28, late: 4, unassigned: 1, held: 14, talkedMembers: 12, peerTalks: 3 });
    expect(first.visits).toEqual({ SPRING_FESTIVAL: { planned: 8, done: 8 }, MID_AUTUMN: { planned: 8, done: 6 } });
    expect(first.archive).toEqual({ active: { SPECIAL: 1, SERIOUS: 0, GENERAL: 2 }, reviewsOverdue: 1 });
    expect(first.aid.requests).toMatchObject({ APPROVED: 2, PENDING: 1, REJECTED: 0 });
    expect(first.aid.paidFen).toEqual({ LOCAL_FINANCE: 0, PARTY_FEE: 150000, DONATION: 0 });
    expect(first.training).toEqual({ sessions: 2, members: 32, trained: 20 });
    expect(first.employment).toEqual({ open: 2, employedInPeriod: 1 });
    const empty = o.branches.find((b) => b.orgId === 12)!;
    expect(empty.employment).toEqual({ open: 0, employedInPeriod: 0 });
    expect(empty.suggestionsOpen).toBe(1);

    expect(o.total.orgName).toBe("磐东社区党委");
    expect(o.total.talks).toEqual({ members: 75, current: 65, late: 10, unassigned: 3, held: 23, talkedMembers: 21, peerTalks: 3 });
    expect(o.total.visits).toEqual({ SPRING_FESTIVAL: { planned: 8, done: 8 }, MID_AUTUMN: { planned: 8, done: 6 }, DOUBLE_NINTH: { planned: 10, done: 4 }, EVENT: { planned: 2, done: 2 } });
    expect(o.total.aid.balanceFen).toEqual({ LOCAL_FINANCE: 420000, PARTY_FEE: 350000, DONATION: 120000 });
    expect(o.total.training).toEqual({ sessions: 3, members: 75, trained: 50 });
    expect(o.total.escalationsOpen).toBe(1);
    // Branches in the order given (the roster's), whatever order the rows came in.
    expect(o.branches.map((b) => b.orgId)).toEqual([11, 12, 13]);
  });

  it("keeps a branch with no rows at zero, ignores rows of other organisations, and counts every escalation to the committee in the total", () => {
    const rows: CommitteeFigureRows = { ...COMMITTEE_ROWS_SAMPLE, due: [{ orgId: 999, members: 5, late: 5, unassigned: 0 }] };
    const [f] = shapeFigures([{ id: 12, name: "二" }], rows);
    expect(f!.talks.members).toBe(0);
    const o = committeeOverview({ committee: { id: 1, name: "党委" }, period, asOf: "2027-03-15", branches: [{ id: 12, name: "二" }], rows, escalationsToCommittee: 4 });
    expect(o.total.talks.members).toBe(0);
    expect(o.total.escalationsOpen).toBe(4);
  });

  it("takes percentages with one decimal, an empty group as fully covered", () => {
    expect(percentOf(6, 7)).toBe(85.7);
    expect(percentOf(0, 0)).toBe(100);
    expect(percentOf(2, 21)).toBe(9.5);
  });

  it("cuts pages of 20 and clamps a page number out of range", () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pages: 3 });
    expect(pageOf(items, 3).items).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 9).page).toBe(3);
    expect(pageOf(items, 0).page).toBe(1);
    expect(pageOf([], 1)).toEqual({ items: [], page: 1, pages: 1 });
  });
});

describe("the tree below a committee", () => {
  const tree: OrgNode[] = [
    { id: 1, name: "党委", code: "c", kind: "COMMITTEE", parentId: null },
    { id: 2, name: "总支", code: "g", kind: "GENERAL_BRANCH", parentId: 1 },
    { id: 3, name: "十支部", code: "b10", kind: "BRANCH", parentId: 1 },
    { id: 4, name: "总支下支部", code: "b2", kind: "BRANCH", parentId: 2 },
    { id: 5, name: "别的党委", code: "x", kind: "COMMITTEE", parentId: null },
    { id: 6, name: "别的支部", code: "b3", kind: "BRANCH", parentId: 5 },
  ];
  it("finds branches at any depth, and only below", () => {
    // By code, numbers as numbers: b2 before b10.
    expect(branchesBelow(tree, 1).map((o) => o.id)).toEqual([4, 3]);
    expect(branchesBelow(tree, 2).map((o) => o.id)).toEqual([4]);
    expect(branchesBelow(tree, 3)).toEqual([]);
    expect(isBelow(tree, 4, 1)).toBe(true);
    expect(isBelow(tree, 6, 1)).toBe(false);
    expect(isBelow(tree, 1, 1)).toBe(false);
  });
});

describe("the weekly digest", () => {
  const branches = [
    { id: 11, name: "一" },
    { id: 12, name: "二" },
    { id: 13, name: "三" },
  ];
  it("counts per branch, sorts the most overdue first, sums up the clear ones and takes the escalations to this committee only", () => {
    const scan = {
      rows: { talks: [{ orgId: 11, n: 2 }], visits: [{ orgId: 12, n: 5 }], aid: [], reviews: [{ orgId: 11, n: 1 }], suggestions: [], pairings: [{ orgId: 99, n: 1 }] },
      escalations: [
        { fromOrgId: 12, toOrgId: 1, n: 1 },
        { fromOrgId: 50, toOrgId: 1, n: 2 },
        { fromOrgId: 11, toOrgId: 7, n: 3 },
      ],
    };
    const d = committeeDigest({ committee: { id: 1, name: "党委" }, today: "2027-03-15", branches, ...overdueRowsFor(scan, 1) });
    expect(d.week).toBe("2027-W11");
    expect(d.late.map((b) => [b.orgId, b.talks, b.visits, b.reviews, b.escalations])).toEqual([
      [12, 0, 5, 0, 1],
      [11, 2, 0, 1, 0],
    ]);
    expect(d.clear).toBe(1);
    expect(d.totals).toEqual({ talks: 2, visits: 5, aid: 0, reviews: 1, suggestions: 0, pairings: 0, escalations: 3 });
    const said = JSON.stringify(committeeDigestCard(d));
    expect(said).toContain("其余 1 个党支部没有逾期事项");
    expect(said).toContain("另有 2 件上报来自党总支等其他组织");
    expect(allClear(d)).toBe(false);
  });

  it("says all clear when nothing is overdue anywhere", () => {
    const empty = { talks: [], visits: [], aid: [], reviews: [], suggestions: [], pairings: [], escalations: [] };
    const d = committeeDigest({ committee: { id: 1, name: "党委" }, today: "2027-03-15", branches, rows: empty, escalationsToCommittee: 0 });
    expect(allClear(d)).toBe(true);
    expect(JSON.stringify(committeeDigestCard(d))).toContain("下辖 3 个党支部都没有逾期事项");
  });

  it("names ISO weeks, across a year's end too", () => {
    expect(isoWeek("2026-12-03")).toBe("2026-W49");
    expect(isoWeek("2027-01-01")).toBe("2026-W53");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
  });

  it("finds the day from which a wait has lasted n working days, skipping weekends and holidays", () => {
    const cal = workingDaysFrom([], []);
    // Monday 2027-03-15: two working days back are Friday 12th and Monday 15th; waiting since Thursday 11th counts.
    expect(waitedSinceCutoff(cal, "2027-03-15", 2)).toBe("2027-03-11");
    expect(waitedSinceCutoff(cal, "2027-03-15", 5)).toBe("2027-03-08");
    // Saturday: the working days before it.
    expect(waitedSinceCutoff(cal, "2027-03-13", 2)).toBe("2027-03-10");
  });
});

describe("the overview card of a large committee", () => {
  const many = Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, name: `磐东街道第${i + 1}社区居民委员会老年协会党支部` }));
  const rows: CommitteeFigureRows = {
    due: many.map((b) => ({ orgId: b.id, members: 1000, late: 123, unassigned: 45 })),
    talks: many.map((b) => ({ orgId: b.id, talks: 999, members: 888 })),
    peerTalks: many.map((b) => ({ orgId: b.id, n: 77 })),
    visits: many.flatMap((b) => ["SPRING_FESTIVAL", "JULY_FIRST", "MID_AUTUMN", "DOUBLE_NINTH", "EVENT"].map((festival) => ({ orgId: b.id, festival, planned: 120, done: 99 }))),
    archive: many.map((b) => ({ orgId: b.id, level: "SPECIAL" as const, active: 12, reviewsOverdue: 3 })),
    requests: many.map((b) => ({ orgId: b.id, status: "APPROVED" as const, n: 25 })),
    paid: many.map((b) => ({ orgId: b.id, source: "DONATION" as const, fen: 123_456_789 })),
    balances: many.map((b) => ({ orgId: b.id, source: "PARTY_FEE" as const, fen: 987_654_321 })),
    training: many.map((b) => ({ orgId: b.id, members: 1000, trained: 333 })),
    sessions: many.map((b) => ({ orgId: b.id, n: 12 })),
    employment: many.map((b) => ({ orgId: b.id, open: 44, employed: 11 })),
    suggestions: many.map((b) => ({ orgId: b.id, n: 9 })),
    pairings: many.map((b) => ({ orgId: b.id, n: 3 })),
    escalations: many.map((b) => ({ orgId: b.id, n: 2 })),
  };
  const o = committeeOverview({ committee: { id: 1, name: "磐东街道党工委" }, period, asOf: "2027-03-15", branches: many, rows, escalationsToCommittee: 300 });
  const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), "utf8");

  it("draws every page under 30 KB in Chinese and in English, 20 branches a page with buttons to page", () => {
    for (let page = 1; page <= 8; page++) {
      const c = committeeOverviewCard(o, { page });
      for (const lang of ["ZH", "EN"] as const) expect(bytes(localise(c, "interactive", lang)), `page ${page} ${lang}`).toBeLessThan(30 * 1024);
      const said = JSON.stringify(c);
      expect(said).toContain(`第 ${page}/8 页`);
      expect((said.match(/"a":"committee.branch"/g) ?? []).length).toBe(page === 8 ? 10 : 20);
      expect(said.includes('"a":"committee.overview","c":1,"p":"2027Q1","n":' + (page + 1))).toBe(page < 8);
      expect(said.includes('"a":"committee.overview","c":1,"p":"2027Q1","n":' + (page - 1))).toBe(page > 1);
    }
    expect(o.total.talks.members).toBe(150_000);
  });
});

describe("the weekly digest of a large committee", () => {
  it("stays under 30 KB in Chinese and in English with every one of 150 branches late in everything", () => {
    const late = Array.from({ length: 150 }, (_, i) => ({ orgId: 1000 + i, orgName: `磐东街道第${i + 1}社区居民委员会老年协会党支部`, talks: 1234, visits: 567, aid: 89, reviews: 12, suggestions: 34, pairings: 5, escalations: 6 }));
    const card = committeeDigestCard({ committee: { id: 1, name: "磐东街道党工委" }, today: "2027-03-15", week: "2027-W11", late, clear: 0, totals: { talks: 1, visits: 1, aid: 1, reviews: 1, suggestions: 1, pairings: 1, escalations: 1 }, escalationsToCommittee: 900 });
    for (const lang of ["ZH", "EN"] as const) expect(Buffer.byteLength(JSON.stringify(localise(card, "interactive", lang)), "utf8"), lang).toBeLessThan(30 * 1024);
    expect(JSON.stringify(card)).toContain("另有");
  });
});
