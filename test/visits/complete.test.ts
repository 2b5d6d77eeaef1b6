// Recording visits from the cards (money paid from the fund in the same transaction), who may,
// what bad input does, 走访上报, 走访统计 and the .xlsx export, over PostgreSQL, Redis and the
// Lark double with the clock at 2027-09-01.
import { opened } from "../support/sealed.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportVisitReport, VisitReportError } from "../../src/export/visit-report.ts";
import type { Harness } from "../support/harness.ts";
import { seedOrg, type SeededPerson } from "../support/seed.ts";
import { buttons, cardsTo, command, morning, person, settle, startVisitHarness, text, titleOf } from "./helpers.ts";

let h: Harness;
let b1: number;
let b2: number;
let sec: SeededPerson, l1: SeededPerson, l2: SeededPerson, sec2: SeededPerson, aff: SeededPerson;
let oldA: SeededPerson, oldB: SeededPerson, other: SeededPerson;
let digestId: string;
let taskA: number;
let taskB: number;

const toastText = (r: { toast?: unknown }) => JSON.stringify(r.toast ?? "");
const balance = async () => (await h.db.prisma.fundBalance.findUnique({ where: { orgId_source: { orgId: b1, source: "PARTY_FEE" } } }))?.balanceFen;

beforeAll(async () => {
  h = await startVisitHarness(morning("2027-09-01"));
  b1 = (await seedOrg(h.db.prisma, "b1", "第一党支部")).id;
  b2 = (await seedOrg(h.db.prisma, "b2", "第二党支部")).id;
  sec = await person(h, { name: "王书记", orgId: b1, roles: ["SECRETARY", "LEADER"] });
  aff = await person(h, { name: "林党务", orgId: b1, roles: ["AFFAIRS_WORKER"] });
  l1 = await person(h, { name: "李明", orgId: b1, roles: ["LEADER"] });
  l2 = await person(h, { name: "陈芳", orgId: b1, roles: ["LEADER"] });
  oldA = await person(h, { name: "老党员甲", orgId: b1, tags: ["OLD_MEMBER"], leaderId: l1.id });
  oldB = await person(h, { name: "老党员乙", orgId: b1, tags: ["OLD_MEMBER"], leaderId: l1.id });
  sec2 = await person(h, { name: "赵书记", orgId: b2, roles: ["SECRETARY"] });
  other = await person(h, { name: "外支部党员", orgId: b2, roles: [] });
  await h.db.prisma.fundBalance.create({ data: { orgId: b1, source: "PARTY_FEE", balanceFen: 60_000 } });
  await h.app.maintenance!.run("visit-plan");
  await settle(h);
  const [digest] = cardsTo(h, l1.openId, "中秋走访慰问安排");
  digestId = digest!.message_id;
  taskA = (await h.db.prisma.visitTask.findFirstOrThrow({ where: { memberId: oldA.id } })).id;
  taskB = (await h.db.prisma.visitTask.findFirstOrThrow({ where: { memberId: oldB.id } })).id;
});
afterAll(async () => h?.close());

const form = (over: Record<string, unknown> = {}) => ({ visitedOn: "2027-09-01 +0800", how: "HOME", amount: "500", source: "PARTY_FEE", goods: "月饼两盒", notes: "身体硬朗", ...over });
const submit = (from: string, messageId: string, task: number, formValue: Record<string, unknown>) =>
  h.double.click({ from, messageId, value: { a: "visit-complete", task }, formValue, name: "submit" });

