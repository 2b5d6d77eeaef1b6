// The AidRequest row as every aid statement reads it, and its timeline events. The column list
// is written once: Prisma's select and the SQL statements that read or RETURN the row are both
// made from it, so a new column is added here and nowhere else.
import { Prisma } from "../generated/prisma/client.ts";
import type { AidCategory, AidStatus, AidUrgency, FundSource, TimelineType } from "../domain/aid-rules.ts";
import type { Keyring } from "../lib/sealing.ts";

// Why a member asks for help and what a decider wrote back are sealed at rest (sealing.ts): every
// statement writes them sealed and every read opens them through openRequest / eventOf.

export interface AidRequestRow {
  id: number;
  number: string;
  orgId: number;
  personId: number;
  filedById: number;
  onBehalf: boolean;
  category: AidCategory;
  description: string;
  requestedFen: number | null;
  urgency: AidUrgency;
  status: AidStatus;
  approvedFen: number | null;
  fundSource: FundSource | null;
  decidedById: number | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** The form card the request was filed from: its receipt, patched as the request moves. */
  formMessageId: string | null;
  /** The member's last 催办 (at most one a day). */
  urgedAt: Date | null;
  createdAt: Date;
}

export interface TimelineEvent {
  id: number;
  at: Date;
  actorId: number | null;
  type: TimelineType;
  note: string | null;
}

/** Every AidRequestRow column, as Prisma's select (the compiler keeps it equal to the interface). */
export const requestSelect = {
  id: true,
  number: true,
  orgId: true,
  personId: true,
  filedById: true,
  onBehalf: true,
  category: true,
  description: true,
  requestedFen: true,
  urgency: true,
  status: true,
  approvedFen: true,
  fundSource: true,
  decidedById: true,
  decidedAt: true,
  decisionNote: true,
  formMessageId: true,
  urgedAt: true,
  createdAt: true,
} as const satisfies Record<keyof AidRequestRow, true>;

const COLUMNS = Object.keys(requestSelect) as (keyof AidRequestRow)[];
/** Cast to text, so every driver adapter (pg, PGlite) returns the plain string the row type promises. */
const ENUMS: ReadonlySet<keyof AidRequestRow> = new Set(["category", "urgency", "status", "fundSource"]);

/** The same columns in SQL, for a SELECT or a RETURNING; `alias` qualifies them (`r."id"`). */
export function requestColumns(alias?: string): Prisma.Sql {
  const q = alias ? `${alias}.` : "";
  return Prisma.raw(COLUMNS.map((c) => (ENUMS.has(c) ? `${q}"${c}"::text AS "${c}"` : `${q}"${c}"`)).join(", "));
}

/** The request's own columns out of a wider row (one that also carries what the statement joined), opened. */
export function requestOf(row: AidRequestRow, keys: Keyring): AidRequestRow {
  return openRequest(keys, Object.fromEntries(COLUMNS.map((c) => [c, row[c]])) as unknown as AidRequestRow);
}

/** The row with its sealed texts opened. */
export function openRequest<R extends Pick<AidRequestRow, "description" | "decisionNote">>(keys: Keyring, row: R): R {
  return { ...row, description: keys.open("AidRequest.description", row.description), decisionNote: keys.open("AidRequest.decisionNote", row.decisionNote) };
}

/** A timeline event as Prisma or SQL gives it (the type column is text), its note opened. */
export function eventOf(e: { id: number; at: Date; actorId: number | null; type: string; note: string | null }, keys: Keyring): TimelineEvent {
  return { id: e.id, at: e.at, actorId: e.actorId, type: e.type as TimelineType, note: keys.open("AidRequestEvent.note", e.note) };
}
