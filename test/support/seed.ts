// Builds a small branch in the store and the same people in the Lark double, bound by open_id.
import type { LarkDouble } from "../../src/double/index.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { RoleName } from "../../src/domain/roles.ts";

export interface SeededPerson {
  id: number;
  name: string;
  openId: string;
}

export async function seedOrg(prisma: PrismaClient, code = "b1", name = "第一党支部", parentId?: number) {
  return prisma.organization.create({ data: { code, name, kind: "BRANCH", ...(parentId ? { parentId } : {}) } });
}

export async function seedPerson(
  prisma: PrismaClient,
  double: LarkDouble,
  p: { name: string; orgId: number; roles: RoleName[]; mobile?: string; tags?: ("OLD_MEMBER" | "OLD_CADRE" | "OLD_MODEL" | "MOBILE" | "VETERAN")[] },
): Promise<SeededPerson> {
  const mobile = p.mobile ?? `1${String(Math.floor(Math.random() * 1e10)).padStart(10, "0")}`;
  const user = double.addUser({ name: p.name, mobile });
  const person = await prisma.person.create({
    data: {
      name: p.name,
      mobile,
      larkOpenId: user.open_id,
      tags: p.tags ?? [],
      memberships: { create: [...new Set<RoleName>(["MEMBER", ...p.roles])].map((role) => ({ orgId: p.orgId, role })) },
    },
  });
  return { id: person.id, name: p.name, openId: user.open_id };
}
