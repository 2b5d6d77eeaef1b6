// The branch analysis (定期分析): the 分析 card, the quarterly report on the first working day
// of the next quarter (once), the .xlsx ledger from `npm run report`, and assigning leaders
// (分配谈心) by card and by names.
import { TEST_DATA_KEYS } from "../support/env.ts";
import { execFile } from "node:child_process";
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import { exportBranchLedger } from "../../src/export/branch-ledger.ts";
import { command } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";
import { addTalk, at, buttonValues, seedTalkBranch, setLeader, staged, startTalkHarness, type TalkBranch } from "./support.ts";

let h: Harness;
let b: TalkBranch;
const text = (x: unknown) => JSON.stringify(x);
const id = (name: string) => b.members.find((m) => m.name === name)!.id;

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-04-06", "10:00") });
  b = await seedTalkBranch(h, { code: "an", memberNames: ["张三", "李四", "王五", "赵六"], since: "2020-01-01", staffTalkOn: "2027-01-04" });
  const p = h.db.prisma;
  for (const name of ["张三", "李四", "王五"]) await setLeader(h, id(name), b.leaderA.id);
  const t1 = await p.talk.create({
    data: { orgId: b.orgId, memberId: id("张三"), leaderId: b.leaderA.id, heldOn: dayToDate("2027-01-15"), form: "IN_PERSON", life: "母亲住院", concerns: "就业", concernAreas: ["WORK", "LIFE"] },
  });
  await p.followUp.create({ data: { talkId: t1.id, ownerId: b.leaderA.id, description: "联系就业培训", dueOn: dayToDate("2027-02-01") } });
  const t2 = await p.talk.create({ data: { orgId: b.orgId, memberId: id("李四"), leaderId: b.leaderA.id, heldOn: dayToDate("2027-02-20"), form: "PHONE", work: "工作稳定", concernAreas: ["LIFE"] } });
  await p.followUp.create({ data: { talkId: t2.id, ownerId: b.leaderA.id, description: "送慰问品", dueOn: dayToDate("2027-03-01"), status: "DONE", doneAt: at("2027-03-01", "15:00") } });
  await addTalk(h, { orgId: b.orgId, memberId: id("赵六"), leaderId: b.secretary.id, heldOn: "2026-12-01" });
  // 王五 has no talk on record since joining in 2020: overdue.
  await p.hardshipEntry.create({ data: { orgId: b.orgId, personId: id("张三"), causes: ["ILLNESS"], level: "SPECIAL", household: "x", nextReviewOn: dayToDate("2027-03-20") } });
  await p.hardshipEntry.create({
    data: { orgId: b.orgId, personId: id("李四"), causes: ["UNEMPLOYMENT"], level: "GENERAL", household: "x", status: "RESOLVED", resolvedAt: at("2027-02-10"), resolvedReason: "就业", nextReviewOn: dayToDate("2027-05-01") },
  });
  await p.talkTask.create({ data: { orgId: b.orgId, memberId: id("王五"), leaderId: b.leaderA.id, reason: "FLAGGED", dueOn: dayToDate("2027-03-05"), status: "DONE", doneAt: at("2027-03-03"), createdAt: at("2027-03-02") } });
  await p.talkTask.create({ data: { orgId: b.orgId, memberId: id("赵六"), leaderId: b.secretary.id, reason: "FLAGGED", dueOn: dayToDate("2027-03-28"), createdAt: at("2027-03-25") } });
  const paid: ["LOCAL_FINANCE" | "PARTY_FEE" | "DONATION", number, string][] = [
    ["LOCAL_FINANCE", 50_000, "2027-01-10"],
    ["DONATION", 20_000, "2027-03-15"],
    ["PARTY_FEE", 10_000, "2026-12-20"], // last year
    ["LOCAL_FINANCE", 30_000, "2027-04-02"], // after the quarter
  ];
  for (const [source, amountFen, day] of paid) await p.fundEntry.create({ data: { orgId: b.orgId, source, kind: "DISBURSEMENT", amountFen, createdAt: at(day, "10:00") } });
  await p.fundEntry.create({ data: { orgId: b.orgId, source: "DONATION", kind: "INCOME", amountFen: 99_900, createdAt: at("2027-01-05") } });
}, 60_000);
afterAll(async () => h?.close());

