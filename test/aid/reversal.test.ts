// 冲正 over the Lark double, real PostgreSQL and Redis: a secretary reverses an approved aid
// payment from its card and by command, and corrects a mistyped income from the fund card. The
// ledger gets compensating entries (never edits), balances come back, the member is told,
// 收支公开 and the branch ledger show the reversals, and the books reconcile per source. Bad
// input (no reason, twice, more than was paid, income already spent, not the secretary) gets a
// Chinese answer and changes nothing.
import { opened } from "../support/sealed.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUND_SOURCES } from "../../src/domain/aid-rules.ts";
import { dayIn } from "../../src/domain/zoned-time.ts";
import { exportBranchLedger } from "../../src/export/branch-ledger.ts";
import { withdraw } from "../../src/store/aid-fund.ts";
import { storesOn } from "../../src/store/stores.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { aidState, approvalCardFor, buttonValue, clickCard, command, file, forgeClick, fund, hasButton, seedBranch, startAidHarness, text, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "rv", { prefix: "戊" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
  await fund(h, a.orgId, "DONATION", 500);
}, 60_000);
afterAll(async () => h?.close());

const balance = async (source: (typeof FUND_SOURCES)[number]) =>
  (await h.db.prisma.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: a.orgId, source } } })).balanceFen;

/** Files a request as `who` and approves it as the secretary; returns the request and the secretary's card. */
async function approved(who: Branch["member"], amount: string, source: "PARTY_FEE" | "DONATION") {
  const { req } = await file(h, who, { category: "LIVING", description: "生活困难，申请临时生活补助", amount, urgency: "NORMAL" });
  const card = await approvalCardFor(h, a.secretary, req.number);
  const r = await clickCard(h, a.secretary, card, "aid-approve", { amount, source, note: "" });
  expect(JSON.stringify(r.toast)).toContain("已批准");
  return { req, card };
}

const click = (who: Branch["member"], msg: SentMessage, value: Record<string, unknown>, formValue?: Record<string, unknown>) =>
  h.double.click({ from: who.openId, messageId: msg.message_id, value, tag: "button", ...(formValue ? { formValue } : {}) });

