import type { Actor, OrgLevel, RoleName } from "../domain/roles.ts";
import type { Lang } from "../domain/text.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

/**
 * The roster entry behind a Lark user, with every role they hold; null for strangers.
 * One statement (Prisma's nested select would take three), because it runs on every event and
 * every card click.
 */
export async function findActor(tx: Tx, openId: string): Promise<Actor | null> {
  return actorFromRows(openId, await tx.$queryRaw<ActorRow[]>(actorQuery(openId)));
}

/**
 * Only ACTIVE memberships grant a role. An ENDED one (transferred out, left, died, removed from
 * the roster) grants nothing in that branch; a SUSPENDED one grants nothing either, because a
 * member whose rights are suspended may not decide or record anything for the branch until the
 * secretary restores them. Such a person is still known (their own history stays theirs to
 * read through commands open to anyone), with no grants.
 *
 * The statement behind findActor, for callers that read more in the same round trip: `also`
 * adds columns (", EXISTS (…) AS x"). A stranger gives one row of nulls, so `also` is always read.
 */
export function actorQuery(openId: string, also: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT p."id", p."name", p."language"::text AS "language", m."orgId", m."role"::text AS "role", o."name" AS "orgName", o."kind"::text AS "orgKind" ${also}
    FROM (SELECT 1) AS one
    LEFT JOIN "Person" p ON p."larkOpenId" = ${openId}
    LEFT JOIN "Membership" m ON m."personId" = p."id" AND m."status" = 'ACTIVE' AND p."deceasedOn" IS NULL
    LEFT JOIN "Organization" o ON o."id" = m."orgId"
    ORDER BY m."id"`;
}

/** One row per role held (or one with null role for a person without any), ordered by membership. */
export interface ActorRow {
  id: number | null;
  name: string | null;
  language: Lang | null;
  orgId: number | null;
  role: RoleName | null;
  orgName: string | null;
  orgKind: OrgLevel | null;
}

export function actorFromRows(openId: string, rows: ActorRow[]): Actor | null {
  const first = rows[0];
  if (!first || first.id === null || first.name === null) return null;
  return {
    personId: first.id,
    name: first.name,
    openId,
    language: first.language ?? "ZH",
    grants: rows.flatMap((r) => (r.orgId !== null && r.role !== null && r.orgName !== null ? [{ orgId: r.orgId, orgName: r.orgName, orgKind: r.orgKind ?? "BRANCH", role: r.role }] : [])),
  };
}
