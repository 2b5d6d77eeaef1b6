// The sandbox's embedded store (PGlite) with the demo branch: the fund has opening balances,
// 张三 is in the hardship archive, and the aid flow runs end to end on it.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { keyringFrom } from "../../src/lib/sealing.ts";
import { openPglite } from "../../src/store/db.ts";
import { sealDatabase } from "../../src/store/sealing.ts";
import { migrate } from "../../src/store/migrate.ts";
import { demoOpenId, seedDemo } from "../../src/sandbox/seed.ts";
import { ALL_DEMO_PEOPLE } from "../../src/sandbox/demo-branch.ts";
import { TEST_DATA_KEYS } from "../support/env.ts";
import { startHarness, type Harness } from "../support/harness.ts";
import { approvalCardFor, clickCard, command, file, text } from "./support.ts";

let h: Harness;
const person = (name: string) => {
  const p = ALL_DEMO_PEOPLE.find((x) => x.name === name)!;
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

const demoBranchId = async () => (await h.db.prisma.organization.findUniqueOrThrow({ where: { code: "pd-jw-1" } })).id;

it("seeds opening balances as income and an active hardship entry for 张三", async () => {
  const orgId = await demoBranchId();
  const balances = await h.db.prisma.fundBalance.findMany({ where: { orgId }, orderBy: { source: "asc" } });
  expect(balances.map((b) => [b.source, b.balanceFen])).toEqual([
    ["LOCAL_FINANCE", 2_000_000],
    ["PARTY_FEE", 500_000],
    ["DONATION", 300_000],
  ]);
  const income = await h.db.prisma.fundEntry.aggregate({ where: { orgId, kind: "INCOME" }, _sum: { amountFen: true }, _count: { _all: true } });
  expect(income).toMatchObject({ _sum: { amountFen: 2_800_000 }, _count: { _all: 3 } });
  const zhang = await h.db.prisma.person.findFirstOrThrow({ where: { name: "张三" } });
  const entry = await h.db.prisma.hardshipEntry.findFirstOrThrow({ where: { personId: zhang.id } });
  expect(entry).toMatchObject({ status: "ACTIVE", level: "SERIOUS" });
  expect(await h.db.prisma.hardshipHistory.count({ where: { entryId: entry.id, action: "OPENED" } })).toBe(1);
  // Seeding again (a restarted sandbox) changes nothing.
  const entries = await h.db.prisma.fundEntry.count();
  await seedDemo(h.db.prisma, h.double);
  expect(await h.db.prisma.fundEntry.count({ where: { orgId } })).toBe(3);
  expect(await h.db.prisma.fundEntry.count()).toBe(entries);
});

it("seeds a committee over three branches, the other two with a talk, a visit, fund income and a hardship entry", async () => {
  const p = h.db.prisma;
  const top = await p.organization.findUniqueOrThrow({ where: { code: "pd" } });
  const zongzhi = await p.organization.findUniqueOrThrow({ where: { code: "pd-jw" } });
  const branches = await p.organization.findMany({ where: { parentId: zongzhi.id }, orderBy: { code: "asc" } });
  expect(branches.map((b) => [b.code, b.name, b.kind])).toEqual([
    ["pd-jw-1", "磐东居委第一党支部", "BRANCH"],
    ["pd-jw-2", "磐东居委第二党支部", "BRANCH"],
    ["pd-jw-3", "磐东居委第三党支部", "BRANCH"],
  ]);
  const gao = await p.person.findFirstOrThrow({ where: { name: "高志远" }, include: { memberships: true } });
  expect(gao.larkOpenId).toBe(person("高志远").openId);
  expect(gao.memberships.map((m) => [m.orgId, m.role]).sort()).toEqual([[top.id, "MEMBER"], [top.id, "SECRETARY"]]);
  const deng = await p.person.findFirstOrThrow({ where: { name: "邓雪梅" }, include: { memberships: true } });
  expect(deng.memberships.map((m) => m.role).sort()).toEqual(["AFFAIRS_WORKER", "MEMBER"]);
  for (const b of branches.slice(1)) {
    const roles = await p.membership.findMany({ where: { orgId: b.id }, select: { role: true } });
    expect(roles.filter((r) => r.role === "SECRETARY")).toHaveLength(1);
    expect(roles.filter((r) => r.role === "MEMBER").length).toBeGreaterThanOrEqual(6);
    expect(await p.talk.count({ where: { orgId: b.id } })).toBe(1);
    expect(await p.visitTask.count({ where: { orgId: b.id } })).toBe(1);
    expect(await p.hardshipEntry.count({ where: { orgId: b.id, status: "ACTIVE" } })).toBe(1);
    expect(await p.fundEntry.count({ where: { orgId: b.id, kind: "INCOME" } })).toBe(2);
  }
  // The second branch's visit was done and paid from its fund; the third's is open and late.
  const [second, third] = [branches[1]!.id, branches[2]!.id];
  expect(await p.visitTask.findFirstOrThrow({ where: { orgId: second } })).toMatchObject({ status: "DONE", amountFen: 50_000, fundSource: "LOCAL_FINANCE" });
  expect(await p.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: second, source: "LOCAL_FINANCE" } } })).toMatchObject({ balanceFen: 800_000 - 50_000 });
  expect(await p.visitTask.findFirstOrThrow({ where: { orgId: third } })).toMatchObject({ status: "OPEN" });
  // The 总支's people are the first branch's alone: nobody was moved.
  const wang = await p.person.findFirstOrThrow({ where: { name: "王建国" }, include: { memberships: true } });
  expect(new Set(wang.memberships.map((m) => m.orgId))).toEqual(new Set([branches[0]!.id]));
});