describe("recording a visit", () => {
  it("opens the visitor's list from the digest, and the form from the list", async () => {
    const digest = h.double.message(digestId)!;
    expect(text(digest)).toContain("老党员甲");
    expect(text(digest)).toContain("老党员乙");
    const list = await h.double.click({ from: l1.openId, messageId: digestId, value: buttons(digest.content).find((b) => b.a === "visit-list")! });
    expect(list.cardUpdated).toBe(true);
    const open = buttons(list.card).find((b) => b.a === "visit-open" && b.task === taskA);
    expect(open).toBeDefined();
    const r = await h.double.click({ from: l1.openId, messageId: digestId, value: open! });
    expect(r.cardUpdated).toBe(true);
    expect(JSON.stringify(r.card)).toContain("记录走访：老党员甲");
    expect(JSON.stringify(r.card)).toContain("党费补助（余额 600.00 元）");
  });

  it.each([
    ["an amount that is not a number", { amount: "五百" }, "不是数字"],
    ["a negative amount", { amount: "-5" }, "不能为负数"],
    ["money without a fund source", { source: undefined }, "请选择资金来源"],
    ["more than the source holds", { amount: "700" }, "余额只有 600.00 元"],
    ["a visit date in the future", { visitedOn: "2027-09-02 +0800" }, "不能晚于今天"],
    ["a date that is not a date", { visitedOn: "明天" }, "日期格式不正确"],
    ["an unknown way of visiting", { how: "CARRIER_PIGEON" }, "请选择走访方式"],
    ["a forged fund source", { source: "TREASURE" }, "资金来源选项无效"],
  ])("refuses %s with a Chinese toast and changes nothing", async (_name, over, message) => {
    const audits = await h.db.prisma.auditLog.count();
    const r = await submit(l1.openId, digestId, taskA, form(over));
    expect(toastText(r)).toContain(message);
    expect((await h.db.prisma.visitTask.findUniqueOrThrow({ where: { id: taskA } })).status).toBe("OPEN");
    expect(await h.db.prisma.fundEntry.count()).toBe(0);
    expect(await balance()).toBe(60_000);
    expect(await h.db.prisma.auditLog.count()).toBe(audits);
  });

  it("refuses a leader who is not the visitor and a secretary of another branch", async () => {
    for (const who of [l2, sec2]) {
      const list = await command(h, who.openId, "走访");
      const r = await submit(who.openId, list.message_id, taskA, form());
      expect(toastText(r)).toContain("没有进行此操作的权限");
      const peek = await h.double.click({ from: who.openId, messageId: list.message_id, value: { a: "visit-open", task: taskA } });
      expect(toastText(peek)).toContain("没有进行此操作的权限");
    }
    expect((await h.db.prisma.visitTask.findUniqueOrThrow({ where: { id: taskA } })).status).toBe("OPEN");
    expect(await balance()).toBe(60_000);
  });

  it("records the visit and pays the money from the fund in the same transaction", async () => {
    const r = await submit(l1.openId, digestId, taskA, form());
    expect(toastText(r)).toContain("已记录走访");
    expect(JSON.stringify(r.card)).toContain("500.00 元（党费补助）");
    const t = await h.db.prisma.visitTask.findUniqueOrThrow({ where: { id: taskA } });
    expect(opened("VisitTask", t)).toMatchObject({ status: "DONE", how: "HOME", amountFen: 50_000, fundSource: "PARTY_FEE", goods: "月饼两盒", notes: "身体硬朗" });
    expect(t.visitedOn?.toISOString().slice(0, 10)).toBe("2027-09-01");
    const entries = await h.db.prisma.fundEntry.findMany();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ orgId: b1, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 50_000, payeeId: oldA.id, visitTaskId: taskA, recordedById: l1.id });
    expect(await balance()).toBe(10_000);
    const actions = (await h.db.prisma.auditLog.findMany({ where: { actorId: l1.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["visit.task.view", "visit.task.complete", "fund.disburse.visit"]));
  });

  it("changes nothing when the same form is submitted again", async () => {
    const r = await submit(l1.openId, digestId, taskA, form());
    expect(toastText(r)).toContain("已记录");
    expect(await h.db.prisma.fundEntry.count()).toBe(1);
    expect(await balance()).toBe(10_000);
  });

  it("lets the branch secretary record a visit with goods only", async () => {
    const list = await command(h, sec.openId, "走访");
    const r = await submit(sec.openId, list.message_id, taskB, form({ amount: "", source: undefined, how: "PHONE", goods: "食用油一桶" }));
    expect(toastText(r)).toContain("已记录走访");
    expect(await h.db.prisma.visitTask.findUniqueOrThrow({ where: { id: taskB } })).toMatchObject({ status: "DONE", how: "PHONE", amountFen: null, fundSource: null });
    expect(await h.db.prisma.fundEntry.count()).toBe(1);
  });
});

