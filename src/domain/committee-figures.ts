// The committee's view (党委总览) and its weekly digest of what is overdue where, as data: the
// upper organisation "analyses the situation regularly" (定期分析) over all its branches, with
// figures and counts only (need to know: no names, no notes, no hardship details). The store
// gathers grouped rows over every branch at once (src/store/committee-figures.ts,
// committee-overdue.ts); here they are shaped into one figure set per branch plus a total,
// percentages taken and pages cut. Pure.
import { addDays, type Day, weekday } from "./calendar-day.ts";
import type { WorkingDays } from "./working-days.ts";

export const HARDSHIP_LEVELS = ["SPECIAL", "SERIOUS", "GENERAL"] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];
export const SOURCES = ["LOCAL_FINANCE", "PARTY_FEE", "DONATION"] as const;
export type Source = (typeof SOURCES)[number];
/** Aid request states the overview counts (a request filed this quarter, where it stands now). */
export const REQUEST_STATES = ["PENDING", "NEEDS_INFO", "APPROVED", "REJECTED", "CANCELLED", "REVERSED"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Branches drawn on one page of the overview card: 20 rows keep it well under Lark's 30 KB. */
export const OVERVIEW_PAGE_SIZE = 20;

/** One organisation of the tree, as the committee views read it. */
export interface OrgNode {
  id: number;
  name: string;
  code: string;
  kind: "COMMITTEE" | "GENERAL_BRANCH" | "BRANCH";
  parentId: number | null;
}

/** Grouped rows, one list per topic, each row about one branch (orgId). What the store returns. */
export interface CommitteeFigureRows {
  due: { orgId: number; members: number; late: number; unassigned: number }[];
  talks: { orgId: number; talks: number; members: number }[];
  peerTalks: { orgId: number; n: number }[];
  visits: { orgId: number; festival: string; planned: number; done: number }[];
  archive: { orgId: number; level: HardshipLevel; active: number; reviewsOverdue: number }[];
  requests: { orgId: number; status: RequestState; n: number }[];
  paid: { orgId: number; source: Source; fen: number }[];
  balances: { orgId: number; source: Source; fen: number }[];
  training: { orgId: number; members: number; trained: number }[];
  sessions: { orgId: number; n: number }[];
  employment: { orgId: number; open: number; employed: number }[];
  suggestions: { orgId: number; n: number }[];
  pairings: { orgId: number; n: number }[];
  /** Open escalations from the branch to the committee viewing. */
  escalations: { orgId: number; n: number }[];
}

export interface BranchFigures {
  orgId: number;
  orgName: string;
  talks: {
    members: number;
    /** Members whose talk is not overdue on asOf. */
    current: number;
    late: number;
    unassigned: number;
    /** Talks held in the period, and the members they reached. */
    held: number;
    talkedMembers: number;
    /** 党员之间相互谈心 recorded in the period. */
    peerTalks: number;
  };
  /** Visits of the year by festival code ("EVENT" for 六必访): planned and done. */
  visits: Record<string, { planned: number; done: number }>;
  archive: { active: Record<HardshipLevel, number>; reviewsOverdue: number };
  aid: { requests: Record<RequestState, number>; paidFen: Record<Source, number>; balanceFen: Record<Source, number> };
  training: { sessions: number; members: number; trained: number };
  employment: { open: number; employedInPeriod: number };
  suggestionsOpen: number;
  pairingsActive: number;
  escalationsOpen: number;
}

export interface CommitteeOverview {
  committee: { id: number; name: string };
  period: { label: string; start: Day; end: Day };
  asOf: Day;
  /** The year the visits and aid paid are counted over (1 January to asOf). */
  year: number;
  branches: BranchFigures[];
  /** The sum over the branches; its escalations are every open one to the committee. */
  total: BranchFigures;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyFigures(orgId: number, orgName: string): BranchFigures {
  return {
    orgId,
    orgName,
    talks: { members: 0, current: 0, late: 0, unassigned: 0, held: 0, talkedMembers: 0, peerTalks: 0 },
    visits: {},
    archive: { active: zeros(HARDSHIP_LEVELS), reviewsOverdue: 0 },
    aid: { requests: zeros(REQUEST_STATES), paidFen: zeros(SOURCES), balanceFen: zeros(SOURCES) },
    training: { sessions: 0, members: 0, trained: 0 },
    employment: { open: 0, employedInPeriod: 0 },
    suggestionsOpen: 0,
    pairingsActive: 0,
    escalationsOpen: 0,
  };
}

/** One figure set per branch (in the order given, every branch present even with no rows). */
export function shapeFigures(branches: readonly { id: number; name: string }[], rows: CommitteeFigureRows): BranchFigures[] {
  const by = new Map(branches.map((b) => [b.id, emptyFigures(b.id, b.name)]));
  // Each statement's rows carry the branch they count for; rows of an organisation not listed are left out.
  const each = <R extends { orgId: number }>(list: readonly R[], put: (f: BranchFigures, r: R) => void) => {
    for (const r of list) {
      const f = by.get(r.orgId);
      if (f) put(f, r);
    }
  };
  each(rows.due, (f, r) => Object.assign(f.talks, { members: r.members, late: r.late, current: r.members - r.late, unassigned: r.unassigned }));
  each(rows.talks, (f, r) => Object.assign(f.talks, { held: r.talks, talkedMembers: r.members }));
  each(rows.peerTalks, (f, r) => (f.talks.peerTalks = r.n));
  each(rows.visits, (f, r) => (f.visits[r.festival] = { planned: r.planned, done: r.done }));
  each(rows.archive, (f, r) => {
    f.archive.active[r.level] += r.active;
    f.archive.reviewsOverdue += r.reviewsOverdue;
  });
  each(rows.requests, (f, r) => (f.aid.requests[r.status] += r.n));
  each(rows.paid, (f, r) => (f.aid.paidFen[r.source] += r.fen));
  each(rows.balances, (f, r) => (f.aid.balanceFen[r.source] += r.fen));
  each(rows.training, (f, r) => Object.assign(f.training, { members: r.members, trained: r.trained }));
  each(rows.sessions, (f, r) => (f.training.sessions = r.n));
  each(rows.employment, (f, r) => (f.employment = { open: r.open, employedInPeriod: r.employed }));
  each(rows.suggestions, (f, r) => (f.suggestionsOpen = r.n));
  each(rows.pairings, (f, r) => (f.pairingsActive = r.n));
  each(rows.escalations, (f, r) => (f.escalationsOpen = r.n));
  return [...by.values()];
}

const addRecord = <K extends string>(into: Record<K, number>, from: Record<K, number>) => {
  for (const k of Object.keys(from) as K[]) into[k] = (into[k] ?? 0) + from[k];
};

/** The figures of several branches summed into one set, named for the organisation above them. */
export function sumFigures(orgId: number, orgName: string, rows: readonly BranchFigures[]): BranchFigures {
  const s = emptyFigures(orgId, orgName);
  for (const f of rows) {
    addRecord(s.talks, f.talks);
    for (const [code, v] of Object.entries(f.visits)) {
      const into = (s.visits[code] ??= { planned: 0, done: 0 });
      into.planned += v.planned;
      into.done += v.done;
    }
    addRecord(s.archive.active, f.archive.active);
    s.archive.reviewsOverdue += f.archive.reviewsOverdue;
    addRecord(s.aid.requests, f.aid.requests);
    addRecord(s.aid.paidFen, f.aid.paidFen);
    addRecord(s.aid.balanceFen, f.aid.balanceFen);
    addRecord(s.training, f.training);
    addRecord(s.employment, f.employment);
    s.suggestionsOpen += f.suggestionsOpen;
    s.pairingsActive += f.pairingsActive;
    s.escalationsOpen += f.escalationsOpen;
  }
  return s;
}

/** The overview from the store's rows: a branch per row in the order given (the roster's, by code), and the total. */
export function committeeOverview(q: {
  committee: { id: number; name: string };
  period: { label: string; start: Day; end: Day };
  asOf: Day;
  branches: readonly { id: number; name: string }[];
  rows: CommitteeFigureRows;
  /** Every open escalation to the committee, from a branch or any organisation below it. */
  escalationsToCommittee: number;
}): CommitteeOverview {
  const branches = shapeFigures(q.branches, q.rows);
  const total = sumFigures(q.committee.id, q.committee.name, branches);
  total.escalationsOpen = Math.max(total.escalationsOpen, q.escalationsToCommittee);
  return { committee: q.committee, period: q.period, asOf: q.asOf, year: Number(q.asOf.slice(0, 4)), branches, total };
}

/** Percent with one decimal; an empty group counts as fully covered (nothing is owed). */
export function percentOf(part: number, whole: number): number {
  if (whole === 0) return 100;
  return Math.round((part / whole) * 1000) / 10;
}

export const activeEntries = (f: BranchFigures): number => HARDSHIP_LEVELS.reduce((n, l) => n + f.archive.active[l], 0);
export const sumSources = (r: Record<Source, number>): number => SOURCES.reduce((n, s) => n + r[s], 0);
export const requestsFiled = (f: BranchFigures): number => REQUEST_STATES.reduce((n, s) => n + f.aid.requests[s], 0);
export function visitsDone(f: BranchFigures): { planned: number; done: number } {
  return Object.values(f.visits).reduce((a, v) => ({ planned: a.planned + v.planned, done: a.done + v.done }), { planned: 0, done: 0 });
}

/** Page `page` (1-based, clamped) of `items`, with how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number, size = OVERVIEW_PAGE_SIZE): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}

/** The organisations of kind BRANCH at any depth below `orgId` (not the organisation itself), by code ("pd-2" before "pd-10"). */
export function branchesBelow(tree: readonly OrgNode[], orgId: number): OrgNode[] {
  const children = new Map<number, OrgNode[]>();
  for (const o of tree) if (o.parentId !== null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const out: OrgNode[] = [];
  const seen = new Set<number>([orgId]);
  const stack = [...(children.get(orgId) ?? [])];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    if (o.kind === "BRANCH") out.push(o);
    stack.push(...(children.get(o.id) ?? []));
  }
  return out.sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }) || a.id - b.id);
}

