// Who still counts. Memberships are never deleted when someone leaves (MembershipStatus):
// a transferred, departed or suspended member keeps ENDED or SUSPENDED rows for history, and a
// member who died keeps Person.deceasedOn. Every selection of "members of a branch" for care,
// every recipient of a scheduled push and every role check reads these conditions, so nobody
// departed is ever reminded or reminded about (issue 13, point 1). One home for the words, so
// the sweeps cannot drift apart on what "active" means.
//
// SUSPENDED counts like ENDED here: a member whose rights are suspended (停止党籍 and the like)
// is kept on the roll but is sent nothing and grants nothing until restored.
//
// The fragments are SQL text built only from the constant aliases the callers pass (never from
// input), spliced into statements that keep every value a parameter.
import type { Role } from "../generated/prisma/enums.ts";

/** Membership alias `m` counts today. */
export const activeMembership = (m: string): string => `${m}."status" = 'ACTIVE'`;

/** Person alias `p` is alive (no death recorded). */
export const alive = (p: string): string => `${p}."deceasedOn" IS NULL`;

const roleList = (roles: readonly Role[]) => roles.map((r) => `'${r}'`).join(", ");

/**
 * Person alias `p` may be told something by a sweep: alive, and holding an ACTIVE membership
 * (of one of `roles`, when given) somewhere. A leader or helper who left is nobody's reminder.
 */
export function reachable(p: string, roles?: readonly Role[]): string {
  const role = roles ? ` AND st_m."role" IN (${roleList(roles)})` : "";
  return `(${alive(p)} AND EXISTS (SELECT 1 FROM "Membership" st_m WHERE st_m."personId" = ${p}."id" AND ${activeMembership("st_m")}${role}))`;
}

/**
 * Person alias `p` is still in organisation `orgIdExpr` (a column or parameter): alive with an
 * ACTIVE membership there. For items that carry their branch (a visit task, a talk task, a
 * hardship entry, a pairing, an employment case): once the member has left that branch, the
 * item is nobody's to be reminded of there (a transfer inside the system moves it along).
 */
export function stillIn(p: string, orgIdExpr: string): string {
  return `(${alive(p)} AND EXISTS (SELECT 1 FROM "Membership" st_i WHERE st_i."personId" = ${p}."id" AND st_i."orgId" = ${orgIdExpr} AND ${activeMembership("st_i")}))`;
}

/** The same conditions for Prisma's model API. */
export const ACTIVE_MEMBERSHIP = { status: "ACTIVE" } as const;
export const ALIVE = { deceasedOn: null } as const;
/** A Prisma `person` filter: alive and with an ACTIVE membership (of `roles`) somewhere. */
export const reachablePerson = (roles?: readonly Role[]) =>
  ({ deceasedOn: null, memberships: { some: { status: "ACTIVE" as const, ...(roles ? { role: { in: [...roles] } } : {}) } } }) as const;
/** A Prisma `person` filter: alive and with an ACTIVE membership in `orgId`. */
export const stillInOrg = (orgId: number) => ({ deceasedOn: null, memberships: { some: { status: "ACTIVE" as const, orgId } } }) as const;
