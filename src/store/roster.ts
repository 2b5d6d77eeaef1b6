// The roster import's statements (src/roster/): read what the store holds about a file's
// organisations and people, then write only the differences. They run on the import's one
// transaction (storesFor(tx) in src/roster/import.ts), so a file is imported whole or not at all.
// Bulk where the roster is large (people, roles, leaders); one row at a time for organisations,
// because a child needs its parent's id and a branch's tree is small.
import type { OrgKind, PersonTag, Role } from "../generated/prisma/enums.ts";
import type { Tx } from "./tx.ts";

export interface RosterOrg {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
}

/** Every organisation with its parent's code: checking a new parent for cycles needs the whole tree. */
export async function orgTree(tx: Tx): Promise<(Omit<RosterOrg, "parentId"> & { parentCode: string | null })[]> {
  const rows = await tx.organization.findMany({ select: { id: true, code: true, name: true, kind: true, parent: { select: { code: true } } } });
  return rows.map((o) => ({ id: o.id, code: o.code, name: o.name, kind: o.kind, parentCode: o.parent?.code ?? null }));
}

/** Every organisation's id by its code. */
export async function orgIdsByCode(tx: Tx): Promise<Map<string, number>> {
  return new Map((await tx.organization.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]));
}

/** Creates an organisation; returns its id. */
export async function createOrg(tx: Tx, o: Omit<RosterOrg, "id">): Promise<number> {
  return (await tx.organization.create({ data: o, select: { id: true } })).id;
}

export async function updateOrg(tx: Tx, id: number, o: Pick<RosterOrg, "name" | "kind" | "parentId">): Promise<void> {
  await tx.organization.update({ where: { id }, data: o });
}

export interface RosterMatch {
  id: number;
  name: string;
  mobile: string | null;
  email: string | null;
  /** Holds one of the `leading` roles somewhere, so may be someone's 联系领导. */
  leading: boolean;
}

/** People a file may mean: by mobile, e-mail (any case) or name; whether each holds a leading role. */
export async function peopleMatching(
  tx: Tx,
  by: { mobiles: readonly string[]; emails: readonly string[]; names: readonly string[] },
  leadingRoles: readonly Role[],
): Promise<RosterMatch[]> {
  const found = await tx.person.findMany({
    where: { OR: [{ mobile: { in: [...by.mobiles] } }, { email: { in: [...by.emails], mode: "insensitive" } }, { name: { in: [...by.names] } }] },
    select: { id: true, name: true, mobile: true, email: true, deceasedOn: true, memberships: { where: { role: { in: [...leadingRoles] }, status: "ACTIVE" }, select: { role: true }, take: 1 } },
  });
  // Only a living person with an ACTIVE leading role leads (src/store/standing.ts).
  return found.map((p) => ({ id: p.id, name: p.name, mobile: p.mobile, email: p.email, leading: p.deceasedOn === null && p.memberships.length > 0 }));
}

/** The fields a roster line states about a person. */
export interface RosterPersonFields {
  name: string;
  mobile: string | null;
  email: string | null;
  birthDate: Date | null;
  joinedPartyOn: Date | null;
  tags: PersonTag[];
  whereabouts: string | null;
}

export interface RosterPerson extends RosterPersonFields {
  id: number;
  responsibleLeaderId: number | null;
  /** Set when a death was recorded: the roster gives such a person no role again. */
  deceasedOn: Date | null;
}

/** The given people as the roster sees them, by id. */
export async function peopleByIds(tx: Tx, ids: readonly number[]): Promise<Map<number, RosterPerson>> {
  const rows = await tx.person.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, mobile: true, email: true, birthDate: true, joinedPartyOn: true, tags: true, whereabouts: true, responsibleLeaderId: true, deceasedOn: true },
  });
  return new Map(rows.map((p) => [p.id, p]));
}

/** One INSERT for all new people; returns each one's id with its mobile and e-mail (both unique). */
export async function createPeople(tx: Tx, people: readonly RosterPersonFields[]): Promise<{ id: number; mobile: string | null; email: string | null }[]> {
  if (people.length === 0) return [];
  return tx.person.createManyAndReturn({ data: [...people], select: { id: true, mobile: true, email: true } });
}

/** Writes the fields a line gives; undefined keeps the stored value. */
export async function updatePerson(tx: Tx, id: number, fields: { [K in keyof RosterPersonFields]?: RosterPersonFields[K] | undefined }): Promise<void> {
  await tx.person.update({ where: { id }, data: fields });
}

/** Sets (or, with null, clears) the 联系领导 of all the given people in one UPDATE. */
export async function setLeaderOf(tx: Tx, personIds: readonly number[], leaderId: number | null): Promise<void> {
  await tx.person.updateMany({ where: { id: { in: [...personIds] } }, data: { responsibleLeaderId: leaderId } });
}

export interface HeldRole {
  id: number;
  personId: number;
  orgId: number;
  role: Role;
  /** ENDED rows are kept for history; listing the role again brings the row back (reactivateRoles). */
  status: "ACTIVE" | "SUSPENDED" | "ENDED";
  endedOn: Date | null;
}

/** The memberships of the given people in any of `roles` (the roles a roster may grant), whatever their status. */
export async function rolesHeld(tx: Tx, personIds: readonly number[], roles: readonly Role[]): Promise<HeldRole[]> {
  return tx.membership.findMany({
    where: { personId: { in: [...personIds] }, role: { in: [...roles] } },
    select: { id: true, personId: true, orgId: true, role: true, status: true, endedOn: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Adds memberships in one statement. Nothing is removed here: removals wait for the
 * secretary's confirmation (RosterReview, src/roster/review.ts).
 */
export async function addRoles(tx: Tx, add: readonly { personId: number; orgId: number; role: Role; since: Date | null }[]): Promise<void> {
  if (add.length > 0) await tx.membership.createMany({ data: [...add] });
}

/** Brings ENDED memberships back to ACTIVE from `since` (a person listed again after leaving). */
export async function reactivateRoles(tx: Tx, ids: readonly number[], since: Date): Promise<void> {
  if (ids.length > 0) await tx.membership.updateMany({ where: { id: { in: [...ids] }, status: "ENDED" }, data: { status: "ACTIVE", since, endedOn: null, changeId: null } });
}

/** People among `ids` not yet bound to a Lark account, in id order (binding runs after the import). */
export async function unboundAmong(tx: Tx, ids: readonly number[]): Promise<{ id: number; name: string; mobile: string | null; email: string | null }[]> {
  return tx.person.findMany({ where: { id: { in: [...ids] }, larkOpenId: null }, select: { id: true, name: true, mobile: true, email: true }, orderBy: { id: "asc" } });
}

/** Binds a person to their Lark account. */
export async function setOpenId(tx: Tx, personId: number, openId: string): Promise<void> {
  await tx.person.update({ where: { id: personId }, data: { larkOpenId: openId } });
}
