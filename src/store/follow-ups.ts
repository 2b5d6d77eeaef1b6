// Follow-ups (跟进事项) a leader promised in a talk: written with the talk (talks.ts), closed
// here by their owner or a secretary of the talk's branch.
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface FollowUpRow {
  id: number;
  ownerId: number;
  status: "OPEN" | "DONE" | "CANCELLED";
  description: string;
  talkId: number;
  orgId: number;
  /** The member the talk was with: the audit line about closing it is about their records. */
  memberId: number;
}

export async function findFollowUp(tx: Tx, id: number): Promise<FollowUpRow | null> {
  const f = await tx.followUp.findUnique({ where: { id }, select: { id: true, ownerId: true, status: true, description: true, talk: { select: { id: true, orgId: true, memberId: true } } } });
  return f ? { id: f.id, ownerId: f.ownerId, status: f.status, description: sealer(tx).open("FollowUp.description", f.description), talkId: f.talk.id, orgId: f.talk.orgId, memberId: f.talk.memberId } : null;
}

/** Marks it done; false when it was no longer open (closed by someone else meanwhile). */
export async function closeFollowUp(tx: Tx, id: number, at: Date): Promise<boolean> {
  const n = await tx.followUp.updateMany({ where: { id, status: "OPEN" }, data: { status: "DONE", doneAt: at } });
  return n.count > 0;
}
