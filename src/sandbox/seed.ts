// Seeds the demo branch into the store and the same people into the Lark double, bound by
// open_id. Idempotent: a second start finds the branch and only re-registers the users. The
// committee's part (the other two branches and the 党工委's office holders) is seeded on its
// own, so a sandbox made before it existed gains it at its next start.
import type { LarkDouble } from "../double/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction, storesFor, type Stores } from "../store/stores.ts";
import { ALL_DEMO_PEOPLE, DEMO_BRANCH, DEMO_COMMITTEE_PEOPLE, DEMO_GROUP_CHAT, DEMO_ORGS, DEMO_PEOPLE, type DemoPersonIn } from "./demo-branch.ts";
import { seedAidDemo } from "./aid-demo.ts";
import { seedBranchesDemo } from "./committee-demo.ts";

/** Deterministic open_ids, so a restarted sandbox (fresh double, same store) still matches. */
export const demoOpenId = (mobile: string) => `ou_demo_${mobile}`;

/** The organisation the committee's part adds first: present means that part was seeded. */
const COMMITTEE_MARK = "pd-jw-2";

export async function seedDemo(prisma: PrismaClient, double: LarkDouble): Promise<{ created: boolean }> {
  for (const p of ALL_DEMO_PEOPLE) double.addUser({ name: p.name, mobile: p.mobile, open_id: demoOpenId(p.mobile) });
  double.addChat({ chat_id: DEMO_GROUP_CHAT, name: "磐东居委第一党支部", members: DEMO_PEOPLE.map((p) => demoOpenId(p.mobile)) });

  const orgs = storesFor(prisma).orgs;
  const branchThere = (await orgs.orgByCode(DEMO_BRANCH)) !== null;
  const committeeThere = (await orgs.orgByCode(COMMITTEE_MARK)) !== null;
  if (branchThere && committeeThere) return { created: false };
  // One transaction: a start interrupted half-way leaves no half branch that the checks above would take for done.
  await inTransaction(prisma, async (store) => {
    const ids = new Map<string, number>();
    const people = new Map<string, number>();
    if (!branchThere) {
      for (const o of DEMO_ORGS.filter((x) => !x.code.startsWith("pd-jw-") || x.code === DEMO_BRANCH)) {
        const parentId = o.parent ? ids.get(o.parent)! : null;
        const groupChatId = o.code === DEMO_BRANCH ? DEMO_GROUP_CHAT : null;
        ids.set(o.code, await store.demoBranch.createDemoOrg({ code: o.code, name: o.name, kind: o.kind, parentId, groupChatId }));
      }
      const orgId = ids.get(DEMO_BRANCH)!;
      await createPeople(store, DEMO_PEOPLE.map((p) => ({ ...p, org: DEMO_BRANCH })), ids, people);
      await seedAidDemo(store, orgId, people);
    }
    if (!committeeThere) {
      for (const o of DEMO_ORGS) {
        if (!ids.has(o.code)) {
          const known = await store.orgs.orgByCode(o.code);
          const parentId = o.parent ? ids.get(o.parent)! : null;
          ids.set(o.code, known ? known.id : await store.demoBranch.createDemoOrg({ code: o.code, name: o.name, kind: o.kind, parentId, groupChatId: null }));
        }
      }
      await createPeople(store, DEMO_COMMITTEE_PEOPLE, ids, people);
      await seedBranchesDemo(store, ids, people);
    }
    // Some sixty statements, one round trip each: more than Prisma's 5 s default on a busy machine.
  }, { timeout: 60_000, maxWait: 10_000 });
  return { created: true };
}

async function createPeople(store: Stores, list: readonly DemoPersonIn[], orgIds: ReadonlyMap<string, number>, people: Map<string, number>): Promise<void> {
  for (const p of list) {
    const id = await store.demoBranch.createDemoMember({
      name: p.name,
      mobile: p.mobile,
      openId: demoOpenId(p.mobile),
      birthDate: new Date(`${p.birth}T00:00:00Z`),
      joinedPartyOn: new Date(`${p.joined}T00:00:00Z`),
      tags: p.tags ?? [],
      whereabouts: p.whereabouts ?? null,
      orgId: orgIds.get(p.org)!,
      roles: [...new Set(["MEMBER" as const, ...p.roles])],
    });
    people.set(p.name, id);
  }
  for (const p of list) {
    if (p.leader) await store.responsibleLeader.setResponsibleLeader(people.get(p.name)!, people.get(p.leader)!);
  }
}
