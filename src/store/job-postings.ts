// Job postings (岗位发布) and what reached whom. The one-card-a-week limit is kept here: under a
// per-person advisory lock, a match goes out in this week's card only if no card went to that
// member this week (JobPush.week); otherwise it is held (week null) for their next weekly card.
// The card's outbox key is person + week as well, so even a retried send cannot make two.
import type { PostingInput } from "../domain/employment-input.ts";
import { mayPush } from "../domain/job-match.ts";
import { ACTIVE_MEMBERSHIP, ALIVE } from "./standing.ts";
import type { Tx } from "./tx.ts";

const PUSH_LOCK_CLASS = 72707382;

export const jobCardKey = (personId: number, week: string) => `job-push-${personId}-${week}`;

export type PostingRow = PostingInput & { id: number; orgId: number; postedById: number; createdAt: Date };

export type NewPosting = Omit<PostingRow, "id" | "createdAt"> & { formMessageId: string | null; at: Date };

export async function createPosting(tx: Tx, p: NewPosting): Promise<PostingRow | null> {
  const { at, ...data } = p;
  const rows = await tx.jobPosting.createManyAndReturn({ data: [{ ...data, createdAt: at }], skipDuplicates: true });
  const r = rows[0];
  if (!r) return null;
  const { formMessageId: _f, ...row } = r;
  return row;
}

export async function postingByForm(tx: Tx, formMessageId: string): Promise<PostingRow | null> {
  const r = await tx.jobPosting.findUnique({ where: { formMessageId } });
  if (!r) return null;
  const { formMessageId: _f, ...row } = r;
  return row;
}

export async function postingsById(tx: Tx, ids: readonly number[]): Promise<PostingRow[]> {
  const rows = await tx.jobPosting.findMany({ where: { id: { in: [...ids] } }, orderBy: { id: "asc" } });
  return rows.map(({ formMessageId: _f, ...row }) => row);
}

/** How many postings reached the member of this case (matches still held are not counted). */
export async function postingsSentTo(tx: Tx, caseId: number): Promise<number> {
  return tx.jobPush.count({ where: { caseId, week: { not: null } } });
}

/** Takes the person's push lock (held to commit); call in ascending person order to avoid deadlocks. */
async function lockPushes(tx: Tx, personId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUSH_LOCK_CLASS}::int, ${personId}::int)`;
}

async function lastCardWeek(tx: Tx, personId: number): Promise<string | null> {
  const r = await tx.jobPush.findFirst({ where: { personId, week: { not: null } }, orderBy: { week: "desc" }, select: { week: true } });
  return r?.week ?? null;
}

export interface PushTarget {
  personId: number;
  caseId: number;
}

/**
 * Records the posting's matches: "now" for members who get a card this week (their week is
 * taken), "held" for members who had one already. A match recorded before is left as it is.
 */
export async function recordMatches(tx: Tx, postingId: number, targets: readonly PushTarget[], week: string, at: Date): Promise<{ now: PushTarget[]; held: PushTarget[] }> {
  const now: PushTarget[] = [];
  const held: PushTarget[] = [];
  for (const t of [...targets].sort((a, b) => a.personId - b.personId)) {
    await lockPushes(tx, t.personId);
    const go = mayPush(await lastCardWeek(tx, t.personId), week);
    const made = await tx.jobPush.createMany({
      data: [{ postingId, personId: t.personId, caseId: t.caseId, week: go ? week : null, sentAt: go ? at : null, createdAt: at }],
      skipDuplicates: true,
    });
    if (made.count === 1) (go ? now : held).push(t);
  }
  return { now, held };
}

/**
 * Members whose case is still open and who have held matches: the weekly card goes to them.
 * Matches held for a case that closed (the member found work) are kept but never sent.
 */
export async function peopleWithHeld(tx: Tx): Promise<{ personId: number; caseId: number; orgId: number }[]> {
  const held = await tx.jobPush.findMany({ where: { week: null }, distinct: ["caseId"], select: { caseId: true } });
  if (held.length === 0) return [];
  const open = await tx.employmentCase.findMany({ where: { id: { in: held.map((h) => h.caseId) }, status: "OPEN" }, select: { id: true, personId: true, orgId: true }, orderBy: { personId: "asc" } });
  // Only members still in the case's branch (standing.ts): a held posting never follows someone who left.
  const still = await tx.membership.findMany({
    where: { personId: { in: open.map((c) => c.personId) }, ...ACTIVE_MEMBERSHIP, person: ALIVE },
    select: { personId: true, orgId: true },
  });
  const inBranch = new Set(still.map((m) => `${m.personId}:${m.orgId}`));
  return open.filter((c) => inBranch.has(`${c.personId}:${c.orgId}`)).map((c) => ({ personId: c.personId, caseId: c.id, orgId: c.orgId }));
}

/**
 * Puts a member's held matches into this week's card, if the week is still free; returns the
 * postings the card carries (empty when a card went this week already or nothing is held).
 */
export async function releaseHeld(tx: Tx, personId: number, caseId: number, week: string, at: Date): Promise<number[]> {
  await lockPushes(tx, personId);
  if (!mayPush(await lastCardWeek(tx, personId), week)) return [];
  const held = await tx.jobPush.findMany({ where: { personId, caseId, week: null }, select: { id: true, postingId: true }, orderBy: { postingId: "asc" } });
  if (held.length === 0) return [];
  await tx.jobPush.updateMany({ where: { id: { in: held.map((h) => h.id) }, week: null }, data: { week, sentAt: at } });
  return held.map((h) => h.postingId);
}
