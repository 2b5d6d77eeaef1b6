// 年度报告 over the Lark double with real PostgreSQL and Redis: a committee with three branches,
// a year of care work seeded with dates on both sides of 1 January (fund income, payments, a
// reversal of last year's payment and of last year's income, talks, visits, the hardship archive),
// and the report read back from the card and from the spreadsheet (opened with exceljs). The
// fund's reconciliation is checked against the ledger itself; the December reminder goes once
// per secretary, not before 15 December, never twice.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerBalances } from "../../src/domain/fund-correction.ts";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { sealJson } from "../../src/store/sealing.ts";
import { storesFor } from "../../src/store/stores.ts";
import { buttonValue, startAidHarness, text } from "../aid/support.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import type { Harness } from "../support/harness.ts";
import { testKeyring } from "../support/sealed.ts";
import type { SeededPerson } from "../support/seed.ts";
import { cellsOf, fileWorkbook } from "../support/xlsx.ts";

const TZ = "Asia/Shanghai";
const at = (day: string, hhmm = "10:00") => {
  const [hh, mm] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, TZ).getTime() + (hh * 60 + mm) * 60_000);
};
const date = (day: string) => new Date(`${day}T00:00:00Z`);

let h: Harness;
let c: Committee;
let membersPerBranch: number;

const workbookOf = (m: SentMessage) => fileWorkbook(h.double, m);


