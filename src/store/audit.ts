// The audit trail: every view and change of a sensitive record goes through here, inside the
// same transaction as the change, so a rolled-back change leaves no audit line either.
//
// A line says who, what and which record, never the sensitive values themselves (a household's
// situation, a talk's notes, why someone asked for money): those may be erased later, and the
// audit must stay whole and readable by the member it is about. The database keeps it
// append-only and hash-chained per organisation (the privacy_by_design migration); verifyChains
// below walks those chains.
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export interface AuditEntry {
  actorId: number | null;
  actorOpenId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  orgId?: number | null;
  /**
   * The person whose records the line is about (the member of a hardship entry, a talk, an aid
   * request, a visit …), for views and changes alike: "who looked at my records" reads by it.
   */
  subjectPersonId?: number | null;
  /** Field names, enumerations, amounts and ids; never free text (see auditDiff). */
  changes?: Prisma.InputJsonValue;
  eventKey?: string | null;
  /** An anonymous item (a suggestion): no actor, no open id, no event key that leads back to one. */
  anonymous?: boolean;
}

/** The row an entry becomes. "No changes" is SQL NULL, as Prisma stored an omitted Json field. */
function auditRow(e: AuditEntry) {
  const anonymous = e.anonymous === true;
  return {
    actorId: anonymous ? null : e.actorId,
    actorOpenId: anonymous ? null : (e.actorOpenId ?? null),
    action: e.action,
    subjectType: e.subjectType,
    subjectId: String(e.subjectId),
    orgId: e.orgId ?? null,
    subjectPersonId: e.subjectPersonId ?? null,
    changes: e.changes ?? null,
    eventKey: anonymous ? null : (e.eventKey ?? null),
  };
}

/**
 * The INSERT of audit lines, a statement of its own or a part of a larger one (stageWrites in
 * outbox.ts writes a handler's lines in the statement that stages its messages). The chain
 * columns (chain, seq, hash) are the BEFORE INSERT trigger's to fill. `after` is joined to the
 * lines (stageWritesAfter: a CTE that must run before the chain's head is locked).
 */
export function auditInsert(entries: AuditEntry[], after: Prisma.Sql = Prisma.empty): Prisma.Sql {
  // In ascending chain order (stable: one organisation's lines keep theirs). The trigger locks
  // each chain's head until the commit; two transactions writing lines of the same two
  // organisations in opposite orders would otherwise deadlock (a transfer between two branches
  // audits both). So a transaction writes its lines in one statement, as the router does.
  const rows = entries.map(auditRow).sort((x, y) => (x.orgId ?? 0) - (y.orgId ?? 0));
  return Prisma.sql`
    INSERT INTO "AuditLog" ("actorId", "actorOpenId", "action", "subjectType", "subjectId", "orgId", "subjectPersonId", "changes", "eventKey")
    SELECT r."actorId", r."actorOpenId", r."action", r."subjectType", r."subjectId", r."orgId", r."subjectPersonId", r."changes", r."eventKey"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("actorId" int, "actorOpenId" text, "action" text, "subjectType" text, "subjectId" text, "orgId" int, "subjectPersonId" int, "changes" jsonb, "eventKey" text) ${after}`;
}

/**
 * One audit line, now. Plain SQL: Prisma's create cost about 1.4 ms of CPU per line. Handlers
 * run by the router do not call this: their lines are written with their messages at the end
 * of the transaction.
 */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.$executeRaw(auditInsert([e]));
}

/** Many audit lines in one statement: the roster import writes one per organisation or person it changed. */
export async function auditAll(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await tx.$executeRaw(auditInsert(entries));
}

/** {field: [before, after]} for the fields that differ; empty when nothing changed. */
export function diffFields<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after)) {
    const a = before?.[k];
    const b = after[k];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));
    if (norm(a) !== norm(b)) out[k] = [a ?? null, b ?? null];
  }
  return out;
}

/** What the audit says of a field whose value it does not keep. */
export const CHANGED = "changed";

/**
 * A diff fit for the audit: the fields named in `plain` (enumerations, amounts, dates, ids) keep
 * [before, after]; every other changed field is named with "changed" and no value, so free text
 * (a household's situation, a whereabouts, a note) never reaches the audit. Plain is the list
 * of the harmless, not of the sensitive: a field added later stays out of the audit by default.
 */
export function auditDiff(diff: Record<string, [unknown, unknown]>, plain: readonly string[]): Record<string, Prisma.InputJsonValue> {
  const out: Record<string, Prisma.InputJsonValue> = {};
  // A diff's values came from the database or a parsed form: JSON already.
  for (const [k, v] of Object.entries(diff)) out[k] = plain.includes(k) ? (v as Prisma.InputJsonValue) : CHANGED;
  return out;
}

/**
 * The free text a change wrote, named and never quoted: `{ written: ["reason"] }` for
 * `written({ reason })`, so the audit says a reason was given without keeping what it says.
 * Empty values are left out.
 */
export function written(fields: Record<string, unknown>): { written: string[] } {
  const names = Object.entries(fields)
    .filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);
  return { written: names };
}
