import type { Actor, RoleName } from "../domain/roles.ts";
import type { Tx } from "./tx.ts";

/**
 * The roster entry behind a Lark user, with every role they hold; null for strangers.
 * One statement (Prisma's nested select would take three), because it runs on every event and
 * every card click.
 */
export async function findActor(tx: Tx, openId: string): Promise<Actor | null> {
  const rows = await tx.$queryRaw<{ id: number; name: string; orgId: number | null; role: RoleName | null; orgName: string | null }[]>`
    SELECT p."id", p."name", m."orgId", m."role"::text AS "role", o."name" AS "orgName"
    FROM "Person" p
    LEFT JOIN "Membership" m ON m."personId" = p."id"
    LEFT JOIN "Organization" o ON o."id" = m."orgId"
    WHERE p."larkOpenId" = ${openId}
    ORDER BY m."id"`;
  const first = rows[0];
  if (!first) return null;
  return {
    personId: first.id,
    name: first.name,
    openId,
    grants: rows.flatMap((r) => (r.orgId !== null && r.role !== null && r.orgName !== null ? [{ orgId: r.orgId, orgName: r.orgName, role: r.role }] : [])),
  };
}
