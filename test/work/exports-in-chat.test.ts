// 导出: a secretary receives the branch's reports as file messages in the private chat (台账,
// 谈心台账 without notes, 走访统计表, 资金台账), a committee's secretary a 台账 over its
// branches; anyone else is refused with guidance. Over the Lark double with real PostgreSQL and
// Redis: each file is downloaded from the double and opened with exceljs.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayIn } from "../../src/domain/zoned-time.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { recordIncome } from "../../src/store/aid-fund.ts";
import { storesFor } from "../../src/store/stores.ts";
import { buttonValue, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { cellsOf, fileWorkbook } from "../support/xlsx.ts";

const NOTE = "谈心内容：家中老人住院需要照顾";
const PAYER = '=HYPERLINK("http://example.invalid","拨款")';

let h: Harness;
let a: Branch;
let b: Branch;
let committee: SeededPerson;
let topName: string;
let topId: number;

const workbookOf = (m: SentMessage) => fileWorkbook(h.double, m);


const allText = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => cellsOf(wb, ws.name).flat().map(String).join("|")).join("\n");

async function fileFor(who: SeededPerson, said: string): Promise<SentMessage> {
  const m = await h.double.say({ from: who.openId, text: said });
  return h.double.waitForMessage({ to: who.openId, where: (x) => x.parent_id === m.messageId && x.msg_type === "file" }, 15_000);
}

