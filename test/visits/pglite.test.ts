// The planner on the embedded PGlite that `npm start` uses: the same tasks and one digest per
// visitor, and a second run adds nothing.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPglite } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { startHarness, type Harness } from "../support/harness.ts";
import { seedOrg } from "../support/seed.ts";
import { morning, person } from "./helpers.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    clockStart: morning("2027-09-01"),
    env: { ROLE: "scheduler" },
    database: async () => {
      const db = await openPglite();
      await migrate(db.sql, { log: () => undefined });
      return db;
    },
  });
}, 120_000);
afterAll(async () => h?.close());

it("plans 中秋 visits on PGlite exactly once", async () => {
  const org = await seedOrg(h.db.prisma);
  const leader = await person(h, { name: "李明", orgId: org.id, roles: ["LEADER"] });
  const sec = await person(h, { name: "王书记", orgId: org.id, roles: ["SECRETARY"] });
  await person(h, { name: "老党员", orgId: org.id, tags: ["OLD_MEMBER"], leaderId: leader.id });
  await person(h, { name: "老干部", orgId: org.id, tags: ["OLD_CADRE"] });
  await person(h, { name: "年轻人", orgId: org.id, birth: "1999-01-01", joined: "2021-07-01" });
  const first = (await h.app.maintenance!.run("visit-plan")) as { created: number; digests: number };
  expect(first).toMatchObject({ created: 2, digests: 2 });
  expect((await h.db.prisma.visitTask.findMany({ orderBy: { memberId: "asc" } })).map((t) => t.visitorId)).toEqual([leader.id, sec.id]);
  expect(await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "visit-digest-" } } })).toBe(2);
  expect(await h.app.maintenance!.run("visit-plan")).toMatchObject({ created: 0, digests: 0 });
  expect(await h.db.prisma.visitTask.count()).toBe(2);
});