describe("冲正 of an approved aid payment, from its card", () => {
  let number: string;
  let requestId: number;
  let entryId: number;
  let card: SentMessage;

  it("shows 冲正 on the decided card; a delegate is refused and nothing changes", async () => {
    const { req, card: c } = await approved(a.member, "1000", "PARTY_FEE");
    number = req.number;
    requestId = req.id;
    card = c;
    entryId = (await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { aidRequestId: req.id } })).id;
    expect(await balance("PARTY_FEE")).toBe(200_000);
    expect(hasButton(h.double.message(card.message_id)!.content, "aid-reverse-open")).toBe(true);

    const copy = await approvalCardFor(h, a.delegate, number);
    await eventually(() => hasButton(h.double.message(copy.message_id)!.content, "aid-reverse-open"));
    const before = await aidState(h);
    const refused = await clickCard(h, a.delegate, copy, "aid-reverse-open");
    expect(JSON.stringify(refused.toast)).toContain("只有本支部书记可以冲正");
    const forged = await forgeClick(h, a.worker.openId, { a: "fund-reverse", e: entryId, b: "fund" }, { reason: "试试" });
    expect(JSON.stringify(forged.toast)).toContain("只有本支部书记可以冲正");
    expect(await aidState(h)).toEqual(before);
  });

  it("opens the form with the whole amount and the balance it gives; no reason, nothing changes", async () => {
    const opened = await clickCard(h, a.secretary, card, "aid-reverse-open");
    expect(opened.cardUpdated).toBe(true);
    const form = text({ content: opened.card });
    for (const piece of [`冲正帮扶款 · ${number}`, "整笔 1,000.00 元", "不能多冲或部分冲正", "2,000.00 元 → 3,000.00 元", "通知申请人"]) expect(form).toContain(piece);
    expect(buttonValue(opened.card, "fund-reverse")).toEqual({ a: "fund-reverse", e: entryId, b: "aid" });

    const before = await aidState(h);
    const noReason = await clickCard(h, a.secretary, card, "fund-reverse", { reason: "  " });
    expect(JSON.stringify(noReason.toast)).toContain("请填写冲正原因");
    const more = await clickCard(h, a.secretary, card, "fund-reverse", { reason: "多发", amount: "1500" });
    expect(JSON.stringify(more.toast)).toContain("冲正是整笔冲正：该笔支出 1,000.00 元，不能冲正 1,500.00 元，冲正金额不能超过原支出");
    expect(await aidState(h)).toEqual(before);

    const back = await clickCard(h, a.secretary, card, "fund-reverse-cancel");
    expect(text({ content: back.card })).toContain(`帮扶申请审批 · ${number}`);
    expect(await aidState(h)).toEqual(before);
  });

  it("books a linked reversal, restores the balance, marks the request, tells the member, redraws every copy, audits", async () => {
    await clickCard(h, a.secretary, card, "aid-reverse-open");
    const done = await clickCard(h, a.secretary, card, "fund-reverse", { reason: "重复发放，款项已退回" });
    expect(JSON.stringify(done.toast)).toContain(`已冲正${number} 的帮扶款 1,000.00 元`);
    const after = text({ content: done.card });
    expect(after).toContain("↩ 已冲正");
    expect(after).toContain("重复发放，款项已退回");
    expect(after).toContain("党费补助 3,000.00 元");
    expect(hasButton(done.card, "aid-reverse-open")).toBe(false);
    expect(hasButton(done.card, "hardship-form")).toBe(false);

    const reversal = await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { reversesId: entryId } });
    expect(reversal).toMatchObject({ kind: "REVERSAL", source: "PARTY_FEE", amountFen: 100_000, payeeId: a.member.id, orgId: a.orgId, reason: "重复发放，款项已退回", recordedById: a.secretary.id, aidRequestId: null });
    // The disbursement itself is untouched: a reversal never edits.
    expect(await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ kind: "DISBURSEMENT", amountFen: 100_000, aidRequestId: requestId });
    expect(await balance("PARTY_FEE")).toBe(300_000);
    expect(await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "REVERSED", approvedFen: 100_000, fundSource: "PARTY_FEE" });
    const events = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, opened("AidRequestEvent", e).note])).toEqual([["FILED", null], ["APPROVED", null], ["REVERSED", "重复发放，款项已退回"]]);

    const told = await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(`帮扶款项已冲正 · ${number}`) });
    expect(text(told)).toContain("重复发放，款项已退回");
    const copy = await approvalCardFor(h, a.delegate, number);
    await eventually(() => text(h.double.message(copy.message_id)!).includes("↩ 已冲正"));
    expect(hasButton(h.double.message(copy.message_id)!.content, "aid-reverse-open")).toBe(false);

    const audits = await h.db.prisma.auditLog.findMany({ where: { action: { in: ["fund.reverse", "aid.request.reverse"] } } });
    expect(audits.map((x) => x.action).sort()).toEqual(["aid.request.reverse", "fund.reverse"]);
    expect(audits.find((x) => x.action === "fund.reverse")).toMatchObject({ actorId: a.secretary.id, subjectId: String(entryId), changes: expect.objectContaining({ written: ["reason"], reversalEntryId: reversal.id, aidRequestId: requestId }) });
    // The audit names the reason, never its words (they are sealed where they live, and may be erased).
    expect(JSON.stringify(audits)).not.toContain("重复发放");

    // 我的: the member sees the state and the reason in the timeline.
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toContain("已冲正");
    expect(text(mine!)).toContain("重复发放，款项已退回");
  });

  it("refuses to reverse twice, by card or by command, and changes nothing", async () => {
    const before = await aidState(h);
    // The card was redrawn without the form; a stale copy of the form sends this.
    const stale = await forgeClick(h, a.secretary.openId, { a: "fund-reverse", e: entryId, b: "aid" }, { reason: "再冲一次" });
    expect(JSON.stringify(stale.toast)).toMatch(/已于 .* 由戊书记冲正（原因：重复发放，款项已退回），同一笔不能重复冲正/);
    const [reply] = await command(h, a.secretary, `冲正 ${number} 再冲一次`);
    expect(text(reply!)).toContain("同一笔不能重复冲正");
    const reopen = await forgeClick(h, a.secretary.openId, { a: "aid-reverse-open", r: requestId });
    expect(JSON.stringify(reopen.toast)).toContain("同一笔不能重复冲正");
    expect(await aidState(h)).toEqual({ ...before, audits: before.audits, outbox: before.outbox + 1 }); // the command's answer only
  });
});

