// The hardship archive (困难党员档案): at most one active entry per person (a partial unique
// index), and every change written to HardshipHistory beside it, in the same transaction.
import { Prisma } from "../generated/prisma/client.ts";
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { HardshipCause, HardshipLevel } from "../domain/hardship-rules.ts";
import { diffFields } from "./audit.ts";
import { openFields, openJson, sealer, sealJson, type Keyring } from "./sealing.ts";
import type { Tx } from "./tx.ts";

// A household's situation and why an entry was closed are sealed at rest, and so is each history
// line's changes (which carry the household text before and after): sealing.ts.
const SEALED = ["household", "resolvedReason"] as const;

export interface HardshipRow {
  id: number;
  orgId: number;
  personId: number;
  causes: HardshipCause[];
  level: HardshipLevel;
  household: string;
  status: "ACTIVE" | "RESOLVED";
  nextReviewOn: string;
  openedFromRequestId: number | null;
  resolvedReason: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface HistoryLine {
  at: Date;
  actorId: number | null;
  action: string;
  changes: unknown;
}

type Raw = Prisma.HardshipEntryGetPayload<object>;
const toRow = (e: Raw, keys: Keyring): HardshipRow => openFields(keys, "HardshipEntry", rowOf(e), SEALED);
const rowOf = (e: Raw): HardshipRow => ({
  id: e.id,
  orgId: e.orgId,
  personId: e.personId,
  causes: e.causes,
  level: e.level,
  household: e.household,
  status: e.status,
  nextReviewOn: dateToDay(e.nextReviewOn),
  openedFromRequestId: e.openedFromRequestId,
  resolvedReason: e.resolvedReason,
  resolvedAt: e.resolvedAt,
  createdAt: e.createdAt,
});

export async function findEntry(tx: Tx, id: number): Promise<HardshipRow | null> {
  const e = await tx.hardshipEntry.findUnique({ where: { id } });
  return e ? toRow(e, sealer(tx)) : null;
}

/** The person's active entry, else their most recent resolved one, else null. */
export async function entryOf(tx: Tx, personId: number): Promise<HardshipRow | null> {
  const e = await tx.hardshipEntry.findFirst({ where: { personId }, orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }] });
  return e ? toRow(e, sealer(tx)) : null;
}

