// Members talking with members (党员之间相互谈心): what makes a record of such a talk acceptable.
// Two different members of the same branch, a day that has come and is recent enough to be
// remembered, and short notes if any. Which branch and who is in it is the store's to know; the
// handler passes whether the peer is an active member of the recorder's branch.
import { addDays, type Day } from "./calendar-day.ts";
import { problem, type Problem } from "./problem.ts";

/** How far back a talk may be dated: a quarter, so it still counts in the quarter's analysis. */
export const PEER_TALK_DAYS_BACK = 90;
/** The notes are a few lines of one's own, not a report. */
export const PEER_TALK_NOTES_MAX = 500;

export interface PeerTalkDraft {
  recorderId: number;
  peerId: number;
  /** The peer is an active member of the branch the talk is recorded in (alive, not transferred out). */
  peerInBranch: boolean;
  heldOn: Day;
  notes: string | null;
}

export function peerTalkProblem(d: PeerTalkDraft, today: Day): Problem | null {
  if (d.peerId === d.recorderId) return problem("peer_self", "请选择与您谈心的另一位党员，不能选择自己。", "Choose the other member you talked with, not yourself.");
  if (!d.peerInBranch) return problem("peer_not_in_branch", "对方不是本支部的在册党员，请从名单中选择。", "That person is not an active member of your branch; choose from the list.");
  if (d.heldOn > today) return problem("peer_future", "谈心日期不能晚于今天。", "The talk cannot be dated after today.");
  if (d.heldOn < earliestPeerTalkDay(today)) {
    return problem("peer_too_old", `谈心日期不能早于 ${PEER_TALK_DAYS_BACK} 天前。`, `The talk cannot be dated more than ${PEER_TALK_DAYS_BACK} days ago.`);
  }
  if (d.notes !== null && [...d.notes].length > PEER_TALK_NOTES_MAX) {
    return problem("peer_notes_long", `谈心内容请控制在 ${PEER_TALK_NOTES_MAX} 字以内。`, `Please keep the notes under ${PEER_TALK_NOTES_MAX} characters.`);
  }
  return null;
}

/** The earliest day a talk recorded on `today` may be dated. */
export function earliestPeerTalkDay(today: Day): Day {
  return addDays(today, -PEER_TALK_DAYS_BACK);
}
