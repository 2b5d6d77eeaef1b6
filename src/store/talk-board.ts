// Turns due talks, urgent tasks and follow-ups into a leader's board (cards/talk-board.ts).
// The sweep builds every leader's board from one set of rows; card actions rebuild one
// leader's board inside their transaction, so a talk just recorded disappears from it.
import type { BoardFollowUp, BoardMember, BoardMode, BoardTask, TalkBoard } from "../../cards/talk-board.ts";
import { type Day, daysBetween } from "../domain/calendar-day.ts";
import { DEFAULT_TALK_RULES, talkStanding } from "../domain/talk-cadence.ts";
import { loadBranchRules, type BranchRules } from "./branch-rules.ts";
import { findDueFollowUps, findDueTalks, findOpenTalkTasks, type DueTalk, type OpenFollowUp, type OpenTalkTask } from "./talk-due.ts";
import { viaTx } from "./rows.ts";
import type { Tx } from "./tx.ts";

export function boardMember(r: DueTalk, today: Day, rules: Map<number, BranchRules>): BoardMember {
  const talk = rules.get(r.orgId)?.talk ?? DEFAULT_TALK_RULES;
  return {
    memberId: r.memberId,
    name: r.memberName,
    lastTalkOn: r.lastTalkOn,
    dueOn: r.dueOn,
    standing: talkStanding(r.dueOn, today, talk),
    daysLeft: daysBetween(today, r.dueOn),
  };
}

export function boardTask(k: OpenTalkTask, today: Day): BoardTask {
  return { taskId: k.id, memberId: k.memberId, name: k.memberName, reason: k.reason, note: k.note, dueOn: k.dueOn, daysLeft: daysBetween(today, k.dueOn) };
}

export function boardFollowUp(f: OpenFollowUp, today: Day): BoardFollowUp {
  return { id: f.id, memberName: f.memberName, description: f.description, dueOn: f.dueOn, daysLeft: daysBetween(today, f.dueOn) };
}

/** One leader's board now, read inside the caller's transaction. */
export async function loadBoard(tx: Tx, q: { leaderId: number; leaderName: string; mode: BoardMode; today: Day; timeZone: string }): Promise<TalkBoard> {
  const rules = await loadBranchRules(tx);
  const branches = [...rules.values()].filter((b) => b.kind === "BRANCH");
  const rows = viaTx(tx);
  // One after the other: a transaction is one connection.
  const due = await findDueTalks(rows, { today: q.today, timeZone: q.timeZone, branches, horizon: q.mode === "digest" ? "digest" : "all", leaderId: q.leaderId });
  const tasks = await findOpenTalkTasks(rows, { orgIds: branches.map((b) => b.orgId), timeZone: q.timeZone, leaderId: q.leaderId });
  const followUps = await findDueFollowUps(rows, { today: q.today, branches, ownerId: q.leaderId });
  return {
    mode: q.mode,
    leaderName: q.leaderName,
    today: q.today,
    members: due.map((r) => boardMember(r, q.today, rules)),
    tasks: tasks.map((k) => boardTask(k, q.today)),
    followUps: followUps.map((f) => boardFollowUp(f, q.today)),
  };
}