export async function history(tx: Tx, entryId: number): Promise<HistoryLine[]> {
  const rows = await tx.hardshipHistory.findMany({ where: { entryId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const keys = sealer(tx);
  return rows.map((h) => ({ at: h.at, actorId: h.actorId, action: h.action, changes: openJson(keys, "HardshipHistory.changes", h.changes) }));
}

export async function entriesOf(tx: Tx, orgIds: readonly number[], limit = 30): Promise<(HardshipRow & { name: string })[]> {
  const rows = await tx.hardshipEntry.findMany({
    where: { orgId: { in: [...orgIds] } },
    orderBy: [{ status: "asc" }, { nextReviewOn: "asc" }, { id: "asc" }],
    take: limit,
  });
  const people = await tx.person.findMany({ where: { id: { in: rows.map((r) => r.personId) } }, select: { id: true, name: true } });
  const name = new Map(people.map((p) => [p.id, p.name]));
  const keys = sealer(tx);
  return rows.map((r) => ({ ...toRow(r, keys), name: name.get(r.personId) ?? "?" }));
}

export interface NewEntry {
  orgId: number;
  personId: number;
  causes: HardshipCause[];
  level: HardshipLevel;
  household: string;
  nextReviewOn: string;
  openedFromRequestId: number | null;
  byId: number;
  at: Date;
}

/** Opens an entry; null when the person already has an active one. */
export async function openEntry(tx: Tx, e: NewEntry): Promise<HardshipRow | null> {
  // ON CONFLICT on the partial index: two secretaries opening at once get one entry, no aborted transaction.
  // The causes go as an array literal: driver adapters (pg, PGlite) bind JS arrays differently.
  const causes = `{${e.causes.join(",")}}`;
  const keys = sealer(tx);
  const ids = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "HardshipEntry" ("orgId", "personId", "causes", "level", "household", "status", "nextReviewOn", "openedFromRequestId", "createdById", "createdAt", "updatedAt")
    VALUES (${e.orgId}, ${e.personId}, ${causes}::"HardshipCause"[], ${e.level}::"HardshipLevel", ${keys.seal("HardshipEntry.household", e.household)}, 'ACTIVE', ${dayToDate(e.nextReviewOn)}::date, ${e.openedFromRequestId}, ${e.byId}, ${e.at}, ${e.at})
    ON CONFLICT ("personId") WHERE "status" = 'ACTIVE' DO NOTHING
    RETURNING "id"`;
  const id = ids[0]?.id;
  if (id === undefined) return null;
  const changes = { causes: e.causes, level: e.level, household: e.household, nextReviewOn: e.nextReviewOn, openedFromRequestId: e.openedFromRequestId };
  await tx.hardshipHistory.create({ data: { entryId: id, at: e.at, actorId: e.byId, action: "OPENED", changes: sealJson(keys, "HardshipHistory.changes", changes)! } });
  return findEntry(tx, id);
}

export interface EntryPatch {
  causes: HardshipCause[];
  level: HardshipLevel;
  household: string;
  nextReviewOn: string;
}

/** Changes an active entry; returns the diff ({} when nothing changed), or null when it is no longer active. */
export async function updateEntry(tx: Tx, before: HardshipRow, patch: EntryPatch, d: { byId: number; at: Date }): Promise<Record<string, [unknown, unknown]> | null> {
  const diff = diffFields<Record<string, unknown>>(
    { causes: [...before.causes].sort(), level: before.level, household: before.household, nextReviewOn: before.nextReviewOn },
    { causes: [...patch.causes].sort(), level: patch.level, household: patch.household, nextReviewOn: patch.nextReviewOn },
  );
  if (Object.keys(diff).length === 0) return {};
  const n = await tx.hardshipEntry.updateMany({
    where: { id: before.id, status: "ACTIVE" },
    data: { causes: patch.causes, level: patch.level, household: sealer(tx).seal("HardshipEntry.household", patch.household), nextReviewOn: dayToDate(patch.nextReviewOn), updatedAt: d.at },
  });
  if (n.count === 0) return null;
  // Only the review date moved: the entry was looked at again and kept as it is.
  const action = Object.keys(diff).length === 1 && diff.nextReviewOn ? "REVIEWED" : "UPDATED";
  await tx.hardshipHistory.create({ data: { entryId: before.id, at: d.at, actorId: d.byId, action, changes: sealJson(sealer(tx), "HardshipHistory.changes", diff)! } });
  return diff;
}

export async function resolveEntry(tx: Tx, before: HardshipRow, d: { byId: number; reason: string; at: Date }): Promise<boolean> {
  const n = await tx.hardshipEntry.updateMany({ where: { id: before.id, status: "ACTIVE" }, data: { status: "RESOLVED", resolvedReason: sealer(tx).seal("HardshipEntry.resolvedReason", d.reason), resolvedAt: d.at, updatedAt: d.at } });
  if (n.count === 0) return false;
  await tx.hardshipHistory.create({ data: { entryId: before.id, at: d.at, actorId: d.byId, action: "RESOLVED", changes: sealJson(sealer(tx), "HardshipHistory.changes", { status: ["ACTIVE", "RESOLVED"], reason: d.reason })! } });
  return true;
}

export interface HardshipCounts {
  orgId: number;
  active: number;
  special: number;
  serious: number;
  /** Active entries whose review day is today or past. */
  due: number;
  /** Resolved since `since` (the year's start). */
  resolved: number;
}

/**
 * Counts only, per organisation: what an organisation above branches sees of their archives (an
 * entry itself only once it is raised to it). Organisations without entries are absent.
 */
export async function hardshipCountsIn(tx: Tx, orgIds: readonly number[], q: { today: string; since: Date }): Promise<HardshipCounts[]> {
  if (orgIds.length === 0) return [];
  return tx.$queryRaw<HardshipCounts[]>`
    SELECT e."orgId",
           count(*) FILTER (WHERE e."status" = 'ACTIVE')::int AS "active",
           count(*) FILTER (WHERE e."status" = 'ACTIVE' AND e."level" = 'SPECIAL')::int AS "special",
           count(*) FILTER (WHERE e."status" = 'ACTIVE' AND e."level" = 'SERIOUS')::int AS "serious",
           count(*) FILTER (WHERE e."status" = 'ACTIVE' AND e."nextReviewOn" <= ${q.today}::date)::int AS "due",
           count(*) FILTER (WHERE e."status" = 'RESOLVED' AND e."resolvedAt" >= ${q.since})::int AS "resolved"
    FROM "HardshipEntry" e WHERE e."orgId" = ANY(${[...orgIds]}::int[])
    GROUP BY e."orgId" ORDER BY e."orgId"`;
}
