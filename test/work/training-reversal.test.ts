// 冲正 of a granted training subsidy, over the Lark double, PostgreSQL and Redis: the decided
// card offers it to the secretary, the fund's reversal form opens in place, the saved reversal
// books a REVERSAL linked to the subsidy's ledger line, restores the source's balance, marks the
// application REVERSED and tells the member; twice, or by anyone else, changes nothing; the
// branch analysis no longer counts the subsidy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { cardText, cardTo, clickCard, command, forgeClick, fund, hasButton, replyTo, seedBranch, startAidHarness, submit, text, toastOf, workState, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let b: Branch;
let id: number;
let no: string;
let card: SentMessage;
let entryId: number;

const apply = { course: "焊工职业资格（初级）", provider: "市职业技能培训中心", start: "2026-12-01 +0800", end: "2027-01-31 +0800", cost: "1500", asks: ["TIME_OFF", "SUBSIDY"], amount: "600", reason: "社区维修需要，支部已同意。" };

const balance = async () => (await h.db.prisma.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: a.orgId, source: "PARTY_FEE" } } })).balanceFen;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "tr", { prefix: "壬" });
  b = await seedBranch(h, "tr2", { prefix: "癸" });
  await fund(h, a.orgId, "PARTY_FEE", 2000);
  const form = await replyTo(h, a.member, "培训申请");
  const filed = await submit(h, a.member, form, "training-submit", apply);
  no = /培训支持申请已提交 · (\d{4}-\d{4})/.exec(cardText(filed))?.[1] ?? "";
  id = (await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { number: no } })).id;
  card = await cardTo(h, a.secretary, `培训支持审批 · ${no}`);
  const ok = await clickCard(h, a.secretary, card, "training-approve", { granted: ["TIME_OFF", "SUBSIDY"], amount: "600", source: "PARTY_FEE" });
  expect(toastOf(ok)).toContain("已批准");
  entryId = (await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id } })).fundEntryId!;
}, 60_000);
afterAll(async () => h?.close());

describe("冲正 of a training subsidy", () => {
  it("offers 冲正 on the decided card; anyone but the branch secretary is refused and nothing changes", async () => {
    expect(await balance()).toBe(140_000);
    expect(hasButton(h.double.message(card.message_id)!.content, "training-reverse-open")).toBe(true);
    const before = await workState(h);
    for (const who of [a.leader, a.delegate, a.worker, a.member, b.secretary]) {
      const r = await forgeClick(h, who.openId, { a: "training-reverse-open", t: id });
      expect(r.toast?.content, who.name).toContain("只有本支部书记可以冲正");
      const s = await forgeClick(h, who.openId, { a: "fund-reverse", e: entryId, b: "training" }, { reason: "试试" });
      expect(s.toast?.content, who.name).toContain("只有本支部书记可以冲正");
    }
    expect(await workState(h)).toEqual(before);
  });

  it("opens the form in place, refuses a missing reason, and goes back unchanged", async () => {
    const opened = await clickCard(h, a.secretary, card, "training-reverse-open");
    expect(opened.cardUpdated).toBe(true);
    for (const piece of [`冲正培训补贴 · ${no}`, "焊工职业资格（初级）", "整笔 600.00 元", "1,400.00 元 → 2,000.00 元", "培训申请状态将改为「已冲正」"]) expect(cardText(opened)).toContain(piece);
    const before = await workState(h);
    const bare = await clickCard(h, a.secretary, card, "fund-reverse", { reason: "" });
    expect(toastOf(bare)).toContain("请填写冲正原因");
    expect(await workState(h)).toEqual(before);
    const back = await clickCard(h, a.secretary, card, "fund-reverse-cancel");
    expect(cardText(back)).toContain(`培训支持审批 · ${no}`);
    expect(await workState(h)).toEqual(before);
  });

  it("reverses the subsidy: linked entry, balance restored, application REVERSED, member told, audited", async () => {
    await clickCard(h, a.secretary, card, "training-reverse-open");
    const done = await clickCard(h, a.secretary, card, "fund-reverse", { reason: "课程取消，补贴已退回" });
    expect(toastOf(done)).toContain(`已冲正培训申请 ${no} 的补贴 600.00 元`);
    const after = cardText(done);
    expect(after).toContain(`培训支持审批 · ${no}`);
    expect(after).toContain("↩ 已冲正");
    expect(after).toContain("600.00 元已整笔冲回「党费补助」");
    expect(after).toContain("党费补助 2,000.00 元");
    expect(hasButton(done.card, "training-reverse-open")).toBe(false);

    expect(await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { reversesId: entryId } })).toMatchObject({ kind: "REVERSAL", source: "PARTY_FEE", amountFen: 60_000, payeeId: a.member.id, reason: "课程取消，补贴已退回", recordedById: a.secretary.id });
    expect(await h.db.prisma.fundEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({ kind: "DISBURSEMENT", amountFen: 60_000 });
    expect(await balance()).toBe(200_000);
    expect(await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REVERSED", subsidyFen: 60_000, grantedAsks: ["TIME_OFF", "SUBSIDY"], fundEntryId: entryId });

    const told = await cardTo(h, a.member, `培训补贴已冲正 · ${no}`);
    expect(text(told)).toContain("课程取消，补贴已退回");
    const audits = await h.db.prisma.auditLog.findMany({ where: { action: { in: ["fund.reverse", "training.application.reverse"] } } });
    expect(audits.map((x) => x.action).sort()).toEqual(["fund.reverse", "training.application.reverse"]);
    expect(audits.every((x) => x.actorId === a.secretary.id)).toBe(true);

    // The fund card shows the reversal beside the subsidy it undid.
    const [fundCard] = await command(h, a.secretary, "资金");
    expect(text(fundCard!)).toContain("〔已冲正〕");
    expect(text(fundCard!)).toContain(`冲正 #${entryId}：课程取消，补贴已退回`);
  });

  it("refuses a second reversal, and the analysis counts the subsidy no more", async () => {
    const before = await workState(h);
    const again = await forgeClick(h, a.secretary.openId, { a: "training-reverse-open", t: id });
    expect(again.toast?.content).toContain("没有已发放的补贴");
    const twice = await forgeClick(h, a.secretary.openId, { a: "fund-reverse", e: entryId, b: "training" }, { reason: "再来" });
    expect(twice.toast?.content).toContain("同一笔不能重复冲正");
    expect(await workState(h)).toEqual(before);

    const [analysis] = await command(h, a.secretary, "分析");
    await eventually(() => analysis);
    expect(text(analysis!)).toContain("批准 0 件，补贴 0.00 元");
    expect(text(analysis!)).toMatch(/帮扶资金（\d{4}年累计支出）\*\*：地方财政拨付 0\.00 元，党费补助 0\.00 元/);
  });
});
