// The audit trail: every view and change of a sensitive record goes through here, inside the
// same transaction as the change, so a rolled-back change leaves no audit line either.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export interface AuditEntry {
  actorId: number | null;
  actorOpenId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  orgId?: number | null;
  changes?: Prisma.InputJsonValue;
  eventKey?: string | null;
}

export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: e.actorId,
      actorOpenId: e.actorOpenId ?? null,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: String(e.subjectId),
      orgId: e.orgId ?? null,
      ...(e.changes === undefined ? {} : { changes: e.changes }),
      eventKey: e.eventKey ?? null,
    },
  });
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