describe("分析", () => {
  it("shows the quarter's coverage, concerns, follow-ups, urgent talks, archive and aid paid by source", async () => {
    const [reply] = await command(h, b.secretary, "分析 2027Q1");
    const c = text(reply!.content);
    expect(c).toContain("支部定期分析 · 2027年第一季度");
    expect(c).toContain("截至 2027年3月31日");
    // 7 members (4 + the 3 staff), all but 王五 up to date; 赵六 has no responsible leader.
    expect(c).toContain("85.7%（党员 7 人，按期 6 人，逾期未谈 1 人，未分配联系人 1 人）");
    expect(c).toContain("5 次，涉及 5 人（面谈 4、电话 1、视频 0）");
    expect(c).toContain("思想 0 次、工作 1 次、生活 2 次");
    expect(c).toContain("未完成 1 项（逾期 1 项），本期完成 1 项");
    expect(c).toContain("本期新增 2 项、完成 1 项，在办 1 项");
    expect(c).toContain("在档 1 人（特别困难 1、较重 0、一般 0），复核逾期 1 份；已解困 1 人（本期 1 人）");
    expect(c).toContain("地方财政拨付 500.00 元，党费补助 0.00 元，社会捐赠 200.00 元；合计 700.00 元");
    expect(c).toContain("王五（联系人");
  });

  it("is for secretaries", async () => {
    const [reply] = await command(h, b.leaderA, "分析");
    expect(text(reply!.content)).toContain("没有进行此操作的权限");
  });
});

describe("the quarterly report", () => {
  it("goes to the secretary once, after the first working day of the next quarter", async () => {
    h.clock.set(at("2027-04-01", "09:30"));
    expect(await h.app.maintenance!.run("branch-report")).toMatchObject({ quarter: "2027Q1", reports: 1, staged: 1 });
    const [row] = await staged(h, `branch-report-${b.orgId}-2027Q1-${b.secretary.id}`);
    expect(text(row!.card)).toContain("合计 700.00 元");
    h.clock.set(at("2027-04-06", "15:30"));
    expect(await h.app.maintenance!.run("branch-report")).toMatchObject({ reports: 0, staged: 0 });
    await h.double.waitForMessage({ to: b.secretary.openId, where: (m) => text(m.content).includes("支部定期分析 · 2027年第一季度") });
  });
});