it("gives a sandbox made before the committee existed the committee's part at its next start", async () => {
  const db = sealDatabase(await openPglite(), keyringFrom(TEST_DATA_KEYS, undefined));
  await migrate(db.sql, { log: () => undefined });
  try {
    // As an older sandbox left it: the committee, the 总支 and the first branch only.
    const top = await db.prisma.organization.create({ data: { code: "pd", name: "磐东街道党工委", kind: "COMMITTEE" } });
    const mid = await db.prisma.organization.create({ data: { code: "pd-jw", name: "磐东居委党总支", kind: "GENERAL_BRANCH", parentId: top.id } });
    await db.prisma.organization.create({ data: { code: "pd-jw-1", name: "磐东居委第一党支部", kind: "BRANCH", parentId: mid.id } });
    expect(await seedDemo(db.prisma, h.double)).toEqual({ created: true });
    const branches = await db.prisma.organization.findMany({ where: { parentId: mid.id }, orderBy: { code: "asc" } });
    expect(branches.map((b) => b.code)).toEqual(["pd-jw-1", "pd-jw-2", "pd-jw-3"]);
    expect(await db.prisma.organization.count()).toBe(5);
    expect(await db.prisma.person.count({ where: { name: { in: ["高志远", "刘卫东", "唐志强"] } } })).toBe(3);
    expect(await seedDemo(db.prisma, h.double)).toEqual({ created: false });
  } finally {
    await db.close();
  }
}, 120_000);

it("runs 求助 → approval on the embedded store", async () => {
  const zhang = person("张三");
  const { req } = await file(h, zhang, { category: "ILLNESS", description: "复诊住院，自付费用负担较重", amount: "1500", urgency: "URGENT" });
  const card = await approvalCardFor(h, person("王建国"), req.number);
  expect(text(card)).toContain("在档 · 较重困难");
  const done = await clickCard(h, person("王建国"), card, "aid-approve", { amount: "1500", source: "LOCAL_FINANCE" });
  expect(JSON.stringify(done.toast)).toContain("已批准");
  const bal = await h.db.prisma.fundBalance.findFirstOrThrow({ where: { orgId: await demoBranchId(), source: "LOCAL_FINANCE" } });
  expect(bal.balanceFen).toBe(2_000_000 - 150_000);
});

it("lets the sandbox's committee secretary see the three branches together: 党委总览 and one 资金台账 workbook", async () => {
  const gao = person("高志远");
  const [overview] = await command(h, gao, "党委总览");
  for (const name of ["磐东居委第一党支部", "磐东居委第二党支部", "磐东居委第三党支部"]) expect(text(overview!)).toContain(name);

  const said = await h.double.say({ from: gao.openId, text: "导出资金台账" });
  const msg = await h.double.waitForMessage({ to: gao.openId, where: (m) => m.parent_id === said.messageId && m.msg_type === "file" }, 30_000);
  const key = (msg.content as { file_key: string }).file_key;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fetch(`${h.double.url}/_double/resources/${key}`).then((r) => r.arrayBuffer())) as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "磐东居委第一党支部", "磐东居委第二党支部", "磐东居委第三党支部", "资金核对"]);
  const rows: unknown[][] = [];
  wb.getWorksheet("汇总")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  // 第二党支部: 8,000 + 2,000 in, 500 paid on the visit; 第三: 6,000 + 1,500 in, nothing paid.
  expect(rows.slice(2, 5).map((r) => r.slice(0, 3))).toEqual([
    ["磐东居委第二党支部", 10_000, 500],
    ["磐东居委第三党支部", 7_500, 0],
    ["合计", expect.any(Number), expect.any(Number)],
  ]);
}, 60_000);
