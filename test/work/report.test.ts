// The branch analysis (分析, the quarterly report and the .xlsx ledger) includes training coverage
// (members and affairs workers) and the employment cases still open, from records made through
// the bot.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportBranchLedger } from "../../src/export/branch-ledger.ts";
import type { Harness } from "../support/harness.ts";
import { startVisitHarness } from "../visits/helpers.ts";
import { cardTo, clickCard, command, fund, replyTo, seedBranch, submit, text, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
const at = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  h = await startVisitHarness(at("2027-03-15T10:00:00"));
  a = await seedBranch(h, "wr", { prefix: "戊" });
  await fund(h, a.orgId, "PARTY_FEE", 1000);
  // Through the bot: a training the affairs worker records (a member and the worker attended) …
  const rec = await replyTo(h, a.worker, "培训记录");
  await submit(h, a.worker, rec, "training-record-save", { topic: "THEORY", title: "党的二十大精神学习", held_on: "2027-03-10 +0800", attendees: [String(a.member.id), String(a.worker.id)] });
  // … a training subsidy approved …
  const app = await replyTo(h, a.member, "培训申请");
  await submit(h, a.member, app, "training-submit", { course: "电工培训", provider: "技校", start: "2027-04-01 +0800", end: "2027-05-01 +0800", asks: ["SUBSIDY"], amount: "500", reason: "岗位需要持证电工，支部已同意" });
  const decide = await cardTo(h, a.secretary, "培训支持审批");
  await clickCard(h, a.secretary, decide, "training-approve", { granted: ["SUBSIDY"], amount: "500", source: "PARTY_FEE" });
  // … two members looking for work (one registered by their leader), and one posting.
  const seek = await replyTo(h, a.member2, "求职登记");
  await submit(h, a.member2, seek, "job-seek-submit", { skills: "会计", kinds: ["OFFICE"] });
  const forOffline = await replyTo(h, a.leader, `求职登记 ${a.offline.name}`);
  await submit(h, a.leader, forOffline, "job-seek-submit", { skills: "缝纫", kinds: [] });
  await h.db.prisma.person.update({ where: { id: a.member2.id }, data: { responsibleLeaderId: a.leader.id } });
  const post = await replyTo(h, a.worker, "岗位发布");
  await submit(h, a.worker, post, "job-post-submit", { type: "JOB", title: "出纳", kinds: ["OFFICE"], details: "持会计证" });
  h.clock.set(at("2027-03-25T10:00:00"));
});
afterAll(async () => h?.close());

describe("branch analysis with work care", () => {
  it("分析 shows training coverage and the open employment cases", async () => {
    const [card] = await command(h, a.secretary, "分析 2027Q1");
    const body = text(card!);
    // Seven people belong to the branch as members (everyone seeded is one); two were trained.
    expect(body).toContain("培训覆盖（2027年累计）**：28.6%（党员 7 人，已参加培训 2 人）；党务工作者 1/1 人");
    expect(body).toContain("理论 2 人");
    expect(body).toContain("本期培训 1 场");
    expect(body).toContain("培训支持申请**：本期 1 件，批准 1 件，补贴 500.00 元");
    expect(body).toContain("在册求职 2 人；本期新登记 2 人、实现就业 0 人，发布岗位信息 1 条");
    expect(body).toContain(`${a.member2.name}（登记 10 天，联系人：${a.leader.name}，上次回访 无，已推送 1 条）`);
    expect(body).toContain(`${a.offline.name}（登记 10 天，联系人：未分配`);
  });

  it("the .xlsx ledger has a training sheet (with who is untrained) and an employment sheet", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "tongxin-work-")), "q1.xlsx");
    await exportBranchLedger(h.db, { branchCode: "wr", quarter: "2027Q1", out, now: h.clock.now(), timeZone: "Asia/Shanghai" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const training = wb.getWorksheet("培训覆盖")!;
    const values = new Map(training.getSheetValues().slice(2).filter(Boolean).map((row) => [String((row as unknown[])[1]), (row as unknown[])[2]]));
    expect(values.get("培训覆盖率")).toBe(28.6);
    expect(values.get("已参加培训党务工作者")).toBe(1);
    expect(values.get("培训补贴（元）")).toBe(500);
    expect(values.get("本年未参加培训的党员")).toBe(5);
    expect(values.has(a.member2.name)).toBe(true);
    expect(values.has(a.member.name)).toBe(false);
    const employment = wb.getWorksheet("就业帮扶")!;
    expect(employment.getColumn(1).values.slice(2)).toEqual([a.member2.name, a.offline.name]);
    expect(employment.getRow(2).getCell(2).value).toBe(a.leader.name);
  });

  it("the quarterly report the secretary gets after the quarter carries the same lines", async () => {
    h.clock.set(at("2027-04-01T09:30:00"));
    await h.app.maintenance!.run("branch-report");
    const report = await cardTo(h, a.secretary, "支部定期分析 · 2027年第一季度");
    expect(text(report)).toContain("培训覆盖（2027年累计）**：28.6%");
    expect(text(report)).toContain("在册求职 2 人");
  });
});
