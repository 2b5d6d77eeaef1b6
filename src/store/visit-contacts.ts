// Contact logs (ContactLog): with a paired member (kind PAIRING) or a mobile member (MOBILE).
// `at` holds the contact's calendar day at UTC midnight, like the @db.Date columns.
import { dateToDay, dayToDate } from "../domain/calendar-day.ts";
import type { Tx } from "./tx.ts";

export async function logContact(
  tx: Tx,
  c: { orgId: number; memberId: number; byId: number; kind: "PAIRING" | "MOBILE"; pairingId: number | null; on: string; how: string; note: string | null },
): Promise<number> {
  const r = await tx.contactLog.create({
    data: { orgId: c.orgId, memberId: c.memberId, byId: c.byId, kind: c.kind, pairingId: c.pairingId, at: dayToDate(c.on), how: c.how, note: c.note },
    select: { id: true },
  });
  return r.id;
}

export async function lastMobileContact(tx: Tx, memberId: number): Promise<string | null> {
  const r = await tx.contactLog.findFirst({ where: { memberId, kind: "MOBILE" }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { at: true } });
  return r ? dateToDay(r.at) : null;
}

/** Mobile members a leader is responsible for, with their branch and last contact. */
export async function mobileMembersOf(tx: Tx, leaderId: number): Promise<{ id: number; name: string; orgId: number; whereabouts: string | null; lastContact: string | null }[]> {
  const rows = await tx.$queryRawUnsafe<{ id: number; name: string; orgId: number; whereabouts: string | null; last_at: Date | null }[]>(
    `SELECT DISTINCT ON (p."id") p."id", p."name", m."orgId", p."whereabouts",
            (SELECT max(c."at") FROM "ContactLog" c WHERE c."memberId" = p."id" AND c."kind" = 'MOBILE') AS last_at
     FROM "Person" p JOIN "Membership" m ON m."personId" = p."id" AND m."role" = 'MEMBER'
     WHERE p."responsibleLeaderId" = $1 AND 'MOBILE' = ANY(p."tags")
     ORDER BY p."id", m."orgId" LIMIT 50`,
    leaderId,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, orgId: r.orgId, whereabouts: r.whereabouts, lastContact: r.last_at ? dateToDay(r.last_at) : null }));
}
