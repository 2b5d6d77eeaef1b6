// The daily talk sweep. From the database alone (the last talk of every member against the
// branch's cadence, open urgent tasks, open follow-ups) it builds ONE digest per leader and
// one per branch secretary for what is overdue beyond the grace period, and stages them with
// keys of person + day: a second run the same day, on this machine or another, sends nothing.
// It runs only on working days and outside night hours; on a rest day it does nothing, and the
// next working day's run finds everything that fell due meanwhile. A branch without a secretary
// on Lark has its escalations sent to the organisation above.
import { talkBoardCard } from "../../cards/talk-board.ts";
import { talkEscalationCard, type TalkEscalation } from "../../cards/talk-escalation.ts";
import { daysBetween } from "../domain/calendar-day.ts";
import { boardFollowUp, boardMember, boardTask, type TalkBoard } from "../domain/talk-board.ts";
import { stageCardsBulk, stagedKeys } from "../store/outbox-bulk.ts";
import { awake, pushWindowOf } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export interface TalkSweepResult {
  today: string;
  skipped?: "rest-day" | "night";
  /** Digests built (leaders) and secretary digests built; staged counts only new rows. */
  leaders: number;
  secretaries: number;
  staged: number;
}

const CHUNK = 200;

const talkDigestKey = (leaderId: number, day: string) => `talk-digest-${leaderId}-${day}`;
const talkEscalationKey = (orgId: number, secretaryId: number, day: string) => `talk-escalation-${orgId}-${secretaryId}-${day}`;

export async function runTalkSweep(d: TaskDeps): Promise<TalkSweepResult> {
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const today = w.today;
  if (!w.workingDay) return { today, skipped: "rest-day", leaders: 0, secretaries: 0, staged: 0 };
  const rules = await d.store.branchRules.loadBranchRules({ onProblem: (orgId, problems) => d.log.warn({ orgId, problems }, "branch settings invalid; defaults used") });
  const branches = awake(rules, w);
  if (branches.length === 0) return { today, skipped: "night", leaders: 0, secretaries: 0, staged: 0 };

  const orgIds = branches.map((b) => b.orgId);
  const [due, tasks, followUps] = await Promise.all([
    d.store.talkDue.findDueTalks({ today, timeZone: tz, branches, horizon: "digest" }),
    d.store.talkDue.findOpenTalkTasks({ orgIds, timeZone: tz }),
    d.store.talkDue.findDueFollowUps({ today, branches }),
  ]);

  // Leader digests: members due, their urgent tasks, their follow-ups.
  const boards = new Map<number, { openId: string; board: TalkBoard }>();
  const boardOf = (leaderId: number, name: string, openId: string) => {
    let b = boards.get(leaderId);
    if (!b) boards.set(leaderId, (b = { openId, board: { mode: "digest", leaderName: name, today, members: [], tasks: [], followUps: [] } }));
    return b.board;
  };
  // Per branch for the secretary: escalated talks, members nobody can be reminded about, late urgent talks.
  const escalations = new Map<number, Omit<TalkEscalation, "orgName" | "today">>();
  const escalationOf = (orgId: number) => {
    let e = escalations.get(orgId);
    if (!e) escalations.set(orgId, (e = { overdue: [], unassigned: [], lateTasks: [] }));
    return e;
  };

  for (const r of due) {
    const m = boardMember(r, today, rules.get(r.orgId)?.talk);
    // A member whose leader cannot be reached (none assigned, or not on Lark) is the secretary's to place.
    if (r.leaderId === null || !r.leaderOpenId) {
      escalationOf(r.orgId).unassigned.push({ memberName: r.memberName, dueOn: r.dueOn, daysLeft: m.daysLeft });
      continue;
    }
    boardOf(r.leaderId, r.leaderName ?? "", r.leaderOpenId).members.push(m);
    if (m.standing === "escalated") {
      escalationOf(r.orgId).overdue.push({ memberName: r.memberName, leaderName: r.leaderName, lastTalkOn: r.lastTalkOn, dueOn: r.dueOn, daysLate: -m.daysLeft });
    }
  }
  for (const k of tasks) {
    if (k.leaderOpenId) boardOf(k.leaderId, k.leaderName, k.leaderOpenId).tasks.push(boardTask(k, today));
    const late = daysBetween(k.dueOn, today);
    if (late > 0) escalationOf(k.orgId).lateTasks.push({ memberName: k.memberName, leaderName: k.leaderName, reason: k.reason, dueOn: k.dueOn, daysLate: late });
  }
  for (const f of followUps) if (f.ownerOpenId) boardOf(f.ownerId, f.ownerName, f.ownerOpenId).followUps.push(boardFollowUp(f, today));

  // Cards are built only for digests not staged yet: the catch-up runs of the day cost a lookup.
  const wanted: { key: string; openId: string; build: () => object }[] = [];
  for (const [leaderId, { openId, board }] of boards) wanted.push({ key: talkDigestKey(leaderId, today), openId, build: () => talkBoardCard(board) });
  const readers = await d.store.orgContacts.secretariesOrAbove([...escalations.keys()]);
  const orgNames = await d.store.orgContacts.orgNamesOn([...escalations.keys()]);
  let secretaryDigests = 0;
  for (const [orgId, e] of escalations) {
    const to = readers.get(orgId) ?? [];
    if (to.length === 0) d.log.warn({ orgId }, "talk escalations have no secretary to go to, in the branch or above");
    for (const s of to) {
      secretaryDigests++;
      wanted.push({ key: talkEscalationKey(orgId, s.personId, today), openId: s.openId!, build: () => talkEscalationCard({ orgName: orgNames.get(orgId) ?? "", today, ...e }) });
    }
  }
  const done = await stagedKeys(d.db.sql, wanted.map((w) => w.key));
  const todo = wanted.filter((w) => !done.has(w.key));
  // Built, staged and queued a chunk at a time, so only one chunk of cards is in memory.
  const staged: number[] = [];
  for (let i = 0; i < todo.length; i += CHUNK) {
    const ids = await stageCardsBulk(d.db.sql, todo.slice(i, i + CHUNK).map((w) => ({ key: w.key, openId: w.openId, card: w.build() })));
    await d.enqueue.delivery(ids);
    staged.push(...ids);
  }
  d.log.info({ today, leaders: boards.size, secretaries: secretaryDigests, staged: staged.length }, "talk sweep");
  return { today, leaders: boards.size, secretaries: secretaryDigests, staged: staged.length };
}