describe("冲正 by command", () => {
  it("refuses more than was paid, then reverses the whole payment with the reason", async () => {
    const { req } = await approved(a.member2, "200", "DONATION");
    expect(await balance("DONATION")).toBe(30_000);
    const before = await aidState(h);
    const [more] = await command(h, a.secretary, `冲正 ${req.number} 800 多发`);
    expect(text(more!)).toContain("冲正是整笔冲正：该笔支出 200.00 元，不能冲正 800.00 元");
    const [usage] = await command(h, a.secretary, "冲正 张三 多发");
    expect(text(usage!)).toContain("不是申请编号或流水号");
    const [unknown] = await command(h, a.secretary, "冲正 2020-0099 多发");
    expect(text(unknown!)).toContain("找不到编号为「2020-0099」的帮扶申请");
    const [leader] = await command(h, a.leader, `冲正 ${req.number} 多发`);
    expect(text(leader!)).toContain("没有进行此操作的权限");
    expect(await aidState(h)).toEqual({ ...before, outbox: before.outbox + 4 });

    const [form] = await command(h, a.secretary, `冲正 ${req.number}`);
    expect(text(form!)).toContain(`冲正帮扶款 · ${req.number}`);

    const [done] = await command(h, a.secretary, `冲正 ${req.number} 200 申请人已自行解决，款项退回`);
    expect(text(done!)).toContain(`已冲正${req.number} 的帮扶款 200.00 元`);
    expect(await balance("DONATION")).toBe(50_000);
    expect(await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ status: "REVERSED" });
    await h.double.waitForMessage({ to: a.member2.openId, where: (m) => text(m).includes(`帮扶款项已冲正 · ${req.number}`) });
  });
});

describe("correcting a mistyped income from the fund card", () => {
  let fundCard: SentMessage;
  let incomeId: number;

  it("shows 冲正 per entry to the secretary only", async () => {
    const [workerCard] = await command(h, a.worker, "资金");
    expect(hasButton(workerCard!.content, "fund-reverse-open")).toBe(false);
    [fundCard] = (await command(h, a.secretary, "资金")) as [SentMessage];
    expect(hasButton(fundCard.content, "fund-reverse-open")).toBe(true);
    // Reversal lines show what they undo; a reversed entry is marked and has no button.
    expect(text(fundCard)).toContain("〔已冲正〕");
    expect(text(fundCard)).toMatch(/冲正 \*\*\+1,000\.00 元\*\* 党费补助 · 戊张三（冲正 #\d+：重复发放，款项已退回）/);

    // 540 typed where 450 was given; then 900 of the donations is spent.
    const rec = await h.double.click({ from: a.secretary.openId, messageId: fundCard.message_id, value: buttonValue(fundCard.content, "fund-income"), tag: "button", formValue: { source: "DONATION", amount: "540", payer: "李先生" } });
    expect(JSON.stringify(rec.toast)).toContain("已登记");
    incomeId = (await h.db.prisma.fundEntry.findFirstOrThrow({ where: { orgId: a.orgId, kind: "INCOME", payer: "李先生" } })).id;
    await approved(a.member, "900", "DONATION");
    expect(await balance("DONATION")).toBe(14_000);
  });

  it("refuses to take back income already spent, with the figures, and changes nothing", async () => {
    const [c] = (await command(h, a.secretary, "资金")) as [SentMessage];
    fundCard = c;
    const open = (buttonValues(fundCard.content).find((v) => v.e === incomeId))!;
    const opened = await click(a.secretary, fundCard, open);
    const form = text({ content: opened.card });
    expect(form).toContain(`冲正或更正收入 · 流水 #${incomeId}`);
    expect(form).toContain("只冲正将使余额为负");
    const save = buttonValue(opened.card, "fund-reverse");
    const before = await aidState(h);
    const spent = await click(a.secretary, fundCard, save, { reason: "金额录入错误" });
    expect(JSON.stringify(spent.toast)).toContain("该笔收入 540.00 元已有 400.00 元被支出，「社会捐赠」当前余额 140.00 元，冲正后将为 -400.00 元");
    const same = await click(a.secretary, fundCard, save, { reason: "金额录入错误", source: "DONATION", amount: "540", payer: "李先生" });
    expect(JSON.stringify(same.toast)).toContain("无需更正");
    const badAmount = await click(a.secretary, fundCard, save, { reason: "金额录入错误", source: "DONATION", amount: "四百五" });
    expect(JSON.stringify(badAmount.toast)).toContain("不是数字");
    expect(await aidState(h)).toEqual(before);
    expect(await balance("DONATION")).toBe(14_000);
  });

  it("reverses it and books the right figures, both linked by the reason; the fund card shows both", async () => {
    const save = { a: "fund-reverse", e: incomeId, b: "fund" };
    const done = await click(a.secretary, fundCard, save, { reason: "金额录入错误，实收 450 元", source: "DONATION", amount: "450", payer: "李先生" });
    expect(JSON.stringify(done.toast)).toContain(`已冲正流水 #${incomeId} 540.00 元`);
    expect(JSON.stringify(done.toast)).toContain("并按正确金额登记「社会捐赠」收入 450.00 元");
    expect(await balance("DONATION")).toBe(14_000 - 54_000 + 45_000);
    const reversal = await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { reversesId: incomeId } });
    expect(reversal).toMatchObject({ kind: "REVERSAL", source: "DONATION", amountFen: 54_000, payer: "李先生", reason: "金额录入错误，实收 450 元" });
    const corrected = await h.db.prisma.fundEntry.findFirstOrThrow({ where: { orgId: a.orgId, kind: "INCOME", amountFen: 45_000 } });
    expect(corrected).toMatchObject({ source: "DONATION", payer: "李先生", reason: `更正流水 #${incomeId}：金额录入错误，实收 450 元`, recordedById: a.secretary.id });
    const card = text({ content: done.card });
    expect(card).toContain(`#${corrected.id}`);
    expect(card).toContain(`冲正 #${incomeId}：金额录入错误`);
    expect(card).toContain("社会捐赠**\\n50.00 元");
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "fund.reverse", subjectId: String(incomeId) } });
    expect(audit.changes).toMatchObject({ kind: "INCOME", correctingEntryId: corrected.id, correction: { source: "DONATION", amountFen: 45_000, payer: "李先生" } });
  });
});

