// The roster import's history statements ("history on day one"): talks held before the bot
// (imported, a date and a leader, no notes), pairings that already exist, entries of the
// hardship archive. Bulk, in the import's one transaction; each only adds what is not there yet,
// so importing the same file again writes nothing.
import type { HardshipCause, HardshipLevel, HelperKind } from "../generated/prisma/enums.ts";
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { Tx } from "./tx.ts";

/** Which of (member, day) already have a talk on record, as "memberId:YYYY-MM-DD". */
export async function talkDaysOf(tx: Tx, memberIds: readonly number[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await tx.talk.findMany({ where: { memberId: { in: [...memberIds] } }, select: { memberId: true, heldOn: true } });
  return new Set(rows.map((t) => `${t.memberId}:${dateToDay(t.heldOn)}`));
}

/** Talks held before the bot: marked imported, held in person (the form is not known), no notes. */
export async function importTalks(tx: Tx, talks: readonly { orgId: number; memberId: number; leaderId: number; heldOn: string }[], at: Date): Promise<void> {
  if (talks.length === 0) return;
  await tx.talk.createMany({ data: talks.map((t) => ({ orgId: t.orgId, memberId: t.memberId, leaderId: t.leaderId, heldOn: dayToDate(t.heldOn), form: "IN_PERSON", concernAreas: [], imported: true, createdAt: at })) });
}

/** Pairings of these members not ended before `today`: a helper or department already paired is not paired again. */
export async function openPairingsOf(tx: Tx, memberIds: readonly number[], today: string): Promise<{ memberId: number; helperPersonId: number | null; departmentName: string | null }[]> {
  if (memberIds.length === 0) return [];
  return tx.pairing.findMany({
    where: { memberId: { in: [...memberIds] }, OR: [{ endOn: null }, { endOn: { gte: dayToDate(today) } }] },
    select: { memberId: true, helperPersonId: true, departmentName: true },
  });
}

export async function createPairings(
  tx: Tx,
  rows: readonly { orgId: number; memberId: number; helperKind: HelperKind; helperPersonId: number | null; departmentName: string | null; startOn: string; createdById: number | null }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.pairing.createMany({ data: rows.map((r) => ({ ...r, startOn: dayToDate(r.startOn), createdAt: at })) });
}

/** People among `personIds` with an ACTIVE entry in the archive (one at most each). */
export async function inHardship(tx: Tx, personIds: readonly number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx.hardshipEntry.findMany({ where: { personId: { in: [...personIds] }, status: "ACTIVE" }, select: { personId: true } });
  return new Set(rows.map((r) => r.personId));
}

/** Opens archive entries, each with its OPENED history line saying it came from the roster. */
export async function openHardshipEntries(
  tx: Tx,
  rows: readonly { orgId: number; personId: number; causes: readonly HardshipCause[]; level: HardshipLevel; household: string; nextReviewOn: string; createdById: number | null; file: string }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const made = await tx.hardshipEntry.createManyAndReturn({
    data: rows.map((r) => ({ orgId: r.orgId, personId: r.personId, causes: [...r.causes], level: r.level, household: r.household, nextReviewOn: dayToDate(r.nextReviewOn), createdById: r.createdById, createdAt: at, updatedAt: at })),
    select: { id: true, personId: true },
  });
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  await tx.hardshipHistory.createMany({
    data: made.map((e) => {
      const r = byPerson.get(e.personId)!;
      return { entryId: e.id, at, actorId: r.createdById, action: "OPENED", changes: { source: "roster", file: r.file, causes: [...r.causes], level: r.level, nextReviewOn: r.nextReviewOn } };
    }),
  });
}
