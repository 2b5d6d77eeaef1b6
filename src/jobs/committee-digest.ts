// The weekly committee digest (各支部逾期事项周报): on the first working-day run of each week, every
// secretary of a 党委 or 党总支 gets one card of what is overdue where below it, per branch and
// counts only (talks, visits, aid requests waiting, hardship reviews, suggestions, pairings
// without a joint activity, escalations); branches with nothing overdue are summed in one line,
// and a week with nothing overdue anywhere still says so, so the secretary knows it was looked at.
// One pass of statements over every branch below the committees owed a card; keys are committee,
// ISO week and secretary, so a second run (15:00, another machine) stages nothing.
import { committeeDigestCard } from "../../cards/committee-overview.ts";
import {
  AID_WAIT_WORKING_DAYS,
  allClear,
  branchesBelow,
  committeeDigest,
  isoWeek,
  overdueRowsFor,
  SUGGESTION_WAIT_WORKING_DAYS,
  waitedSinceCutoff,
  type CommitteeDigest,
  type OrgNode,
} from "../domain/committee-figures.ts";
import type { Day } from "../domain/calendar-day.ts";
import { quarterOf } from "../domain/quarter.ts";
import type { WorkingDays } from "../domain/working-days.ts";
import type { BranchRules } from "../store/branch-rules.ts";
import { committeeDigestKey } from "../store/committee-overdue.ts";
import type { NewOutgoing } from "../store/outbox.ts";
import type { Stores } from "../store/stores.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface CommitteeDigestResult {
  week: string;
  skipped?: "rest-day" | "night";
  /** Committees whose secretaries were sent this week's digest in this run. */
  committees: number;
  /** Of those, committees with nothing overdue (an "all clear" card). */
  clear: number;
  staged: number;
}

/** The digests of the given committees, from one pass of the overdue statements over all their branches. */
async function digestsOf(store: Stores, q: { committees: readonly OrgNode[]; tree: readonly OrgNode[]; rules: Map<number, BranchRules>; today: Day; timeZone: string; calendar: WorkingDays }): Promise<CommitteeDigest[]> {
  const below = new Map(q.committees.map((c) => [c.id, branchesBelow(q.tree, c.id)]));
  const branchIds = [...new Set([...below.values()].flat().map((b) => b.id))];
  const scan = await store.committeeOverdue.overdueScan({
    branches: branchIds.map((id) => q.rules.get(id)).filter((r): r is BranchRules => r !== undefined),
    committeeIds: q.committees.map((c) => c.id),
    today: q.today,
    timeZone: q.timeZone,
    aidWaitingSince: waitedSinceCutoff(q.calendar, q.today, AID_WAIT_WORKING_DAYS),
    suggestionSince: waitedSinceCutoff(q.calendar, q.today, SUGGESTION_WAIT_WORKING_DAYS),
    quarterStart: quarterOf(q.today).start,
  });
  return q.committees.map((c) => committeeDigest({ committee: c, today: q.today, branches: below.get(c.id)!, ...overdueRowsFor(scan, c.id) }));
}

/**
 * One committee's digest as of `today`: what the task sends, for a benchmark to time over a
 * committee of 100 branches and 100,000 members (the calendar is read from the database unless given).
 */
export async function digestForCommittee(store: Stores, committeeId: number, today: Day, opts: { timeZone: string; calendar?: WorkingDays }): Promise<CommitteeDigest> {
  const tree = await store.committeeFigures.orgTree();
  const committee = tree.find((o) => o.id === committeeId);
  if (!committee) throw new Error(`no organisation ${committeeId}`);
  const rules = await store.branchRules.loadBranchRules({ orgIds: branchesBelow(tree, committeeId).map((b) => b.id) });
  const calendar = opts.calendar ?? (await store.calendar.workingDays());
  const [digest] = await digestsOf(store, { committees: [committee], tree, rules, today, timeZone: opts.timeZone, calendar });
  return digest!;
}

export async function runCommitteeDigest(d: TaskDeps): Promise<CommitteeDigestResult> {
  const w = await pushWindowOf(d);
  const week = isoWeek(w.today);
  const none = { week, committees: 0, clear: 0, staged: 0 };
  if (!w.workingDay) return { ...none, skipped: "rest-day" };
  const rules = await d.store.branchRules.loadBranchRules();
  const above = [...rules.values()].filter((r) => r.kind !== "BRANCH");
  const daytime = awake(rules, w, ["COMMITTEE", "GENERAL_BRANCH"]);
  if (above.length > 0 && daytime.length === 0) return { ...none, skipped: "night" };

  const secretaries = (await d.store.orgContacts.secretariesOf(daytime.map((r) => r.orgId))).filter((s): s is typeof s & { openId: string } => s.openId !== null);
  const keys = secretaries.map((s) => committeeDigestKey(s.orgId, week, s.personId));
  const sent = await d.store.outbox.existingKeys(keys);
  const owed = secretaries.filter((_, i) => !sent.has(keys[i]!));
  if (owed.length === 0) return none;

  const tree = await d.store.committeeFigures.orgTree();
  const owedIds = new Set(owed.map((s) => s.orgId));
  // A committee with no branch below it has nothing to report.
  const committees = tree.filter((o) => owedIds.has(o.id) && branchesBelow(tree, o.id).length > 0);
  const digests = await digestsOf(d.store, { committees, tree, rules, today: w.today, timeZone: d.config.timezone, calendar: w.calendar });

  const out: NewOutgoing[] = [];
  for (const digest of digests) {
    const card = committeeDigestCard(digest);
    for (const s of owed.filter((x) => x.orgId === digest.committee.id)) out.push({ kind: "SEND", to: { openId: s.openId }, card, key: committeeDigestKey(digest.committee.id, week, s.personId) });
  }
  const staged = await d.store.outbox.stageOutgoing(out);
  await d.enqueue.delivery(staged);
  if (staged.length > 0) d.log.info({ week, committees: digests.length, staged: staged.length }, "committee digests staged");
  return { week, committees: digests.length, clear: digests.filter(allClear).length, staged: staged.length };
}
