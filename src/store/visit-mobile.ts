// Mobile members (流动党员): people tagged MOBILE, where they are, who is responsible for them,
// and the last contact logged with them. Marking and unmarking is a change of the Person row.
import { dateToDay } from "../domain/calendar-day.ts";
import { dayIn } from "../domain/zoned-time.ts";
import type { PersonTag } from "../generated/prisma/enums.ts";
import { activeMembership, alive, reachable } from "./standing.ts";
import type { Tx } from "./tx.ts";

export interface MobileMember {
  id: number;
  name: string;
  orgId: number;
  mobile: string | null;
  whereabouts: string | null;
  leaderId: number | null;
  /** The day the person was put on the roster, in tz: the start of "no contact" when none was ever logged. */
  since: string;
  lastContact: string | null;
  lastContactId: number | null;
}

/**
 * Members tagged MOBILE with their branch and last logged MOBILE contact (of the given branches,
 * or all): only ACTIVE memberships of people alive; a leader who left is given as none, so the
 * secretary is asked instead.
 */
export async function mobileMembers(tx: Tx, tz: string, orgIds?: number[]): Promise<MobileMember[]> {
  const rows = await tx.$queryRawUnsafe<
    { id: number; name: string; orgId: number; mobile: string | null; whereabouts: string | null; responsibleLeaderId: number | null; createdAt: Date; last_at: Date | null; last_id: number | null }[]
  >(
    `SELECT DISTINCT ON (p."id") p."id", p."name", m."orgId", p."mobile", p."whereabouts", l."id" AS "responsibleLeaderId", p."createdAt", lc."at" AS last_at, lc."id" AS last_id
     FROM "Person" p
     JOIN "Membership" m ON m."personId" = p."id" AND m."role" = 'MEMBER' AND ${activeMembership("m")}
     LEFT JOIN "Person" l ON l."id" = p."responsibleLeaderId" AND ${reachable("l")}
     LEFT JOIN LATERAL (
       SELECT c."id", c."at" FROM "ContactLog" c WHERE c."memberId" = p."id" AND c."kind" = 'MOBILE' ORDER BY c."at" DESC, c."id" DESC LIMIT 1
     ) lc ON true
     WHERE 'MOBILE' = ANY(p."tags") AND ${alive("p")} AND ($1::int[] IS NULL OR m."orgId" = ANY($1::int[]))
     ORDER BY p."id", m."id" DESC`,
    orgIds ?? null,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.orgId,
    mobile: r.mobile,
    whereabouts: r.whereabouts,
    leaderId: r.responsibleLeaderId,
    since: dayIn(r.createdAt, tz),
    lastContact: r.last_at ? dateToDay(r.last_at) : null,
    lastContactId: r.last_id,
  }));
}

/** Mobile members a leader is responsible for, with their branch and last contact. */
export async function mobileMembersLedBy(tx: Tx, leaderId: number): Promise<{ id: number; name: string; orgId: number; whereabouts: string | null; lastContact: string | null }[]> {
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

export interface MemberForContact {
  id: number;
  name: string;
  isMobile: boolean;
  whereabouts: string | null;
  responsibleLeaderId: number | null;
  /** The branches where the person is a member, first joined first. */
  orgIds: number[];
}

/** What deciding on a contact log with a (mobile) member needs: their tag, leader and branches. */
export async function memberForContact(tx: Tx, memberId: number): Promise<MemberForContact | null> {
  const p = await tx.person.findUnique({
    where: { id: memberId },
    select: { id: true, name: true, tags: true, whereabouts: true, responsibleLeaderId: true, memberships: { where: { role: "MEMBER" }, select: { orgId: true }, orderBy: { id: "asc" } } },
  });
  if (!p) return null;
  return { id: p.id, name: p.name, isMobile: p.tags.includes("MOBILE"), whereabouts: p.whereabouts, responsibleLeaderId: p.responsibleLeaderId, orgIds: p.memberships.map((m) => m.orgId) };
}

// A type, not an interface: it is passed to diffFields, which takes any record of fields.
export type MobileFields = {
  tags: PersonTag[];
  whereabouts: string | null;
};

/** A change of the mobile mark: the person's name and the fields before and after (for the audit line). */
export interface MobileChange {
  name: string;
  before: MobileFields;
  after: MobileFields;
}

async function change(tx: Tx, personId: number, next: (before: MobileFields) => MobileFields): Promise<MobileChange> {
  const p = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { tags: true, whereabouts: true, name: true } });
  const before = { tags: p.tags, whereabouts: p.whereabouts };
  const after = next(before);
  await tx.person.update({ where: { id: personId }, data: after });
  return { name: p.name, before, after };
}

/** Tags the person MOBILE and records where they are and how to reach them. */
export async function markMobile(tx: Tx, personId: number, whereabouts: string): Promise<MobileChange> {
  return change(tx, personId, (b) => ({ tags: [...new Set([...b.tags, "MOBILE" as const])], whereabouts }));
}

/** Removes the MOBILE tag; the last known whereabouts stay on the row. */
export async function unmarkMobile(tx: Tx, personId: number): Promise<MobileChange> {
  return change(tx, personId, (b) => ({ tags: b.tags.filter((t) => t !== "MOBILE"), whereabouts: b.whereabouts }));
}