/** Whether `orgId` lies below `ancestorId` in the tree (at any depth). */
export function isBelow(tree: readonly OrgNode[], orgId: number, ancestorId: number): boolean {
  const parent = new Map(tree.map((o) => [o.id, o.parentId]));
  let at = parent.get(orgId) ?? null;
  for (let i = 0; at !== null && i < 50; i++) {
    if (at === ancestorId) return true;
    at = parent.get(at) ?? null;
  }
  return false;
}

// ---- The weekly digest: what is overdue where ----

/** Working days an aid request may wait for a decision, and a suggestion stay unanswered, before the digest counts it. */
export const AID_WAIT_WORKING_DAYS = 2;
export const SUGGESTION_WAIT_WORKING_DAYS = 5;

/** Counts of what is overdue in one branch (the store's grouped rows, one field per topic). */
export interface BranchOverdue {
  orgId: number;
  orgName: string;
  /** Members past the talk cadence. */
  talks: number;
  /** Visit tasks still open past their due day. */
  visits: number;
  /** Aid requests waiting for a decision AID_WAIT_WORKING_DAYS working days or more. */
  aid: number;
  /** Hardship entries whose review day has passed. */
  reviews: number;
  /** Suggestions open SUGGESTION_WAIT_WORKING_DAYS working days or more. */
  suggestions: number;
  /** Active organisation pairings (begun before this quarter) with no joint activity this quarter. */
  pairings: number;
  /** Open escalations from the branch to the committee. */
  escalations: number;
}

