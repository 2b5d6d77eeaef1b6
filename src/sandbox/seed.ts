// Seeds the demo branch into the store and the same people into the Lark double, bound by
// open_id. Idempotent: a second start finds the branch and only re-registers the users.
import type { LarkDouble } from "../double/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { DEMO_BRANCH, DEMO_GROUP_CHAT, DEMO_ORGS, DEMO_PEOPLE } from "./demo-branch.ts";
import { seedAidDemo } from "./aid-demo.ts";

/** Deterministic open_ids, so a restarted sandbox (fresh double, same store) still matches. */
export const demoOpenId = (mobile: string) => `ou_demo_${mobile}`;

export async function seedDemo(prisma: PrismaClient, double: LarkDouble): Promise<{ created: boolean }> {
  for (const p of DEMO_PEOPLE) double.addUser({ name: p.name, mobile: p.mobile, open_id: demoOpenId(p.mobile) });
  double.addChat({ chat_id: DEMO_GROUP_CHAT, name: "磐东居委第一党支部", members: DEMO_PEOPLE.map((p) => demoOpenId(p.mobile)) });

  if (await prisma.organization.findUnique({ where: { code: DEMO_BRANCH } })) return { created: false };
  await prisma.$transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const o of DEMO_ORGS) {
      const org = await tx.organization.create({
        data: {
          code: o.code,
          name: o.name,
          kind: o.kind,
          ...(o.parent ? { parentId: ids.get(o.parent)! } : {}),
          ...(o.code === DEMO_BRANCH ? { groupChatId: DEMO_GROUP_CHAT } : {}),
        },
      });
      ids.set(o.code, org.id);
    }
    const orgId = ids.get(DEMO_BRANCH)!;
    const people = new Map<string, number>();
    for (const p of DEMO_PEOPLE) {
      const person = await tx.person.create({
        data: {
          name: p.name,
          mobile: p.mobile,
          larkOpenId: demoOpenId(p.mobile),
          birthDate: new Date(`${p.birth}T00:00:00Z`),
          joinedPartyOn: new Date(`${p.joined}T00:00:00Z`),
          tags: p.tags ?? [],
          whereabouts: p.whereabouts ?? null,
          memberships: { create: [...new Set(["MEMBER" as const, ...p.roles])].map((role) => ({ orgId, role })) },
        },
      });
      people.set(p.name, person.id);
    }
    for (const p of DEMO_PEOPLE) {
      if (p.leader) await tx.person.update({ where: { id: people.get(p.name)! }, data: { responsibleLeaderId: people.get(p.leader)! } });
    }
    await seedAidDemo(tx, orgId, people);
  });
  return { created: true };
}