/** The row of the 年度报告 sheet whose label is `label`: its values, one per column after the label. */
function figureRow(wb: ExcelJS.Workbook, label: string): unknown[] {
  const row = cellsOf(wb, "年度报告").find((r) => r[1] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.slice(2);
}

/** The 资金核对 row of an organisation and source, keyed by its headers. */
function fundRow(wb: ExcelJS.Workbook, org: string, source: string): Record<string, unknown> {
  const rows = cellsOf(wb, "资金核对");
  const head = rows[0] as string[];
  const row = rows.find((r) => r[0] === org && r[1] === source);
  if (!row) throw new Error(`no fund row ${org} ${source}`);
  return Object.fromEntries(head.map((k, i) => [k, row[i]]));
}

/** Says `said` privately and waits for the answer: the summary card and the file message. */
async function report(who: SeededPerson, said: string): Promise<{ card: SentMessage; file: SentMessage }> {
  const m = await h.double.say({ from: who.openId, text: said });
  const file = await h.double.waitForMessage({ to: who.openId, where: (x) => x.parent_id === m.messageId && x.msg_type === "file" }, 30_000);
  const card = h.double.messages({ to: who.openId }).find((x) => x.parent_id === m.messageId && x.msg_type === "interactive")!;
  return { card, file };
}

async function seedYear(): Promise<void> {
  const p = h.db.prisma;
  const [b1, b2] = c.branches;
  // Everyone has been on the roll for years (the cadence runs from `since`).
  await p.membership.updateMany({ where: { orgId: { in: c.branches.map((b) => b.orgId) } }, data: { since: date("2020-01-01") } });
  membersPerBranch = await p.membership.count({ where: { orgId: b1.orgId, role: "MEMBER" } });

  // Branch one's fund, LOCAL_FINANCE: last year income 1000 and 300 and an aid payment of 200; this
  // year that payment booked back, the 300 taken back, income 500, an aid payment of 300.
  const r1 = await p.aidRequest.create({ data: { number: "2025-0001", orgId: b1.orgId, personId: b1.member.id, filedById: b1.member.id, category: "LIVING", description: "x", status: "REVERSED", approvedFen: 20_000, fundSource: "LOCAL_FINANCE", createdAt: at("2025-10-01") } });
  const r2 = await p.aidRequest.create({ data: { number: "2026-0001", orgId: b1.orgId, personId: b1.member2.id, filedById: b1.member2.id, category: "ILLNESS", description: "x", status: "APPROVED", approvedFen: 30_000, fundSource: "LOCAL_FINANCE", createdAt: at("2026-05-01") } });
  await p.aidRequest.create({ data: { number: "2026-0002", orgId: b1.orgId, personId: b1.member.id, filedById: b1.member.id, category: "ILLNESS", description: "x", status: "REJECTED", createdAt: at("2026-06-01") } });
  const entry = (d: { kind: "INCOME" | "DISBURSEMENT" | "REVERSAL"; fen: number; day: string; reversesId?: number; aidRequestId?: number; orgId?: number; source?: "LOCAL_FINANCE" | "PARTY_FEE" }) =>
    p.fundEntry.create({
      data: { orgId: d.orgId ?? b1.orgId, source: d.source ?? "LOCAL_FINANCE", kind: d.kind, amountFen: d.fen, reversesId: d.reversesId ?? null, aidRequestId: d.aidRequestId ?? null, payer: d.kind === "INCOME" ? "区财政" : null, reason: d.kind === "REVERSAL" ? "更正" : null, createdAt: at(d.day) },
    });
  await entry({ kind: "INCOME", fen: 100_000, day: "2025-06-01" });
  const lastIncome = await entry({ kind: "INCOME", fen: 30_000, day: "2025-07-01" });
  const lastPaid = await entry({ kind: "DISBURSEMENT", fen: 20_000, day: "2025-11-01", aidRequestId: r1.id });
  await entry({ kind: "REVERSAL", fen: 20_000, day: "2026-02-01", reversesId: lastPaid.id });
  await entry({ kind: "REVERSAL", fen: 30_000, day: "2026-03-01", reversesId: lastIncome.id });
  await entry({ kind: "INCOME", fen: 50_000, day: "2026-03-15" });
  await entry({ kind: "DISBURSEMENT", fen: 30_000, day: "2026-05-02", aidRequestId: r2.id });
  await p.fundBalance.create({ data: { orgId: b1.orgId, source: "LOCAL_FINANCE", balanceFen: 120_000 } });
  // Branch two: 100 yuan of party fee, but a running balance that says 90: the report says 不平.
  await entry({ kind: "INCOME", fen: 10_000, day: "2026-02-01", orgId: b2.orgId, source: "PARTY_FEE" });
  await p.fundBalance.create({ data: { orgId: b2.orgId, source: "PARTY_FEE", balanceFen: 9_000 } });

  // Talks: branch one with two members this year (in person, phone) and one last year; branch two one.
  const talk = (orgId: number, memberId: number, leaderId: number, day: string, form: "IN_PERSON" | "PHONE") => p.talk.create({ data: { orgId, memberId, leaderId, heldOn: date(day), form } });
  await talk(b1.orgId, b1.member.id, b1.leader.id, "2026-03-10", "IN_PERSON");
  await talk(b1.orgId, b1.member2.id, b1.leader.id, "2026-08-01", "PHONE");
  await talk(b1.orgId, b1.offline.id, b1.leader.id, "2025-09-01", "IN_PERSON");
  await talk(b2.orgId, b2.member.id, b2.leader.id, "2026-05-05", "IN_PERSON");
  await p.peerTalk.create({ data: { orgId: b1.orgId, recordedById: b1.member.id, peerId: b1.member2.id, heldOn: date("2026-09-01"), form: "IN_PERSON" } });

  // Visits: Spring Festival done with 200 yuan, Double Ninth still planned, an illness visit done.
  const visit = (d: { festival?: string; eventKind?: string; status: "OPEN" | "DONE"; dueOn: string; amountFen?: number; memberId: number }) =>
    p.visitTask.create({ data: { orgId: b1.orgId, memberId: d.memberId, visitorId: b1.leader.id, festival: d.festival ?? null, year: d.festival ? 2026 : null, eventKind: d.eventKind ?? null, status: d.status, dueOn: date(d.dueOn), amountFen: d.amountFen ?? null } });
  await visit({ festival: "SPRING_FESTIVAL", status: "DONE", dueOn: "2026-02-10", amountFen: 20_000, memberId: b1.member.id });
  await visit({ festival: "DOUBLE_NINTH", status: "OPEN", dueOn: "2026-10-18", memberId: b1.member.id });
  await visit({ eventKind: "ILLNESS", status: "DONE", dueOn: "2026-07-01", memberId: b1.member2.id });

  // The hardship archive: one entry from last year still open, one from last year resolved this
  // year, one opened this year whose level was raised.
  const household = testKeyring.seal("HardshipEntry.household", "家中两位老人");
  const kept = await p.hardshipEntry.create({ data: { orgId: b1.orgId, personId: b1.member.id, causes: ["ILLNESS"], level: "SERIOUS", household, nextReviewOn: date("2027-03-01"), createdAt: at("2025-05-01") } });
  // Reviewed twice this year: once kept at a higher level (a level change), once kept as it was.
  await p.hardshipHistory.create({ data: { entryId: kept.id, at: at("2026-03-01"), action: "REVIEWED", changes: sealJson(testKeyring, "HardshipHistory.changes", { decision: "KEEP", level: ["GENERAL", "SERIOUS"], nextReviewOn: ["2026-03-01", "2026-09-01"] })! } });
  await p.hardshipHistory.create({ data: { entryId: kept.id, at: at("2026-09-01"), action: "REVIEWED", changes: sealJson(testKeyring, "HardshipHistory.changes", { decision: "KEEP", nextReviewOn: ["2026-09-01", "2027-03-01"] })! } });
  await p.hardshipEntry.create({ data: { orgId: b1.orgId, personId: b1.member2.id, causes: ["UNEMPLOYMENT"], level: "GENERAL", household, status: "RESOLVED", resolvedAt: at("2026-06-01"), nextReviewOn: date("2026-09-01"), createdAt: at("2025-03-01") } });
  const raised = await p.hardshipEntry.create({ data: { orgId: b1.orgId, personId: b1.member2.id, causes: ["ILLNESS"], level: "SERIOUS", household, nextReviewOn: date("2027-04-01"), createdAt: at("2026-04-01") } });
  await p.hardshipHistory.create({ data: { entryId: raised.id, at: at("2026-08-01"), action: "UPDATED", changes: sealJson(testKeyring, "HardshipHistory.changes", { level: ["GENERAL", "SERIOUS"], household: ["a", "b"] })! } });
  await p.hardshipHistory.create({ data: { entryId: raised.id, at: at("2026-09-01"), action: "UPDATED", changes: sealJson(testKeyring, "HardshipHistory.changes", { household: ["b", "c"] })! } });

  // Training, a commendation, an organisation pairing of branches one and two, an anonymous suggestion answered.
  const session = await p.trainingSession.create({ data: { orgId: b1.orgId, topic: "THEORY", title: "理论学习", heldOn: date("2026-04-01") } });
  await p.trainingAttendance.create({ data: { sessionId: session.id, personId: b1.member.id } });
  await p.commendation.create({ data: { orgId: b1.orgId, personId: b1.member.id, nominatedById: b1.leader.id, title: "优秀党员", level: "BRANCH", deeds: "x", status: "APPROVED", awardedOn: date("2026-07-01") } });
  const pairing = await p.orgPairing.create({ data: { orgId: b1.orgId, partnerOrgId: b2.orgId, kind: "OTHER", startOn: date("2026-01-10"), proposedById: b1.secretary.id } });
  await p.orgPairingActivity.create({ data: { pairingId: pairing.id, orgId: b1.orgId, heldOn: date("2026-06-01"), content: "共建", recordedById: b1.secretary.id } });
  await p.suggestion.create({ data: { orgId: b1.orgId, kind: "SUGGESTION", body: testKeyring.seal("Suggestion.body", "建议"), anonymous: true, status: "ANSWERED", createdAt: at("2026-03-01") } });
}

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at("2026-12-15", "10:00") });
  c = await seedCommittee(h, "yr", "年报");
  await seedYear();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe("年度报告", () => {
  it("gives a branch secretary their branch: the card's figures and the same report as a spreadsheet", async () => {
    const [b1] = c.branches;
    const { card, file } = await report(b1.secretary, "年度报告");
    const body = text(card);
    expect(body).toContain("2026年度报告");
    expect(body).toContain(`应谈 ${membersPerBranch} 人，已谈 2 人`);
    expect(body).toContain("谈话 2 次（面谈 1、电话 1、视频 0）");
    expect(body).toContain("党员相互谈心 1 次，涉及 2 人");
    expect(body).toContain("已走访 2 次，待走访 1 次");
    expect(body).toContain("帮扶申请**：2 件，批准 1 件，不予批准 1 件");
    expect(body).toContain("年初在档 2 户，新建 1 户，解困 1 户，等级调整 2 次，年末在档 2 户");
    // 1100 + (500 - 300) - (300 - 200) = 1200, the running balance.
    expect(body).toContain("年初 1,100.00 元 + 收入 200.00 元 − 支出 100.00 元 = 年末 1,200.00 元　✓");
    expect(body).not.toContain(b1.member.name);

    const wb = await workbookOf(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["年度报告", "资金核对"]);
    expect(cellsOf(wb, "年度报告")[0]).toEqual(["类别", "项目", `${"年报"}一党支部`]);
    expect(figureRow(wb, "应谈心党员（人）")).toEqual([membersPerBranch]);
    expect(figureRow(wb, "已谈心党员（人）")).toEqual([2]);
    expect(figureRow(wb, "　其中电话")).toEqual([1]);
    expect(figureRow(wb, "春节走访：已走访")).toEqual([1]);
    expect(figureRow(wb, "春节走访：慰问金（元）")).toEqual([200]);
    expect(figureRow(wb, "重阳走访：待走访")).toEqual([1]);
    expect(figureRow(wb, "六必访·生病住院：已走访")).toEqual([1]);
    expect(figureRow(wb, "生活困难：发放（元）")).toEqual([-200]);
    expect(figureRow(wb, "疾病住院：申请")).toEqual([2]);
    expect(figureRow(wb, "疾病住院：发放（元）")).toEqual([300]);
    expect(figureRow(wb, "年末在档（户）")).toEqual([2]);
    expect(figureRow(wb, "困难等级调整（次）")).toEqual([2]);
    expect(figureRow(wb, "参训党员（人）")).toEqual([1]);
    expect(figureRow(wb, "支部表彰（人次）")).toEqual([1]);
    expect(figureRow(wb, "组织结对（对）")).toEqual([1]);
    expect(figureRow(wb, "共建活动（次）")).toEqual([1]);
    expect(figureRow(wb, "匿名（条）")).toEqual([1]);
    expect(fundRow(wb, "年报一党支部", "地方财政拨付")).toMatchObject({
      "年初余额（元）": 1100,
      "本年收入（元）": 500,
      "收入冲正（元）": 300,
      "本年支出（元）": 300,
      "支出冲正退回（元）": 200,
      "年末余额（元）": 1200,
      "账面余额（元）": 1200,
      核对: "✓",
    });
    // No names anywhere in the file.
    const all = wb.worksheets.map((ws) => cellsOf(wb, ws.name).flat().map(String).join("|")).join("\n");
    for (const who of [b1.member, b1.member2, b1.leader, b1.secretary]) expect(all).not.toContain(who.name);

    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "year.report", actorId: b1.secretary.id } });
    expect(line).toMatchObject({ orgId: b1.orgId, subjectType: "Organization", subjectId: String(b1.orgId) });
    expect(line.changes).toMatchObject({ year: 2026 });
  }, 60_000);

  it("reconciles with the ledger itself: opening + income - payments = closing = the running balance", async () => {
    const [b1] = c.branches;
    const store = storesFor(h.db.prisma);
    const r = (await store.yearReport.yearReport({ orgId: b1.orgId, year: 2026, today: "2026-12-15", timeZone: TZ }))!;
    const f = r.total.fund.LOCAL_FINANCE;
    const entries = await h.db.prisma.fundEntry.findMany({ where: { orgId: b1.orgId } });
    const kindOf = new Map(entries.map((e) => [e.id, e.kind]));
    const lines = (until: Date) =>
      entries.filter((e) => e.createdAt < until).map((e) => ({ source: e.source, kind: e.kind, amountFen: e.amountFen, reverses: e.reversesId ? kindOf.get(e.reversesId)! : null }));
    expect(f.openingFen).toBe(ledgerBalances(lines(startOfDayIn("2026-01-01", TZ))).LOCAL_FINANCE);
    expect(f.closingFen).toBe(ledgerBalances(lines(startOfDayIn("2027-01-01", TZ))).LOCAL_FINANCE);
    expect(f.closingFen).toBe(f.openingFen + f.incomeFen - f.incomeReversedFen - (f.paidFen - f.paidReversedFen));
    const rec = await store.aidFund.reconciliation(b1.orgId);
    expect(rec.find((x) => x.source === "LOCAL_FINANCE")).toEqual({ source: "LOCAL_FINANCE", ledgerFen: f.closingFen, balanceFen: f.closingFen });

    // Last year's report: its closing is this year's opening, and this year's entries are "later".
    const last = (await store.yearReport.yearReport({ orgId: b1.orgId, year: 2025, today: "2026-12-15", timeZone: TZ }))!.total.fund.LOCAL_FINANCE;
    expect(last).toMatchObject({ openingFen: 0, incomeFen: 130_000, paidFen: 20_000, closingFen: 110_000, laterFen: 10_000, agrees: true });
    expect(last.closingFen).toBe(f.openingFen);
  }, 60_000);

  it("gives the committee's secretary the total and one part per branch, summing the three", async () => {
    const { card, file } = await report(c.secretary, "年度总结");
    const body = text(card);
    expect(body).toContain("下属 3 个支部合计");
    expect(body).toContain(`应谈 ${3 * membersPerBranch} 人，已谈 3 人`);
    expect(body).toContain("不平");
    const wb = await workbookOf(file);
    expect(cellsOf(wb, "年度报告")[0]).toEqual(["类别", "项目", "合计", "年报一党支部", "年报二党支部", "年报三党支部"]);
    expect(figureRow(wb, "应谈心党员（人）")).toEqual([3 * membersPerBranch, membersPerBranch, membersPerBranch, membersPerBranch]);
    expect(figureRow(wb, "已谈心党员（人）")).toEqual([3, 2, 1, 0]);
    expect(figureRow(wb, "谈话次数")).toEqual([3, 2, 1, 0]);
    // A pairing of two of its branches is one pairing in the committee's total.
    expect(figureRow(wb, "组织结对（对）")).toEqual([1, 1, 1, 0]);
    expect(fundRow(wb, "年报二党支部", "党费补助")).toMatchObject({ "年末余额（元）": 100, "账面余额（元）": 90, 核对: "不平" });
    expect(fundRow(wb, "合计", "地方财政拨付")).toMatchObject({ "年末余额（元）": 1200, 核对: "✓" });
    expect(fundRow(wb, "合计", "党费补助")).toMatchObject({ 核对: "不平" });
    expect(await h.db.prisma.auditLog.count({ where: { action: "year.report", actorId: c.secretary.id, orgId: c.orgId } })).toBe(1);

    // The committee's affairs worker gets the same committee report.
    const worker = await report(c.worker, "年报");
    expect(figureRow(await workbookOf(worker.file), "已谈心党员（人）")).toEqual([3, 2, 1, 0]);

    // Drill-down to one branch by its name.
    const one = await report(c.secretary, "年度报告 2026 年报三党支部");
    expect(cellsOf(await workbookOf(one.file), "年度报告")[0]).toEqual(["类别", "项目", "年报三党支部"]);
  }, 60_000);

  it("refuses a branch secretary another branch, and a member altogether, making no file", async () => {
    const [b1] = c.branches;
    const before = await h.db.prisma.exportFile.count();
    const m = await h.double.say({ from: b1.secretary.openId, text: "年度报告 2026 年报二党支部" });
    const reply = await h.double.waitForMessage({ to: b1.secretary.openId, where: (x) => x.parent_id === m.messageId });
    expect(text(reply)).toContain("不在您可以生成年度报告的范围内");
    const n = await h.double.say({ from: b1.member.openId, text: "年度报告" });
    const refusal = await h.double.waitForMessage({ to: b1.member.openId, where: (x) => x.parent_id === n.messageId });
    expect(text(refusal)).toContain("年度报告");
    expect(text(refusal)).toContain("书记");
    const future = await h.double.say({ from: b1.secretary.openId, text: "年度报告 2027" });
    expect(text(await h.double.waitForMessage({ to: b1.secretary.openId, where: (x) => x.parent_id === future.messageId }))).toContain("2027年还没有开始");
    expect(await h.db.prisma.exportFile.count()).toBe(before);
    expect(await h.db.prisma.auditLog.count({ where: { action: "year.report", actorId: b1.member.id } })).toBe(0);
  }, 60_000);
});