describe("冲正 of a visit's money, from the fund card", () => {
  it("books the money back; the visit stays done, and visit coverage counts the money no more", async () => {
    const task = await h.db.prisma.visitTask.create({
      data: { orgId: a.orgId, memberId: a.member2.id, visitorId: a.leader.id, festival: "SPRING_FESTIVAL", year: 2027, dueOn: new Date("2027-02-06"), status: "DONE", doneAt: h.clock.now(), amountFen: 10_000, fundSource: "PARTY_FEE" },
    });
    await h.db.prisma.$transaction(async (tx) => {
      await tx.fundEntry.create({ data: { orgId: a.orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 10_000, payeeId: a.member2.id, visitTaskId: task.id, recordedById: a.leader.id } });
      await withdraw(tx, a.orgId, "PARTY_FEE", 10_000);
    });
    const coverage = () => storesOn(h.db).visitCoverage.coverage({ orgIds: [a.orgId], year: 2027, today: "2027-02-10" });
    expect((await coverage())[0]?.moneyFen).toEqual({ PARTY_FEE: 10_000 });

    const [c] = (await command(h, a.secretary, "资金")) as [SentMessage];
    const entry = await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { visitTaskId: task.id } });
    const opened = await click(a.secretary, c, buttonValues(c.content).find((v) => v.e === entry.id)!);
    expect(text({ content: opened.card })).toContain(`冲正支出 · 流水 #${entry.id}`);
    const done = await click(a.secretary, c, buttonValue(opened.card, "fund-reverse"), { reason: "慰问金未送出，已交回" });
    expect(JSON.stringify(done.toast)).toContain(`已冲正流水 #${entry.id} 100.00 元`);
    expect(await balance("PARTY_FEE")).toBe(300_000);
    expect(await h.db.prisma.visitTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE", amountFen: 10_000 });
    expect((await coverage())[0]?.moneyFen).toEqual({});
  });
});

