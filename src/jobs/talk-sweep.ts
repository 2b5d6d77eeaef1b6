// The daily talk sweep. From the database alone (the last talk of every member against the
// branch's cadence, open urgent tasks, open follow-ups) it builds ONE digest per leader and
// one per branch secretary for what is overdue beyond the grace period, and stages them with
// keys of person + day: a second run the same day, on this machine or another, sends nothing.
// It runs only on working days and outside night hours; on a rest day it does nothing, and the
// next working day's run finds everything that fell due meanwhile. A branch without a secretary
// on Lark has its escalations sent to the organisation above.
// Over a million members it holds one page of due members and the digests being staged: the due
// members arrive ordered by leader (talk-due-pages.ts), each leader's digest is built when their
// rows end, and digests are staged and queued a chunk at a time while the next page is read.
import { talkBoardCard } from "../../cards/talk-board.ts";
import { talkEscalationCard, type TalkEscalation } from "../../cards/talk-escalation.ts";
import { daysBetween } from "../domain/calendar-day.ts";
import { boardFollowUp, boardMember, boardTask, type TalkBoard } from "../domain/talk-board.ts";
import { stageCardsBulkLz4, stagedKeys } from "../store/outbox-bulk.ts";
import type { OpenFollowUp, OpenTalkTask } from "../store/talk-due.ts";
import { forEachDueTalkPage } from "../store/talk-due-pages.ts";
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

/** Digests staged (and built) per chunk, and chunks at once. */
const CHUNK = 200;
const IN_FLIGHT = 2;
/** Due members read per page of the cursor. */
const PAGE = 5000;

const talkDigestKey = (leaderId: number, day: string) => `talk-digest-${leaderId}-${day}`;
const talkEscalationKey = (orgId: number, secretaryId: number, day: string) => `talk-escalation-${orgId}-${secretaryId}-${day}`;

interface Digest {
  key: string;
  openId: string;
  build: () => object;
}

/** The lines of a secretary's digest, each with the order the due members come in (due day, then member). */
interface Escalations {
  overdue: { order: [string, number]; line: TalkEscalation["overdue"][number] }[];
  unassigned: { order: [string, number]; line: TalkEscalation["unassigned"][number] }[];
  lateTasks: TalkEscalation["lateTasks"];
}

