// 上报 (Escalation): items a branch put before the organisation above it, one row per item and
// organisation it landed with. The committee reads an item of a branch below only through a row
// here, and every read of a row checks in the same statement that the reader is the secretary
// or affairs worker of the organisation it landed with, or of one above that (need to know): a
// forged id, or an item nobody escalated, reads as nothing. The raiser's note and the
// committee's answer are sealed.
import type { EscalationReason, EscalationSubject } from "../domain/escalation.ts";
import { sealer } from "./sealing.ts";
import { activeMembership } from "./standing.ts";
import type { Tx } from "./tx.ts";

export interface EscalationRow {
  id: number;
  fromOrgId: number;
  fromOrgName: string;
  toOrgId: number;
  toOrgName: string;
  subjectType: EscalationSubject;
  subjectId: number;
  subjectPersonId: number | null;
  /** The member's name, when the item is about one. */
  subjectName: string | null;
  /** The number people know the item by (2026-0007), when it has one. */
  subjectNumber: string | null;
  reason: EscalationReason;
  note: string | null;
  raisedById: number | null;
  raisedByName: string | null;
  raisedAt: Date;
  status: "OPEN" | "CLOSED";
  closedById: number | null;
  closedByName: string | null;
  closedAt: Date | null;
  closingNote: string | null;
}

const SELECT = `
  SELECT e."id", e."fromOrgId", fo."name" AS "fromOrgName", e."toOrgId", t."name" AS "toOrgName", e."subjectType", e."subjectId",
         e."subjectPersonId", sp."name" AS "subjectName",
         CASE e."subjectType"
           WHEN 'AidRequest' THEN (SELECT r."number" FROM "AidRequest" r WHERE r."id" = e."subjectId")
           WHEN 'TrainingApplication' THEN (SELECT a."number" FROM "TrainingApplication" a WHERE a."id" = e."subjectId")
           WHEN 'Suggestion' THEN (SELECT s."number" FROM "Suggestion" s WHERE s."id" = e."subjectId")
         END AS "subjectNumber",
         e."reason", e."note", e."raisedById", rb."name" AS "raisedByName", e."raisedAt", e."status"::text AS "status",
         e."closedById", cb."name" AS "closedByName", e."closedAt", e."closingNote"
  FROM "Escalation" e JOIN "Organization" fo ON fo."id" = e."fromOrgId" JOIN "Organization" t ON t."id" = e."toOrgId"
  LEFT JOIN "Person" sp ON sp."id" = e."subjectPersonId" LEFT JOIN "Person" rb ON rb."id" = e."raisedById" LEFT JOIN "Person" cb ON cb."id" = e."closedById"`;

/**
 * The organisations whose desk `personId` sits at (secretary or affairs worker, active) and every
 * organisation below them: an escalation landed with one of these is theirs to read.
 */
const DESK = `
  WITH RECURSIVE desk AS (
    SELECT ms."orgId" AS id, 0 AS depth FROM "Membership" ms
    WHERE ms."personId" = $1 AND ms."role" IN ('SECRETARY', 'AFFAIRS_WORKER') AND ${activeMembership("ms")}
    UNION
    SELECT o."id", desk.depth + 1 FROM desk JOIN "Organization" o ON o."parentId" = desk.id WHERE desk.depth < 20
  )`;

function opened(tx: Tx, rows: EscalationRow[]): EscalationRow[] {
  const keys = sealer(tx);
  return rows.map((r) => ({ ...r, note: keys.open("Escalation.note", r.note), closingNote: keys.open("Escalation.closingNote", r.closingNote) }));
}

export interface NewEscalation {
  fromOrgId: number;
  toOrgId: number;
  subjectType: EscalationSubject;
  subjectId: number;
  subjectPersonId: number | null;
  reason: EscalationReason;
  note: string | null;
  /** Null when the scheduler raised it. */
  raisedById: number | null;
  at: Date;
}

/**
 * Puts an item before an organisation: one row per item and organisation however often it is
 * raised (a second raise, or two at once, finds the first). `created` says whether this call wrote it.
 */
