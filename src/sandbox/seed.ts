// Seeds the demo branch into the store and the same people into the Lark double, bound by
// open_id. Idempotent: a second start finds the branch and only re-registers the users.
import type { LarkDouble } from "../double/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction, storesFor } from "../store/stores.ts";
import { DEMO_BRANCH, DEMO_GROUP_CHAT, DEMO_ORGS, DEMO_PEOPLE } from "./demo-branch.ts";
import { seedAidDemo } from "./aid-demo.ts";

/** Deterministic open_ids, so a restarted sandbox (fresh double, same store) still matches. */
export const demoOpenId = (mobile: string) => `ou_demo_${mobile}`;

export async function seedDemo(prisma: PrismaClient, double: LarkDouble): Promise<{ created: boolean }> {
  for (const p of DEMO_PEOPLE) double.addUser({ name: p.name, mobile: p.mobile, open_id: demoOpenId(p.mobile) });
  double.addChat({ chat_id: DEMO_GROUP_CHAT, name: "磐东居委第一党支部", members: DEMO_PEOPLE.map((p) => demoOpenId(p.mobile)) });

  if (await storesFor(prisma).orgs.orgByCode(DEMO_BRANCH)) return { created: false };
  // One transaction: a start interrupted half-way leaves no half branch that the check above would take for done.
  await inTransaction(prisma, async (store) => {
    const ids = new Map<string, number>();
    for (const o of DEMO_ORGS) {
      const parentId = o.parent ? ids.get(o.parent)! : null;
      const groupChatId = o.code === DEMO_BRANCH ? DEMO_GROUP_CHAT : null;
      ids.set(o.code, await store.demoBranch.createDemoOrg({ code: o.code, name: o.name, kind: o.kind, parentId, groupChatId }));
    }
    const orgId = ids.get(DEMO_BRANCH)!;
    const people = new Map<string, number>();
    for (const p of DEMO_PEOPLE) {
      const id = await store.demoBranch.createDemoMember({
        name: p.name,
        mobile: p.mobile,
        openId: demoOpenId(p.mobile),
        birthDate: new Date(`${p.birth}T00:00:00Z`),
        joinedPartyOn: new Date(`${p.joined}T00:00:00Z`),
        tags: p.tags ?? [],
        whereabouts: p.whereabouts ?? null,
        orgId,
        roles: [...new Set(["MEMBER" as const, ...p.roles])],
      });
      people.set(p.name, id);
    }
    for (const p of DEMO_PEOPLE) {
      if (p.leader) await store.responsibleLeader.setResponsibleLeader(people.get(p.name)!, people.get(p.leader)!);
    }
    await seedAidDemo(store, orgId, people);
  });
  return { created: true };
}