describe("the books after reversals", () => {
  it("reconcile per source: income - paid + paid back - income taken back = balance", async () => {
    const entries = await h.db.prisma.fundEntry.findMany({ where: { orgId: a.orgId } });
    const kindOf = new Map(entries.map((e) => [e.id, e.kind]));
    for (const source of FUND_SOURCES) {
      const of = (pred: (e: (typeof entries)[number]) => boolean) => entries.filter((e) => e.source === source && pred(e)).reduce((s, e) => s + e.amountFen, 0);
      const income = of((e) => e.kind === "INCOME");
      const paid = of((e) => e.kind === "DISBURSEMENT");
      const paidBack = of((e) => e.kind === "REVERSAL" && kindOf.get(e.reversesId!) === "DISBURSEMENT");
      const incomeBack = of((e) => e.kind === "REVERSAL" && kindOf.get(e.reversesId!) === "INCOME");
      const bal = (await h.db.prisma.fundBalance.findUnique({ where: { orgId_source: { orgId: a.orgId, source } } }))?.balanceFen ?? 0;
      expect(income - paid + paidBack - incomeBack, source).toBe(bal);
    }
    expect(entries.filter((e) => e.kind === "REVERSAL")).toHaveLength(4);
  });

  it("收支公开 shows the reversals and closes on the balances", async () => {
    const [preview] = await command(h, a.secretary, "收支公开");
    await clickCard(h, a.secretary, preview!, "fund-disclose-confirm");
    const posted = await h.double.waitForMessage({ where: (m) => m.chat_id === a.chatId && text(m).includes("帮扶资金收支公开") });
    const body = text(posted);
    expect(body).toMatch(/支出冲正退回 \+¥1,100\.00（2 笔）/);
    expect(body).toContain("社会捐赠收入冲正 -¥540.00（1 笔）");
    expect(body).toContain("社会捐赠 ¥0.00");
    // The table's 余额 column closes on the balances.
    expect(body).toContain('"closing":"¥50.00"');
    expect(body).toContain('"closing":"¥3,000.00"');
    expect(body).not.toContain("戊张三");
  });

  it("the branch ledger lists every line with its reversal and reconciles; the year's aid paid is net", async () => {
    const now = h.clock.now();
    const day = dayIn(now, "Asia/Shanghai");
    const quarter = `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    const out = join(mkdtempSync(join(tmpdir(), "ledger-")), "ledger.xlsx");
    await exportBranchLedger(h.db, { branchCode: "rv", quarter, out, now, timeZone: "Asia/Shanghai" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const lines = wb.getWorksheet("资金流水")!;
    const values = JSON.stringify(lines.getSheetValues());
    expect(values).toContain("冲正·退回支出");
    expect(values).toContain("冲正·冲减收入");
    expect(values).toContain("收入（更正）");
    expect(values).toContain("重复发放，款项已退回");
    const rec = wb.getWorksheet("资金核对")!;
    const rows = rec.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[4])).toEqual(["是", "是", "是"]);
    // Paid this year, net: 900 (the 1,000 and the 200 were reversed).
    const summary = new Map(wb.getWorksheet("概览")!.getSheetValues().slice(2).map((row) => [String((row as unknown[])[1]), (row as unknown[])[2]]));
    expect([...summary.entries()].find(([k]) => k.includes("帮扶支出合计"))?.[1]).toBe(900);
  });
});

function buttonValues(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    const v = o.tag === "button" && Array.isArray(o.behaviors) ? (o.behaviors[0] as { value?: Record<string, unknown> }).value : undefined;
    if (v?.a === "fund-reverse-open") out.push(v);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

describe("two reversals of one payment at once", () => {
  it("book one: the other is told it was reversed already, and the books still reconcile", async () => {
    const { req } = await approved(a.member2, "100", "PARTY_FEE");
    const entry = await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { aidRequestId: req.id } });
    const before = await balance("PARTY_FEE");
    const [one, two] = await Promise.all([
      forgeClick(h, a.secretary.openId, { a: "fund-reverse", e: entry.id, b: "aid" }, { reason: "重复发放" }),
      forgeClick(h, a.secretary.openId, { a: "fund-reverse", e: entry.id, b: "fund" }, { reason: "重复发放" }),
    ]);
    const toasts = [JSON.stringify(one.toast), JSON.stringify(two.toast)];
    expect(toasts.filter((x) => x.includes("已冲正"))).toHaveLength(1);
    expect(toasts.filter((x) => x.includes("同一笔不能重复冲正"))).toHaveLength(1);
    expect(await h.db.prisma.fundEntry.count({ where: { reversesId: entry.id } })).toBe(1);
    expect(await balance("PARTY_FEE")).toBe(before + 10_000);
    const rec = await storesOn(h.db).aidFund.reconciliation(a.orgId);
    for (const r of rec) expect(r.ledgerFen, r.source).toBe(r.balanceFen);
  });
});