export async function raiseEscalation(tx: Tx, e: NewEscalation): Promise<{ id: number; created: boolean; status: "OPEN" | "CLOSED" }> {
  const note = e.note ? sealer(tx).seal("Escalation.note", e.note) : null;
  const made = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Escalation" ("fromOrgId", "toOrgId", "subjectType", "subjectId", "subjectPersonId", "reason", "note", "raisedById", "raisedAt", "status")
    VALUES (${e.fromOrgId}, ${e.toOrgId}, ${e.subjectType}, ${e.subjectId}, ${e.subjectPersonId}, ${e.reason}, ${note}, ${e.raisedById}, ${e.at}, 'OPEN')
    ON CONFLICT ("subjectType", "subjectId", "toOrgId") DO NOTHING
    RETURNING "id"`;
  if (made[0]) return { id: made[0].id, created: true, status: "OPEN" };
  const found = await tx.escalation.findUniqueOrThrow({ where: { subjectType_subjectId_toOrgId: { subjectType: e.subjectType, subjectId: e.subjectId, toOrgId: e.toOrgId } }, select: { id: true, status: true } });
  return { id: found.id, created: false, status: found.status };
}

/** The row, only when `personId` sits at the desk of the organisation it landed with or of one above it; else null. */
export async function escalationFor(tx: Tx, id: number, personId: number): Promise<EscalationRow | null> {
  const rows = await tx.$queryRawUnsafe<EscalationRow[]>(`${DESK} ${SELECT} WHERE e."id" = $2 AND e."toOrgId" IN (SELECT id FROM desk)`, personId, id);
  return opened(tx, rows)[0] ?? null;
}

/**
 * What landed with the reader's desks: every open item, then those closed since `closedSince`
 * (the year's start), newest first within each; at most `limit`.
 */
export async function escalationsFor(tx: Tx, personId: number, closedSince: Date, limit = 30): Promise<EscalationRow[]> {
  const rows = await tx.$queryRawUnsafe<EscalationRow[]>(
    `${DESK} ${SELECT}
     WHERE e."toOrgId" IN (SELECT id FROM desk) AND (e."status" = 'OPEN' OR e."closedAt" >= $2)
     ORDER BY (e."status" = 'OPEN') DESC, e."raisedAt" DESC, e."id" DESC LIMIT $3`,
    personId,
    closedSince,
    limit,
  );
  return opened(tx, rows);
}

/** How many items wait open at the desks of `personId` (the archive points committee secretaries to them). */
export async function openCountFor(tx: Tx, personId: number): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(`${DESK} SELECT count(*)::int AS n FROM "Escalation" e WHERE e."toOrgId" IN (SELECT id FROM desk) AND e."status" = 'OPEN'`, personId);
  return rows[0]?.n ?? 0;
}

/** Closes an open row with the committee's answer; false when it was closed already. */
export async function closeEscalation(tx: Tx, id: number, d: { byId: number; note: string; at: Date }): Promise<boolean> {
  const n = await tx.escalation.updateMany({ where: { id, status: "OPEN" }, data: { status: "CLOSED", closedById: d.byId, closedAt: d.at, closingNote: sealer(tx).seal("Escalation.closingNote", d.note) } });
  return n.count === 1;
}

/** The escalation id of an item landed with an organisation, if any (the hardship card's 已上报). */
export async function escalationOf(tx: Tx, subjectType: EscalationSubject, subjectId: number): Promise<{ id: number; status: "OPEN" | "CLOSED"; toOrgId: number } | null> {
  return tx.escalation.findFirst({ where: { subjectType, subjectId }, select: { id: true, status: true, toOrgId: true }, orderBy: { id: "desc" } });
}

export interface NumberedItem {
  subjectType: EscalationSubject;
  id: number;
  orgId: number;
  personId: number | null;
}

/** The aid request, training application or suggestion holding a number (2026-0007), with its branch. */
export async function itemByNumber(tx: Tx, number: string): Promise<NumberedItem | null> {
  const rows = await tx.$queryRaw<NumberedItem[]>`
    SELECT 'AidRequest' AS "subjectType", "id", "orgId", "personId" FROM "AidRequest" WHERE "number" = ${number}
    UNION ALL SELECT 'TrainingApplication', "id", "orgId", "personId" FROM "TrainingApplication" WHERE "number" = ${number}
    UNION ALL SELECT 'Suggestion', "id", "orgId", NULL::int FROM "Suggestion" WHERE "number" = ${number}
    LIMIT 1`;
  return rows[0] ?? null;
}

export interface EscalatedSuggestion {
  id: number;
  number: string | null;
  orgId: number;
  kind: "SUGGESTION" | "OPINION" | "CRITICISM";
  body: string;
  status: "OPEN" | "ANSWERED";
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

/** A suggestion as the committee sees it: what was said and answered, never who said it. */
export async function suggestionForDesk(tx: Tx, id: number): Promise<EscalatedSuggestion | null> {
  const s = await tx.suggestion.findUnique({
    where: { id },
    select: { id: true, number: true, orgId: true, kind: true, body: true, status: true, answer: true, answeredAt: true, createdAt: true },
  });
  if (!s) return null;
  const keys = sealer(tx);
  return { ...s, body: keys.open("Suggestion.body", s.body), answer: keys.open("Suggestion.answer", s.answer) };
}

/** The committee's notice of an escalation, and the branch's answer when it is closed: one per escalation and person. */
export const escalationNoticeKey = (escalationId: number, personId: number) => `escalation-${escalationId}-${personId}`;
export const escalationClosedKey = (escalationId: number, personId: number) => `escalation-closed-${escalationId}-${personId}`;