describe("走访上报 (event visits)", () => {
  it("creates a task due in 3 days for the reporting leader and tells the secretary", async () => {
    const reply = await command(h, l2.openId, "走访上报 老党员甲 住院做手术");
    expect(titleOf(reply)).toContain("走访上报：老党员甲");
    const t = await h.db.prisma.visitTask.findFirstOrThrow({ where: { memberId: oldA.id, festival: null } });
    expect(opened("VisitTask", t)).toMatchObject({ eventKind: "ILLNESS", reason: "住院做手术", visitorId: l2.id, orgId: b1, status: "OPEN" });
    expect(t.dueOn.toISOString().slice(0, 10)).toBe("2027-09-04");
    await settle(h);
    expect(cardsTo(h, sec.openId, "走访上报：老党员甲")).toHaveLength(1);
    const list = await command(h, l2.openId, "走访");
    expect(text(list)).toContain("六必访·生病住院");
  });

  it.each([
    ["走访上报 老党员甲 又住院了", "已有未完成"],
    ["走访上报 外支部党员 生病", "没有找到党员"],
    ["走访上报 老党员甲", "请这样上报"],
  ])("%s -> refused (%s), nothing created", async (words, message) => {
    const before = await h.db.prisma.visitTask.count();
    const reply = await command(h, l2.openId, words);
    expect(text(reply)).toContain(message);
    expect(await h.db.prisma.visitTask.count()).toBe(before);
  });

  it("lets the secretary hand the visit to another leader, who is told", async () => {
    const reply = await command(h, sec.openId, "走访改派 老党员甲 李明");
    expect(text(reply)).toContain("已将老党员甲的 1 项走访改派给李明");
    expect(await h.db.prisma.visitTask.findFirstOrThrow({ where: { memberId: oldA.id, festival: null } })).toMatchObject({ visitorId: l1.id });
    await settle(h);
    expect(cardsTo(h, l1.openId, "新的走访任务")).toHaveLength(1);
    expect(text(await command(h, l2.openId, "走访改派 老党员甲 陈芳"))).toContain("没有进行此操作的权限");
    expect(text(await command(h, sec.openId, "走访改派 老党员乙 李明"))).toContain("没有未完成的走访任务");
  });

  it("is for leaders and secretaries only", async () => {
    const reply = await command(h, oldB.openId, "走访上报 老党员甲 生病");
    expect(text(reply)).toContain("没有进行此操作的权限");
  });
});

describe("coverage", () => {
  it("shows planned, done and money by source to the secretary and the affairs worker", async () => {
    for (const who of [sec, aff]) {
      const reply = await command(h, who.openId, "走访统计 中秋 2027");
      expect(text(reply)).toContain("计划 2 · 已完成 2（100%）");
      expect(text(reply)).toContain("党费补助 500.00 元");
    }
    const all = await command(h, sec.openId, "走访统计");
    expect(text(all)).toContain("六必访（2027）");
  });

  it("refuses leaders and unknown words", async () => {
    expect(text(await command(h, l1.openId, "走访统计"))).toContain("没有进行此操作的权限");
    expect(text(await command(h, sec.openId, "走访统计 端午"))).toContain("看不懂「端午」");
  });

  it("exports the same figures and every visit as .xlsx", async () => {
    const dir = mkdtempSync(join(tmpdir(), "visits-"));
    try {
      const out = join(dir, "r.xlsx");
      const r = await exportVisitReport(h.db, { branchCode: "b1", festival: "MID_AUTUMN", year: 2027, out, now: h.clock.now(), timeZone: "Asia/Shanghai" });
      expect(r).toMatchObject({ rows: 1, tasks: 2 });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const cov = wb.getWorksheet("覆盖情况")!;
      const header = (cov.getRow(1).values as unknown[]).map(String);
      const row = cov.getRow(2).values as unknown[];
      const col = (name: string) => header.findIndex((x) => (x ?? "").startsWith(name));
      expect(row[col("计划")]).toBe(2);
      expect(row[col("已完成")]).toBe(2);
      expect(row[col("党费补助")]).toBe(500);
      const list = wb.getWorksheet("走访明细")!;
      expect(list.rowCount).toBe(3);
      const rowsText = JSON.stringify([list.getRow(2).values, list.getRow(3).values]);
      expect(rowsText).toContain("老党员甲");
      expect(rowsText).toContain("500");
      expect(rowsText).toContain("食用油一桶");
      expect(await h.db.prisma.auditLog.count({ where: { action: "visit.report.export" } })).toBe(1);
      await expect(exportVisitReport(h.db, { branchCode: "nope", now: h.clock.now(), timeZone: "Asia/Shanghai" })).rejects.toBeInstanceOf(VisitReportError);
      await expect(exportVisitReport(h.db, { branchCode: "b1", festival: "DRAGON_BOAT", now: h.clock.now(), timeZone: "Asia/Shanghai" })).rejects.toThrow(/未知的节日/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
