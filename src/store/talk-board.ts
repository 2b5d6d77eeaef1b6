// One leader's talk board as it stands now (src/domain/talk-board.ts): their members due, their
// open urgent talks and follow-ups. Card actions read it inside their transaction, so a talk
// just recorded is already gone from it; the daily sweep builds every board from one set of
// rows instead (jobs/talk-sweep.ts).
import { boardFollowUp, boardMember, boardTask, type BoardMode, type TalkBoard } from "../domain/talk-board.ts";
import type { Day } from "../domain/calendar-day.ts";
import { loadBranchRules } from "./branch-rules.ts";
import type { Rows } from "./rows.ts";
import { findDueFollowUps, findDueTalks, findOpenTalkTasks } from "./talk-due.ts";

export async function loadBoard(rows: Rows, q: { leaderId: number; leaderName: string; mode: BoardMode; today: Day; timeZone: string }): Promise<TalkBoard> {
  const rules = await loadBranchRules(rows);
  const branches = [...rules.values()].filter((b) => b.kind === "BRANCH");
  // One after the other: a transaction is one connection.
  const due = await findDueTalks(rows, { today: q.today, timeZone: q.timeZone, branches, horizon: q.mode === "digest" ? "digest" : "all", leaderId: q.leaderId });
  const tasks = await findOpenTalkTasks(rows, { orgIds: branches.map((b) => b.orgId), timeZone: q.timeZone, leaderId: q.leaderId });
  const followUps = await findDueFollowUps(rows, { today: q.today, branches, ownerId: q.leaderId });
  return {
    mode: q.mode,
    leaderName: q.leaderName,
    today: q.today,
    members: due.map((r) => boardMember(r, q.today, rules.get(r.orgId)?.talk)),
    tasks: tasks.map((k) => boardTask(k, q.today)),
    followUps: followUps.map((f) => boardFollowUp(f, q.today)),
  };
}
