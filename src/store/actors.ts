import type { Actor, RoleName } from "../domain/roles.ts";
import type { Tx } from "./tx.ts";

/** The roster entry behind a Lark user, with every role they hold; null for strangers. */
export async function findActor(tx: Tx, openId: string): Promise<Actor | null> {
  const p = await tx.person.findUnique({
    where: { larkOpenId: openId },
    select: { id: true, name: true, memberships: { select: { orgId: true, role: true, org: { select: { name: true } } } } },
  });
  if (!p) return null;
  return {
    personId: p.id,
    name: p.name,
    openId,
    grants: p.memberships.map((m) => ({ orgId: m.orgId, orgName: m.org.name, role: m.role as RoleName })),
  };
}