export async function runTalkSweep(d: TaskDeps): Promise<TalkSweepResult> {
  const tz = d.config.timezone;
  const w = await pushWindowOf(d);
  const today = w.today;
  if (!w.workingDay) return { today, skipped: "rest-day", leaders: 0, secretaries: 0, staged: 0 };
  const rules = await d.store.branchRules.loadBranchRules({ onProblem: (orgId, problems) => d.log.warn({ orgId, problems }, "branch settings invalid; defaults used") });
  const branches = awake(rules, w);
  if (branches.length === 0) return { today, skipped: "night", leaders: 0, secretaries: 0, staged: 0 };

  const orgIds = branches.map((b) => b.orgId);
  // Urgent tasks and follow-ups are few beside the members: read whole, handed to their leader's
  // digest. They are read while the due members' statement runs on a connection of its own (the
  // first page waits for them), not before it.
  const reading = Promise.all([d.store.talkDue.findOpenTalkTasks({ orgIds, timeZone: tz }), d.store.talkDue.findDueFollowUps({ today, branches })]);
  reading.catch(() => undefined); // awaited by the first page, or after the pages when none came
  let tasksOf = new Map<number, OpenTalkTask[]>();
  let followUpsOf = new Map<number, OpenFollowUp[]>();

  // Per branch for the secretary: escalated talks, members nobody can be reminded about, late urgent talks.
  const escalations = new Map<number, Escalations>();
  const escalationOf = (orgId: number) => {
    let e = escalations.get(orgId);
    if (!e) escalations.set(orgId, (e = { overdue: [], unassigned: [], lateTasks: [] }));
    return e;
  };
  let read = false;
  const readTasks = async () => {
    if (read) return;
    read = true;
    const [tasks, followUps] = await reading;
    tasksOf = groupBy(tasks.filter((k) => k.leaderOpenId), (k) => k.leaderId);
    followUpsOf = groupBy(followUps.filter((f) => f.ownerOpenId), (f) => f.ownerId);
    for (const k of tasks) {
      const late = daysBetween(k.dueOn, today);
      if (late > 0) escalationOf(k.orgId).lateTasks.push({ memberName: k.memberName, leaderName: k.leaderName, reason: k.reason, dueOn: k.dueOn, daysLate: late });
    }
  };

  // Digests go out a chunk at a time: the keys already staged today are skipped (cards are built
  // only for the others). Two chunks are in flight, each on a connection of its own, so one
  // chunk's cards are built while the other's are written; their jobs are queued in order behind
  // them, off the way of the next chunk (Redis and PostgreSQL work at once).
  let staged = 0;
  let pending: Digest[] = [];
  const inFlight = new Set<Promise<void>>();
  let queued: Promise<void> = Promise.resolve();
  const stageChunk = async (chunk: Digest[]) => {
    const done = await stagedKeys(d.db.sql, chunk.map((g) => g.key));
    const todo = chunk.filter((g) => !done.has(g.key));
    if (todo.length === 0) return;
    const ids = await stageCardsBulkLz4(d.db, todo.map((g) => ({ key: g.key, openId: g.openId, card: g.build() })));
    staged += ids.length;
    queued = queued.then(() => d.enqueue.delivery(ids));
  };
  let failure: { err: unknown } | undefined;
  const flush = async (chunk: Digest[]) => {
    while (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure.err;
    const p: Promise<void> = stageChunk(chunk)
      .catch((err: unknown) => void (failure ??= { err }))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const send = async (digest: Digest) => {
    pending.push(digest);
    if (pending.length < CHUNK) return;
    const chunk = pending;
    pending = [];
    await flush(chunk);
  };

  // Leader digests: members due, their urgent tasks, their follow-ups.
  let leaders = 0;
  const leaderDigest = (leaderId: number, name: string, openId: string, members: TalkBoard["members"]): Digest => {
    leaders++;
    const board: TalkBoard = {
      mode: "digest",
      leaderName: name,
      today,
      members,
      tasks: (tasksOf.get(leaderId) ?? []).map((k) => boardTask(k, today)),
      followUps: (followUpsOf.get(leaderId) ?? []).map((f) => boardFollowUp(f, today)),
    };
    tasksOf.delete(leaderId);
    followUpsOf.delete(leaderId);
    return { key: talkDigestKey(leaderId, today), openId, build: () => talkBoardCard(board) };
  };
  let current: { leaderId: number; name: string; openId: string; members: TalkBoard["members"] } | undefined;
  await forEachDueTalkPage(d.db, { today, timeZone: tz, branches, horizon: "digest" }, PAGE, async (page) => {
    await readTasks();
    for (const r of page) {
      const m = boardMember(r, today, rules.get(r.orgId)?.talk);
      const order: [string, number] = [r.dueOn, r.memberId];
      // A member whose leader cannot be reached (none assigned, or not on Lark) is the secretary's to place.
      if (r.leaderId === null || !r.leaderOpenId) {
        escalationOf(r.orgId).unassigned.push({ order, line: { memberName: r.memberName, dueOn: r.dueOn, daysLeft: m.daysLeft } });
        continue;
      }
      if (current?.leaderId !== r.leaderId) {
        if (current) await send(leaderDigest(current.leaderId, current.name, current.openId, current.members));
        current = { leaderId: r.leaderId, name: r.leaderName ?? "", openId: r.leaderOpenId, members: [] };
      }
      current.members.push(m);
      if (m.standing === "escalated") {
        escalationOf(r.orgId).overdue.push({ order, line: { memberName: r.memberName, leaderName: r.leaderName, lastTalkOn: r.lastTalkOn, dueOn: r.dueOn, daysLate: -m.daysLeft } });
      }
    }
  });
  await readTasks();
  if (current) await send(leaderDigest(current.leaderId, current.name, current.openId, current.members));
  // Leaders with urgent tasks or follow-ups and nobody due.
  for (const [leaderId, [k]] of tasksOf) await send(leaderDigest(leaderId, k!.leaderName, k!.leaderOpenId!, []));
  for (const [ownerId, [f]] of followUpsOf) await send(leaderDigest(ownerId, f!.ownerName, f!.ownerOpenId!, []));

  const readers = await d.store.orgContacts.secretariesOrAbove([...escalations.keys()]);
  const orgNames = await d.store.orgContacts.orgNamesOn([...escalations.keys()]);
  let secretaryDigests = 0;
  for (const [orgId, e] of escalations) {
    const to = readers.get(orgId) ?? [];
    if (to.length === 0) d.log.warn({ orgId }, "talk escalations have no secretary to go to, in the branch or above");
    const lines = { overdue: inOrder(e.overdue), unassigned: inOrder(e.unassigned), lateTasks: e.lateTasks };
    for (const s of to) {
      secretaryDigests++;
      await send({ key: talkEscalationKey(orgId, s.personId, today), openId: s.openId!, build: () => talkEscalationCard({ orgName: orgNames.get(orgId) ?? "", today, ...lines }) });
    }
  }
  await flush(pending);
  await Promise.all([...inFlight]);
  await queued;
  if (failure) throw failure.err;
  d.log.info({ today, leaders, secretaries: secretaryDigests, staged }, "talk sweep");
  return { today, leaders, secretaries: secretaryDigests, staged };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** The lines in the order the due members were listed before paging by leader: due day, then member. */
function inOrder<L>(items: { order: [string, number]; line: L }[]): L[] {
  return items.sort((a, b) => (a.order[0] < b.order[0] ? -1 : a.order[0] > b.order[0] ? 1 : a.order[1] - b.order[1])).map((i) => i.line);
}
