// The sandbox's embedded store (PGlite) with the demo branch: the fund has opening balances,
// 张三 is in the hardship archive, and the aid flow runs end to end on it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPglite } from "../../src/store/db.ts";
import { migrate } from "../../src/store/migrate.ts";
import { demoOpenId, seedDemo } from "../../src/sandbox/seed.ts";
import { DEMO_PEOPLE } from "../../src/sandbox/demo-branch.ts";
import { startHarness, type Harness } from "../support/harness.ts";
import { approvalCardFor, clickCard, file, text } from "./support.ts";

let h: Harness;
const person = (name: string) => {
  const p = DEMO_PEOPLE.find((x) => x.name === name)!;
  return { id: 0, name, openId: demoOpenId(p.mobile) };
};

beforeAll(async () => {
  h = await startHarness({
    database: async () => {
      const db = await openPglite();
      await migrate(db.sql, { log: () => undefined });
      return db;
    },
  });
  await seedDemo(h.db.prisma, h.double);
}, 120_000);
afterAll(async () => h?.close());

it("seeds opening balances as income and an active hardship entry for 张三", async () => {
  const balances = await h.db.prisma.fundBalance.findMany({ orderBy: { source: "asc" } });
  expect(balances.map((b) => [b.source, b.balanceFen])).toEqual([
    ["LOCAL_FINANCE", 2_000_000],
    ["PARTY_FEE", 500_000],
    ["DONATION", 300_000],
  ]);
  const income = await h.db.prisma.fundEntry.aggregate({ where: { kind: "INCOME" }, _sum: { amountFen: true }, _count: { _all: true } });
  expect(income).toMatchObject({ _sum: { amountFen: 2_800_000 }, _count: { _all: 3 } });
  const zhang = await h.db.prisma.person.findFirstOrThrow({ where: { name: "张三" } });
  const entry = await h.db.prisma.hardshipEntry.findFirstOrThrow({ where: { personId: zhang.id } });
  expect(entry).toMatchObject({ status: "ACTIVE", level: "SERIOUS" });
  expect(await h.db.prisma.hardshipHistory.count({ where: { entryId: entry.id, action: "OPENED" } })).toBe(1);
  // Seeding again (a restarted sandbox) changes nothing.
  await seedDemo(h.db.prisma, h.double);
  expect(await h.db.prisma.fundEntry.count()).toBe(3);
});

it("runs 求助 → approval on the embedded store", async () => {
  const zhang = person("张三");
  const { req } = await file(h, zhang, { category: "ILLNESS", description: "复诊住院，自付费用负担较重", amount: "1500", urgency: "URGENT" });
  const card = await approvalCardFor(h, person("王建国"), req.number);
  expect(text(card)).toContain("在档 · 较重困难");
  const done = await clickCard(h, person("王建国"), card, "aid-approve", { amount: "1500", source: "LOCAL_FINANCE" });
  expect(JSON.stringify(done.toast)).toContain("已批准");
  const bal = await h.db.prisma.fundBalance.findFirstOrThrow({ where: { source: "LOCAL_FINANCE" } });
  expect(bal.balanceFen).toBe(2_000_000 - 150_000);
});
