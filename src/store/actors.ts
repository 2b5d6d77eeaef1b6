import type { Actor, RoleName } from "../domain/roles.ts";
import type { Tx } from "./tx.ts";

/**
 * The roster entry behind a Lark user, with every role they hold; null for strangers.
 * One statement (Prisma's nested select would take three), because it runs on every event and
 * every card click.
 */
export async function findActor(tx: Tx, openId: string): Promise<Actor | null> {
  const rows = await tx.$queryRaw<ActorRow[]>`
    SELECT p."id", p."name", m."orgId", m."role"::text AS "role", o."name" AS "orgName"
    FROM "Person" p
    LEFT JOIN "Membership" m ON m."personId" = p."id"
    LEFT JOIN "Organization" o ON o."id" = m."orgId"
    WHERE p."larkOpenId" = ${openId}
    ORDER BY m."id"`;
  return actorFromRows(openId, rows);
}

/** One row per role held (or one with null role for a person without any), ordered by membership. */
export interface ActorRow {
  id: number | null;
  name: string | null;
  orgId: number | null;
  role: RoleName | null;
  orgName: string | null;
}

export function actorFromRows(openId: string, rows: ActorRow[]): Actor | null {
  const first = rows[0];
  if (!first || first.id === null || first.name === null) return null;
  return {
    personId: first.id,
    name: first.name,
    openId,
    grants: rows.flatMap((r) => (r.orgId !== null && r.role !== null && r.orgName !== null ? [{ orgId: r.orgId, orgName: r.orgName, role: r.role }] : [])),
  };
}
