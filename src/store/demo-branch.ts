// The sandbox's demo branch, written once at its first start (src/sandbox/seed.ts says who is
// in it). Its own statements because a demo person arrives whole: bound to Lark, with roles.
import type { OrgKind, PersonTag, Role } from "../generated/prisma/enums.ts";
import type { Tx } from "./tx.ts";

/** Creates an organisation of the demo tree; returns its id. */
export async function createDemoOrg(tx: Tx, o: { code: string; name: string; kind: OrgKind; parentId: number | null; groupChatId: string | null }): Promise<number> {
  return (await tx.organization.create({ data: o, select: { id: true } })).id;
}

export interface DemoMember {
  name: string;
  mobile: string;
  openId: string;
  birthDate: Date;
  joinedPartyOn: Date;
  tags: PersonTag[];
  whereabouts: string | null;
  orgId: number;
  roles: Role[];
}

/** Creates a demo person, bound to their Lark user, with their roles in the branch; returns the id. */
export async function createDemoMember(tx: Tx, p: DemoMember): Promise<number> {
  const { openId, orgId, roles, ...fields } = p;
  const made = await tx.person.create({
    data: { ...fields, larkOpenId: openId, memberships: { create: roles.map((role) => ({ orgId, role })) } },
    select: { id: true },
  });
  return made.id;
}
