// A community Party committee (社区党委) with three branches below it, as the committee's tests
// need: each branch seeded like the aid tests' (secretary, delegate, leader, affairs worker, two
// members, one member without Lark), plus the committee's own secretary and affairs worker.
import type { Harness } from "./harness.ts";
import { seedPerson, type SeededPerson } from "./seed.ts";
import { seedBranch, type Branch } from "../aid/support.ts";

export interface Committee {
  orgId: number;
  code: string;
  name: string;
  secretary: SeededPerson;
  worker: SeededPerson;
  branches: [Branch, Branch, Branch];
}

/** `code` prefixes every organisation's code, `prefix` every person's name (unique per test file). */
export async function seedCommittee(h: Harness, code: string, prefix: string): Promise<Committee> {
  const p = h.db.prisma;
  const top = await p.organization.create({ data: { code, name: `${prefix}社区党委`, kind: "COMMITTEE" } });
  const branches = [
    await seedBranch(h, `${code}-1`, { prefix: `${prefix}一` }),
    await seedBranch(h, `${code}-2`, { prefix: `${prefix}二` }),
    await seedBranch(h, `${code}-3`, { prefix: `${prefix}三` }),
  ] as [Branch, Branch, Branch];
  await p.organization.updateMany({ where: { id: { in: branches.map((b) => b.orgId) } }, data: { parentId: top.id } });
  const secretary = await seedPerson(p, h.double, { name: `${prefix}党委书记`, orgId: top.id, roles: ["SECRETARY"] });
  const worker = await seedPerson(p, h.double, { name: `${prefix}党委党务`, orgId: top.id, roles: ["AFFAIRS_WORKER"] });
  return { orgId: top.id, code, name: top.name, secretary, worker, branches };
}
