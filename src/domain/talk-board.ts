// What a leader's talk board holds (the daily digest and the `谈心` list): each member due with
// where they stand against the cadence, each open urgent talk and each follow-up with the days
// left. Pure, so the sweep (thousands of boards from one set of rows) and a card action (one
// board in its transaction) shape rows the same way; cards/talk-board.ts draws it.
import { type Day, daysBetween } from "./calendar-day.ts";
import { DEFAULT_TALK_RULES, talkStanding, type TalkRules, type TalkStanding } from "./talk-cadence.ts";

export type BoardMode = "digest" | "list";

export interface BoardMember {
  memberId: number;
  name: string;
  lastTalkOn: Day | null;
  dueOn: Day;
  standing: TalkStanding;
  daysLeft: number;
}
export interface BoardTask {
  taskId: number;
  memberId: number;
  name: string;
  reason: string;
  note: string | null;
  dueOn: Day;
  daysLeft: number;
}
export interface BoardFollowUp {
  id: number;
  memberName: string;
  description: string;
  dueOn: Day;
  daysLeft: number;
}
export interface TalkBoard {
  mode: BoardMode;
  leaderName: string;
  today: Day;
  members: BoardMember[];
  tasks: BoardTask[];
  followUps: BoardFollowUp[];
}

/** A member owed a talk, with the talk rules of their branch (the defaults when it has none). */
export function boardMember(r: { memberId: number; memberName: string; lastTalkOn: Day | null; dueOn: Day }, today: Day, talk: TalkRules = DEFAULT_TALK_RULES): BoardMember {
  return {
    memberId: r.memberId,
    name: r.memberName,
    lastTalkOn: r.lastTalkOn,
    dueOn: r.dueOn,
    standing: talkStanding(r.dueOn, today, talk),
    daysLeft: daysBetween(today, r.dueOn),
  };
}

export function boardTask(k: { id: number; memberId: number; memberName: string; reason: string; note: string | null; dueOn: Day }, today: Day): BoardTask {
  return { taskId: k.id, memberId: k.memberId, name: k.memberName, reason: k.reason, note: k.note, dueOn: k.dueOn, daysLeft: daysBetween(today, k.dueOn) };
}

export function boardFollowUp(f: { id: number; memberName: string; description: string; dueOn: Day }, today: Day): BoardFollowUp {
  return { id: f.id, memberName: f.memberName, description: f.description, dueOn: f.dueOn, daysLeft: daysBetween(today, f.dueOn) };
}