export const OVERDUE_TOPICS = ["talks", "visits", "aid", "reviews", "suggestions", "pairings", "escalations"] as const;
export type OverdueTopic = (typeof OVERDUE_TOPICS)[number];

export type OverdueRows = { orgId: number; n: number }[];
export type CommitteeOverdueRows = Record<OverdueTopic, OverdueRows>;

/** What one pass of the store over every branch found: the topics by branch, escalations by both ends. */
export interface OverdueScan {
  rows: Omit<CommitteeOverdueRows, "escalations">;
  escalations: { fromOrgId: number; toOrgId: number; n: number }[];
}

/** The scan as one committee's rows: the escalations to it by branch, and how many are open to it in all. */
export function overdueRowsFor(scan: OverdueScan, committeeId: number): { rows: CommitteeOverdueRows; escalationsToCommittee: number } {
  const mine = scan.escalations.filter((e) => e.toOrgId === committeeId);
  return { rows: { ...scan.rows, escalations: mine.map((e) => ({ orgId: e.fromOrgId, n: e.n })) }, escalationsToCommittee: mine.reduce((n, e) => n + e.n, 0) };
}

export interface CommitteeDigest {
  committee: { id: number; name: string };
  today: Day;
  /** ISO week ("2026-W49"): one digest per committee, secretary and week. */
  week: string;
  /** Branches with anything overdue, most overdue first. */
  late: BranchOverdue[];
  /** Branches with nothing overdue: summed up in one line. */
  clear: number;
  totals: Record<OverdueTopic, number>;
  /** Open escalations to the committee from any organisation below it (not only branches). */
  escalationsToCommittee: number;
}