describe("the ledger (台账)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tongxin-ledger-"));

  it("holds the same figures as the card, and no notes unless asked, every export audited", async () => {
    const out = join(dir, "q1.xlsx");
    const r = await exportBranchLedger(h.db, { branchCode: "an", quarter: "2027Q1", out, now: h.clock.now(), timeZone: "Asia/Shanghai" });
    expect(r).toMatchObject({ file: out, talks: 5, members: 7 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The talk and care sheets come first (work care adds its own after them).
    expect(wb.worksheets.map((w) => w.name).slice(0, 6)).toEqual(["概览", "谈心谈话", "逾期未谈", "跟进事项", "困难档案", "帮扶资金"]);
    // Chinese only: no sheet name, heading or summary label has English beside it.
    for (const ws of wb.worksheets) {
      expect(ws.name).not.toMatch(/[A-Za-z]/);
      const labels = [...(ws.getRow(1).values as unknown[]), ...(ws.name === "概览" ? ws.getColumn(1).values : [])];
      expect(labels.filter((v) => typeof v === "string" && /[A-Za-z]/.test(v)), ws.name).toEqual([]);
    }
    const summary = new Map(wb.getWorksheet("概览")!.getSheetValues().slice(2).map((row) => [String((row as unknown[])[1]), (row as unknown[])[2]]));
    expect(summary.get("谈心谈话覆盖率")).toBe(85.7);
    expect(summary.get("本期谈话次数")).toBe(5);
    expect(summary.get("2027年帮扶支出合计（元）")).toBe(700);
    const talks = wb.getWorksheet("谈心谈话")!;
    expect(talks.rowCount).toBe(6);
    expect(JSON.stringify(talks.getSheetValues())).not.toContain("母亲住院");
    expect(wb.getWorksheet("逾期未谈")!.getRow(2).getCell(1).value).toBe("王五");

    const withNotes = join(dir, "q1-notes.xlsx");
    await exportBranchLedger(h.db, { branchCode: "an", quarter: "2027Q1", out: withNotes, withNotes: true, now: h.clock.now(), timeZone: "Asia/Shanghai" });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(withNotes);
    expect(JSON.stringify(wb2.getWorksheet("谈心谈话")!.getSheetValues())).toContain("母亲住院");
    expect(await h.db.prisma.auditLog.count({ where: { action: "talk.export" } })).toBe(1);
    expect(await h.db.prisma.auditLog.count({ where: { action: "talk.export-notes" } })).toBe(1);
  });

  it("npm run report writes the file, and says what is wrong with a bad branch", async () => {
    const run = promisify(execFile);
    const out = join(dir, "cli.xlsx");
    const env = { ...process.env, DATABASE_URL: h.config.databaseUrl, LOG_LEVEL: "silent", DATA_KEYS: TEST_DATA_KEYS };
    // The script runs on the real clock: the quarter that has started by now.
    const ok = await run("npx", ["tsx", "scripts/talk-report.ts", "--branch", "an", "--quarter", "2026Q4", "--out", out], { env });
    expect(ok.stdout).toContain("已导出台账");
    expect(existsSync(out)).toBe(true);
    const bad = await run("npx", ["tsx", "scripts/talk-report.ts", "--branch", "nope", "--quarter", "2026Q4"], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 1 });
    expect((bad as { stderr: string }).stderr).toContain("没有代码为 nope 的组织");
  }, 60_000);
});

describe("分配谈心", () => {
  it("assigns from the card, audits, and tells the new leader", async () => {
    const [reply] = await command(h, b.secretary, "分配谈心");
    expect(text(reply!.content)).toContain("尚未分配联系人的党员 1 位：赵六");
    const click = await h.double.click({
      from: b.secretary.openId,
      messageId: reply!.message_id,
      value: buttonValues(reply!.content, "talk-assign")[0]!,
      tag: "button",
      formValue: { member: String(id("赵六")), leader: String(b.leaderB.id) },
    });
    expect(text(click.card)).toContain(`赵六的谈心谈话联系人：${b.leaderB.name}`);
    expect((await h.db.prisma.person.findUniqueOrThrow({ where: { id: id("赵六") } })).responsibleLeaderId).toBe(b.leaderB.id);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "person.responsible-leader", subjectId: String(id("赵六")) } });
    expect(audit.changes).toEqual({ responsibleLeaderId: [null, b.leaderB.id] });
    await h.double.waitForMessage({ to: b.leaderB.openId, where: (m) => text(m.content).includes("指定您为党员赵六的谈心谈话联系人") });
  });

  it("assigns by names, and refuses a leader outside the branch's leaders", async () => {
    const [ok] = await command(h, b.secretary, `分配谈心 赵六 ${b.leaderA.name}`);
    expect(text(ok!.content)).toContain(`赵六的谈心谈话联系人：${b.leaderA.name}`);
    const [bad] = await command(h, b.secretary, "分配谈心 赵六 李四");
    expect(text(bad!.content)).toContain("找不到唯一名为「李四」的党员领导干部");
    const [member] = await command(h, b.leaderA, "分配谈心 赵六 李四");
    expect(text(member!.content)).toContain("没有进行此操作的权限");
    expect((await h.db.prisma.person.findUniqueOrThrow({ where: { id: id("赵六") } })).responsibleLeaderId).toBe(b.leaderA.id);
  });
});