describe("the December reminder", () => {
  const run = async (day: string, hhmm = "09:50") => {
    h.clock.set(at(day, hhmm));
    return (await h.app.maintenance!.run("year-report-reminder")) as Record<string, unknown>;
  };
  const reminders = (who: SeededPerson) => h.double.messages({ to: who.openId }).filter((m) => text(m).includes("年度报告可以生成了"));

  it("is not sent on 14 December, goes once to every secretary from the 15th, and never twice", async () => {
    expect(await run("2026-12-14")).toMatchObject({ skipped: "not-yet", staged: 0 });
    expect(await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "year-report-reminder-" } } })).toBe(0);

    expect(await run("2026-12-15")).toMatchObject({ year: 2026, organisations: 4, staged: 4 });
    expect(await run("2026-12-15", "15:50")).toMatchObject({ staged: 0 });
    expect(await run("2026-12-16")).toMatchObject({ staged: 0 });
    expect(await run("2026-12-19")).toMatchObject({ skipped: "rest-day", staged: 0 });
    const secretaries = [c.secretary, ...c.branches.map((b) => b.secretary)];
    for (const s of secretaries) {
      await h.double.waitForMessage({ to: s.openId, where: (m) => text(m).includes("年度报告可以生成了") }, 15_000);
      expect(reminders(s)).toHaveLength(1);
    }
    expect(reminders(c.branches[0].member)).toHaveLength(0);
    expect(await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "year-report-reminder-" } } })).toBe(4);
  }, 60_000);

  it("produces the report from the reminder's button", async () => {
    const [, b2] = c.branches;
    const card = reminders(b2.secretary)[0]!;
    const value = buttonValue(card.content, "cmd.run");
    expect(value).toMatchObject({ c: "年度报告", x: "2026" });
    const files = () => h.double.messages({ to: b2.secretary.openId }).filter((m) => m.msg_type === "file");
    expect(files()).toHaveLength(0);
    await h.double.click({ from: b2.secretary.openId, messageId: card.message_id, value, tag: "button" });
    const msg = await h.double.waitForMessage({ to: b2.secretary.openId, where: (m) => m.msg_type === "file" }, 30_000);
    expect(figureRow(await workbookOf(msg), "已谈心党员（人）")).toEqual([1]);
  }, 60_000);
});
