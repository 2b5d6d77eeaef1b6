// Contact logs (ContactLog): with a paired member (kind PAIRING) or a mobile member (MOBILE).
// `at` holds the contact's calendar day at UTC midnight, like the @db.Date columns.
import { dayToDate } from "../domain/calendar-day.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export async function logContact(
  tx: Tx,
  c: { orgId: number; memberId: number; byId: number; kind: "PAIRING" | "MOBILE"; pairingId: number | null; on: string; how: string; note: string | null },
): Promise<number> {
  const r = await tx.contactLog.create({
    data: { orgId: c.orgId, memberId: c.memberId, byId: c.byId, kind: c.kind, pairingId: c.pairingId, at: dayToDate(c.on), how: c.how, note: sealer(tx).seal("ContactLog.note", c.note) },
    select: { id: true },
  });
  return r.id;
}