beforeAll(async () => {
  h = await startAidHarness();
  const p = h.db.prisma;
  const top = await p.organization.create({ data: { code: "ex-top", name: "导出社区党委", kind: "COMMITTEE" } });
  topName = top.name;
  topId = top.id;
  a = await seedBranch(h, "ex-1", { prefix: "甲" });
  b = await seedBranch(h, "ex-2", { prefix: "乙" });
  await p.organization.updateMany({ where: { id: { in: [a.orgId, b.orgId] } }, data: { parentId: top.id } });
  committee = await seedPerson(p, h.double, { name: "导出党委书记", orgId: top.id, roles: ["SECRETARY"] });

  const today = dayIn(h.clock.now(), h.config.timezone);
  const store = storesFor(p);
  for (const [br, thinking] of [[a, NOTE], [b, "乙支部的谈话"]] as const) {
    await store.talks.recordTalk({ orgId: br.orgId, memberId: br.member.id, leaderId: br.leader.id, heldOn: today, form: "IN_PERSON", thinking, concernAreas: ["LIFE"], followUps: [], now: h.clock.now() });
  }
  // A payer that looks like a formula, and a reversal of that income (a negative line).
  const income = await p.$transaction((tx) => recordIncome(tx, { orgId: a.orgId, source: "PARTY_FEE", amountFen: 50_000, payer: PAYER, note: "-补发", recordedById: null, at: h.clock.now() }));
  await p.fundEntry.create({ data: { orgId: a.orgId, source: "PARTY_FEE", kind: "REVERSAL", amountFen: 20_000, reversesId: income!.entryId, reason: "录入金额有误", createdAt: h.clock.now() } });
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("导出", () => {
  it("shows a branch secretary the reports as buttons, and a click sends the 台账 as a file", async () => {
    const said = await h.double.say({ from: a.secretary.openId, text: "导出" });
    const menu = await h.double.waitForMessage({ to: a.secretary.openId, where: (m) => m.parent_id === said.messageId });
    expect(menu.msg_type).toBe("interactive");
    const body = text(menu);
    for (const word of ["台账", "谈心台账", "走访统计表", "资金台账"]) expect(body).toContain(word);
    const value = buttonValue(menu.content, "export-report");
    expect(value).toMatchObject({ r: "ledger" });

    const clicked = await h.double.click({ from: a.secretary.openId, messageId: menu.message_id, value, tag: "button" });
    expect(JSON.stringify(clicked.toast)).toContain("台账");
    const msg = await h.double.waitForMessage({ to: a.secretary.openId, where: (m) => m.msg_type === "file" }, 15_000);
    const wb = await workbookOf(msg);
    expect(cellsOf(wb, "概览")[1]).toEqual(["支部", "甲党支部"]);
    expect(cellsOf(wb, "谈心谈话").flat()).toContain(a.member.name);
    expect(allText(wb)).not.toContain(NOTE);
    expect(allText(wb)).not.toContain(b.member.name);
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "ledger.export", actorId: a.secretary.id } });
    expect(line).toMatchObject({ orgId: a.orgId, subjectType: "Organization", subjectId: String(a.orgId) });
  });

  it("sends the talk ledger without notes", async () => {
    const wb = await workbookOf(await fileFor(a.secretary, "导出谈心台账"));
    const rows = cellsOf(wb, "谈心谈话");
    expect(rows[0]).not.toContain("思想");
    expect(rows.slice(1).map((r) => r[1])).toEqual([a.member.name]);
    expect(allText(wb)).not.toContain(NOTE);
    expect(await h.db.prisma.auditLog.count({ where: { action: "talk.export", actorId: a.secretary.id, orgId: a.orgId } })).toBe(1);
  });

  it("sends the visit report of the year", async () => {
    const wb = await workbookOf(await fileFor(a.secretary, "导出 走访统计"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["覆盖情况", "走访明细"]);
    expect(allText(wb)).toContain(`甲党支部 走访 ${dayIn(h.clock.now(), h.config.timezone).slice(0, 4)}`);
    expect(await h.db.prisma.auditLog.count({ where: { action: "visit.report.export", actorId: a.secretary.id, orgId: a.orgId } })).toBe(1);
  });

  it("sends the affairs worker the fund ledger: formula-looking text neutralised, amounts numbers, the reversal negative", async () => {
    const wb = await workbookOf(await fileFor(a.worker, "下载资金台账"));
    const rows = cellsOf(wb, "资金流水");
    const [income, reversal] = rows.slice(1);
    expect(income![3]).toBe("收入");
    expect(income![4]).toBe(500);
    expect(income![5]).toBe(`'${PAYER}`);
    expect(income![10]).toBe("'-补发");
    expect(reversal![3]).toBe("冲正·冲减收入");
    expect(reversal![4]).toBe(-200);
    expect(typeof reversal![4]).toBe("number");
    expect(cellsOf(wb, "资金核对").length).toBeGreaterThan(1);
    expect(await h.db.prisma.auditLog.count({ where: { action: "fund.export", actorId: a.worker.id, orgId: a.orgId } })).toBe(1);
  });

  it("gives a committee's secretary one 台账 over every branch below", async () => {
    const wb = await workbookOf(await fileFor(committee, "导出 台账"));
    const summary = cellsOf(wb, "汇总");
    expect(summary.slice(1, 3).map((r) => r[0])).toEqual(["甲党支部", "乙党支部"]);
    expect(summary.slice(1, 3).map((r) => r[5])).toEqual([1, 1]);
    expect(String(summary.at(-1)![0])).toContain(topName);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "甲党支部", "乙党支部"]);
    expect(cellsOf(wb, "乙党支部")[1]).toEqual(["支部", "乙党支部"]);
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "ledger.export", actorId: committee.id } });
    expect(line.changes).toMatchObject({ branches: [a.orgId, b.orgId] });
  });

  it("gives a committee's secretary one talk ledger over its branches: 汇总 with a 合计 row, a sheet per branch, no notes", async () => {
    const said = await h.double.say({ from: committee.openId, text: "导出谈心台账" });
    await h.double.waitForMessage({ to: committee.openId, where: (x) => x.parent_id === said.messageId && x.msg_type === "file" }, 15_000);
    const note = await h.double.waitForMessage({ to: committee.openId, where: (x) => x.parent_id === said.messageId && x.msg_type === "text" }, 15_000);
    expect(JSON.stringify(note.content)).toContain("谈心台账");
    expect(await h.db.prisma.exportFile.count({ where: { personId: committee.id, kind: "talk-ledger" } })).toBe(1);
    const files = h.double.messages({ to: committee.openId }).filter((x) => x.parent_id === said.messageId && x.msg_type === "file");
    expect(files).toHaveLength(1);
    const wb = await workbookOf(files[0]!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "甲党支部", "乙党支部"]);
    const summary = cellsOf(wb, "汇总");
    expect(summary[0]).toEqual(["支部", "谈话次数", "谈话党员人数", "面谈", "电话", "视频", "跟进事项数"]);
    expect(summary.slice(1, 4)).toEqual([
      ["甲党支部", 1, 1, 1, 0, 0, 0],
      ["乙党支部", 1, 1, 1, 0, 0, 0],
      ["合计", 2, 2, 2, 0, 0, 0],
    ]);
    expect(String(summary.at(-1)![0])).toContain(`${topName} 谈心台账`);
    expect(cellsOf(wb, "甲党支部").slice(1).map((r) => r[1])).toEqual([a.member.name]);
    expect(cellsOf(wb, "乙党支部").slice(1).map((r) => r[1])).toEqual([b.member.name]);
    expect(cellsOf(wb, "甲党支部")[0]).not.toContain("思想");
    expect(allText(wb)).not.toContain(NOTE);
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.export", actorId: committee.id } });
    expect(line).toMatchObject({ orgId: topId, subjectId: String(topId) });
    expect(line.changes).toMatchObject({ rows: 2, branches: [a.orgId, b.orgId] });
  });

  it("gives a committee's secretary one fund ledger: 汇总 per branch with a 合计, each branch's lines, 资金核对 over all", async () => {
    const said = await h.double.say({ from: committee.openId, text: "导出资金台账" });
    await h.double.waitForMessage({ to: committee.openId, where: (x) => x.parent_id === said.messageId && x.msg_type === "file" }, 15_000);
    await h.double.waitForMessage({ to: committee.openId, where: (x) => x.parent_id === said.messageId && x.msg_type === "text" }, 15_000);
    expect(await h.db.prisma.exportFile.count({ where: { personId: committee.id, kind: "fund-ledger" } })).toBe(1);
    const files = h.double.messages({ to: committee.openId }).filter((x) => x.parent_id === said.messageId && x.msg_type === "file");
    expect(files).toHaveLength(1);
    const wb = await workbookOf(files[0]!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "甲党支部", "乙党支部", "资金核对"]);
    const summary = cellsOf(wb, "汇总");
    expect(summary[0]).toEqual(["支部", "收入（元）", "支出（元）", "冲正净额（元）", "本期净额（元）", "当前余额（元）", "台账与余额一致"]);
    // 甲: 500 in, 200 of it reversed; the reversal was written straight into the ledger without
    // moving the balance, so the books do not agree, and the workbook says so.
    expect(summary.slice(1, 4)).toEqual([
      ["甲党支部", 500, 0, -200, 300, 500, "否"],
      ["乙党支部", 0, 0, 0, 0, 0, "是"],
      ["合计", 500, 0, -200, 300, 500, "否"],
    ]);
    const lines = cellsOf(wb, "甲党支部");
    expect(lines[0]![0]).toBe("流水号");
    expect(lines.slice(1).map((r) => [r[3], r[4]])).toEqual([["收入", 500], ["冲正·冲减收入", -200]]);
    expect(lines[1]![5]).toBe(`'${PAYER}`);
    expect(cellsOf(wb, "乙党支部")).toHaveLength(1);
    expect(cellsOf(wb, "资金核对").slice(1).map((r) => r[0])).toContain("甲党支部");
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "fund.export", actorId: committee.id } });
    expect(line).toMatchObject({ orgId: topId, subjectId: String(topId) });
    expect(line.changes).toMatchObject({ rows: 2, branches: [a.orgId, b.orgId] });
  });

  it("refuses a leader and a member, pointing them to their own data, and makes no file", async () => {
    for (const [who, said] of [[a.leader, "导出台账"], [a.member, "导出"]] as const) {
      const m = await h.double.say({ from: who.openId, text: said });
      const reply = await h.double.waitForMessage({ to: who.openId, where: (x) => x.parent_id === m.messageId });
      expect(text(reply)).toContain("导出我的数据");
      expect(await h.db.prisma.exportFile.count({ where: { personId: who.id } })).toBe(0);
    }
  });

  it("sends a second file when asked again the same minute: each request is its own, audited copy", async () => {
    const first = await fileFor(b.secretary, "导出台账");
    const second = await fileFor(b.secretary, "要台账");
    expect(second.message_id).not.toBe(first.message_id);
    expect(await h.db.prisma.exportFile.count({ where: { personId: b.secretary.id, kind: "ledger" } })).toBe(2);
    expect(cellsOf(await workbookOf(second), "概览")[1]).toEqual(["支部", "乙党支部"]);
  });
});