export const overdueCount = (b: BranchOverdue): number => OVERDUE_TOPICS.reduce((n, k) => n + b[k], 0);

/** The digest of one committee from the grouped rows (rows of other branches are ignored). */
export function committeeDigest(q: {
  committee: { id: number; name: string };
  today: Day;
  branches: readonly { id: number; name: string }[];
  rows: CommitteeOverdueRows;
  escalationsToCommittee: number;
}): CommitteeDigest {
  const by = new Map<number, BranchOverdue>(q.branches.map((b) => [b.id, { orgId: b.id, orgName: b.name, talks: 0, visits: 0, aid: 0, reviews: 0, suggestions: 0, pairings: 0, escalations: 0 }]));
  for (const topic of OVERDUE_TOPICS) {
    for (const r of q.rows[topic]) {
      const b = by.get(r.orgId);
      if (b) b[topic] += r.n;
    }
  }
  const all = [...by.values()];
  // Most overdue first; among equals, the roster's order (as given).
  const late = all.filter((b) => overdueCount(b) > 0).sort((a, b) => overdueCount(b) - overdueCount(a));
  const totals = Object.fromEntries(OVERDUE_TOPICS.map((k) => [k, all.reduce((n, b) => n + b[k], 0)])) as Record<OverdueTopic, number>;
  totals.escalations = Math.max(totals.escalations, q.escalationsToCommittee);
  return { committee: q.committee, today: q.today, week: isoWeek(q.today), late, clear: all.length - late.length, totals, escalationsToCommittee: q.escalationsToCommittee };
}

export const allClear = (d: CommitteeDigest): boolean => OVERDUE_TOPICS.every((k) => d.totals[k] === 0);

/** The ISO-8601 week of a day, "2026-W49" (weeks begin on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Day): string {
  const thursday = addDays(day, 3 - ((weekday(day) + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const jan1 = `${year}-01-01`;
  const ordinal = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000);
  return `${year}-W${String(Math.floor(ordinal / 7) + 1).padStart(2, "0")}`;
}

/**
 * The last day D such that the working days after D up to and including `today` number at least
 * `n`: anything waiting since D or earlier has waited n working days (src/domain/aid-reminders.ts
 * counts the same way), so a statement compares a plain day instead of walking a calendar per row.
 */
export function waitedSinceCutoff(calendar: WorkingDays, today: Day, n: number): Day {
  let counted = 0;
  let d = today;
  // Every working day from `today` backwards counts one; the day before the n-th is the cutoff.
  for (let i = 0; i < 400; i++) {
    if (calendar.isWorkingDay(d)) counted++;
    if (counted >= n) return addDays(d, -1);
    d = addDays(d, -1);
  }
  return addDays(today, -400);
}
