// The member's side of an approval as Feishu Approval's: the receipt (the form card the request
// was filed from) redrawn in place at every step, 撤回 before the decision (button and command),
// a withdrawal racing a decision coming out as exactly one of them, and 催办 once a day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { dayIn } from "../../src/domain/zoned-time.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { approvalCardFor, buttonValue, clickCard, command, file, forgeClick, fund, hasButton, seedBranch, startAidHarness, text, toast, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "wd", { prefix: "撤" });
  await fund(h, a.orgId, "PARTY_FEE", 5000);
});
afterAll(async () => h?.close());

/** The receipt as the double holds it now (the form card's message), once it shows `words`. */
const receiptShows = (form: SentMessage, words: string) => eventually(() => (text(h.double.message(form.message_id)!).includes(words) ? h.double.message(form.message_id)! : undefined));
const row = (id: number) => h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id } });

describe("the receipt is redrawn in place", () => {
  it("shows 待审批 → 需补充说明 → 待审批 → 已批准 on the same message, with who and when", async () => {
    const { req, form, click } = await file(h, a.member);
    expect(text({ content: click.card })).toContain("⏳ 待审批");
    expect(hasButton(click.card, "aid-withdraw")).toBe(true);
    expect(hasButton(click.card, "aid-urge")).toBe(true);

    const first = await approvalCardFor(h, a.secretary, req.number);
    await clickCard(h, a.secretary, first, "aid-ask-info", { note: "请提供住院证明" });
    const asked = await receiptShows(form, "需补充说明");
    expect(text(asked)).toContain("撤书记请求补充说明：请提供住院证明");
    expect(hasButton(asked.content, "aid-urge")).toBe(false);
    expect(hasButton(asked.content, "aid-withdraw")).toBe(true);

    const question = await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(`请补充说明 · ${req.number}`) });
    await h.double.click({ from: a.member.openId, messageId: question.message_id, value: buttonValue(question.content, "aid-answer-info"), formValue: { answer: "住院证明已交社区，发票另附" } });
    const answered = await receiptShows(form, "已补充说明：住院证明已交社区");
    expect(text(answered)).toContain("⏳ 待审批");

    const second = await approvalCardFor(h, a.secretary, req.number, 1);
    await clickCard(h, a.secretary, second, "aid-approve", { amount: "800", source: "PARTY_FEE", note: "按标准" });
    const approved = await receiptShows(form, "✅ 已批准 800.00 元");
    expect(text(approved)).toContain("党费补助");
    expect(text(approved)).toContain("审批人：撤书记");
    expect(hasButton(approved.content, "aid-withdraw")).toBe(false);

    // One message, its content changed at every step: filed (the click's answer), asked, answered, approved.
    const msg = h.double.message(form.message_id)!;
    expect(msg.message_id).toBe(form.message_id);
    const states = msg.history.map((r) => r.content);
    expect(states.some((c) => c.includes("需补充说明"))).toBe(true);
    expect(states.filter((c) => c.includes("⏳ 待审批")).length).toBeGreaterThanOrEqual(2);
    expect(states.at(-1)).toContain("✅ 已批准");
    expect(msg.history.filter((r) => r.via === "patch").length).toBeGreaterThanOrEqual(3);
  });

  it("shows 未批准 with the reason", async () => {
    const { req, form } = await file(h, a.member2, { category: "LIVING", description: "家中老人生病，生活费用不足", amount: "500", urgency: "NORMAL" });
    const card = await approvalCardFor(h, a.secretary, req.number);
    await clickCard(h, a.secretary, card, "aid-reject", { note: "本月已领取临时救助" });
    const rejected = await receiptShows(form, "❌ 未批准");
    expect(text(rejected)).toContain("本月已领取临时救助");
  });
});

describe("撤回", () => {
  it("withdraws from the receipt: CANCELLED with a WITHDRAWN event, the deciders' cards say 已撤回 without buttons", async () => {
    const { req, form } = await file(h, a.member2, { category: "ILLNESS", description: "孩子住院治疗，医药费负担较重", amount: "1000", urgency: "URGENT" });
    const card = await approvalCardFor(h, a.secretary, req.number);
    const copy = await approvalCardFor(h, a.delegate, req.number);
    const r = await clickCard(h, a.member2, form, "aid-withdraw");
    expect(toast(r).type).toBe("success");
    expect(toast(r).content).toContain(`已撤回申请 ${req.number}`);
    expect(text({ content: r.card })).toContain("↩ 已撤回");
    expect(text({ content: r.card })).toContain("撤回人：撤李四");
    expect(hasButton(r.card, "aid-withdraw")).toBe(false);

    expect(await row(req.id)).toMatchObject({ status: "CANCELLED", decidedById: null });
    const events = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId: req.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["FILED", a.member2.id],
      ["WITHDRAWN", a.member2.id],
    ]);
    for (const m of [card, copy]) {
      await eventually(() => text(h.double.message(m.message_id)!).includes("已撤回"));
      expect(hasButton(h.double.message(m.message_id)!.content, "aid-approve")).toBe(false);
    }
    expect(await h.db.prisma.auditLog.count({ where: { action: "aid.request.withdraw", subjectId: String(req.id), actorId: a.member2.id } })).toBe(1);

    // A stale approval card clicked afterwards changes nothing and says who withdrew it.
    const late = await h.double.click({ from: a.secretary.openId, messageId: card.message_id, value: { a: "aid-approve", r: req.id }, formValue: { amount: "100", source: "PARTY_FEE" } });
    expect(toast(late).content).toContain("撤回了申请");
    expect(await h.db.prisma.fundEntry.count({ where: { aidRequestId: req.id } })).toBe(0);

    // Withdrawing again is harmless.
    const again = await forgeClick(h, a.member2.openId, { a: "aid-withdraw", r: req.id });
    expect(toast(again).content).toContain("无需再次撤回");
  });

  it("withdraws by command: 撤回 with the number, or alone when one request waits", async () => {
    const one = await file(h, a.member, { category: "LIVING", description: "房租上涨，本月生活费不够用", amount: "300", urgency: "NORMAL" });
    const two = await file(h, a.member, { category: "EMPLOYMENT", description: "工厂停产，暂时没有工作收入", amount: "", urgency: "NORMAL" });
    const [which] = await command(h, a.member, "撤回");
    expect(text(which!)).toContain("2 件尚未审批的申请");
    const [done] = await command(h, a.member, `撤回 ${one.req.number}`);
    expect(text(done!)).toContain(`已撤回申请 ${one.req.number}`);
    expect((await row(one.req.id)).status).toBe("CANCELLED");
    await receiptShows(one.form, "↩ 已撤回");
    const [alone] = await command(h, a.member, "撤回");
    expect(text(alone!)).toContain(`已撤回申请 ${two.req.number}`);
    const [none] = await command(h, a.member, "撤回");
    expect(text(none!)).toContain("没有尚未审批的帮扶申请");
    // 我的 names it as the receipt does.
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toMatch(new RegExp(`${two.req.number}[^"]*已撤回`));
  });

  it("is only the member's, or the leader's who filed for them", async () => {
    const { req } = await file(h, a.member, { category: "LIVING", description: "冬季取暖费用较高，生活困难", amount: "", urgency: "NORMAL" });
    for (const who of [a.member2, a.secretary, a.leader]) {
      const r = await forgeClick(h, who.openId, { a: "aid-withdraw", r: req.id });
      expect(toast(r).type).toBe("error");
    }
    const [other] = await command(h, a.member2, `撤回 ${req.number}`);
    expect(text(other!)).toContain("找不到编号");
    expect((await row(req.id)).status).toBe("PENDING");
    await forgeClick(h, a.member.openId, { a: "aid-withdraw", r: req.id });

    // A leader who filed for a member without Lark withdraws it.
    const offline = await h.db.prisma.aidRequest.create({
      data: { number: "2026-9901", orgId: a.orgId, personId: a.offline.id, filedById: a.leader.id, onBehalf: true, category: "LIVING", description: "代为申请：独居老人生活困难", createdAt: h.clock.now() },
    });
    const r = await forgeClick(h, a.leader.openId, { a: "aid-withdraw", r: offline.id });
    expect(toast(r).type).toBe("success");
    expect((await row(offline.id)).status).toBe("CANCELLED");
  });

  it("racing a decision, exactly one wins and the other is told", async () => {
    for (let round = 0; round < 3; round++) {
      const { req, form } = await file(h, a.member2, { category: "ILLNESS", description: `慢性病复诊，药费负担较重（第 ${round + 1} 次）`, amount: "200", urgency: "NORMAL" });
      const card = await approvalCardFor(h, a.secretary, req.number);
      const [withdrawn, approved] = await Promise.all([
        h.double.click({ from: a.member2.openId, messageId: form.message_id, value: { a: "aid-withdraw", r: req.id } }),
        h.double.click({ from: a.secretary.openId, messageId: card.message_id, value: { a: "aid-approve", r: req.id }, formValue: { amount: "200", source: "PARTY_FEE" } }),
      ]);
      const status = (await row(req.id)).status;
      const entries = await h.db.prisma.fundEntry.count({ where: { aidRequestId: req.id } });
      if (status === "CANCELLED") {
        expect(entries).toBe(0);
        expect(toast(withdrawn).type).toBe("success");
        expect(toast(approved).content).toContain("撤回了申请");
      } else {
        expect(status).toBe("APPROVED");
        expect(entries).toBe(1);
        expect(toast(approved).type).toBe("success");
        expect(toast(withdrawn).content).toContain("无法撤回");
        expect(toast(withdrawn).content).toContain("撤书记");
      }
      const events = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId: req.id, type: { in: ["WITHDRAWN", "APPROVED"] } } });
      expect(events).toHaveLength(1);
    }
  });
});

describe("催办 by the member", () => {
  it("tells the deciders once a day; a second 催办 says when the next may be", async () => {
    const { req, form } = await file(h, a.member2, { category: "DISASTER", description: "暴雨冲毁院墙，需要尽快修复", amount: "600", urgency: "URGENT" });
    const r = await clickCard(h, a.member2, form, "aid-urge");
    expect(toast(r).type).toBe("success");
    expect(toast(r).content).toContain("已提醒审批人");
    expect(text({ content: r.card })).toContain("今天已催办");
    expect(text({ content: r.card })).toContain("撤李四催办");
    for (const d of [a.secretary, a.delegate]) {
      const m = await h.double.waitForMessage({ to: d.openId, where: (x) => text(x).includes(`催办 · ${req.number}`) });
      expect(hasButton(m.content, "aid-open")).toBe(true);
    }
    expect((await row(req.id)).urgedAt).not.toBeNull();

    const again = await clickCard(h, a.member2, form, "aid-urge");
    expect(toast(again).type).toBe("error");
    expect(toast(again).content).toMatch(/今天已经催办过了.*\d{4}-\d{2}-\d{2} 起可再次催办/);
    const [byCommand] = await command(h, a.member2, `催办 ${req.number}`);
    expect(text(byCommand!)).toContain("今天已经催办过了");
    expect(h.double.messages({ to: a.secretary.openId }).filter((x) => text(x).includes(`催办 · ${req.number}`))).toHaveLength(1);

    // The next day it may be pressed again.
    h.clock.set(new Date(h.clock.now().getTime() + 24 * 3600_000));
    const [next] = await command(h, a.member2, "催办");
    expect(text(next!)).toContain("已提醒审批人");
    await eventually(() => h.double.messages({ to: a.secretary.openId }).filter((x) => text(x).includes(`催办 · ${req.number}`)).length === 2);
    expect(await h.db.prisma.aidRequestEvent.count({ where: { requestId: req.id, type: "URGED" } })).toBe(2);
  });
});

describe("a request closed by a membership change", () => {
  it("redraws the receipt as 已关闭 when the member transfers out, and as 待审批 again when the change is undone", async () => {
    const { req, form } = await file(h, a.member2, { category: "LIVING", description: "家中老人生病，生活费用不足", amount: "500", urgency: "NORMAL" });
    const [confirm] = await command(h, a.secretary, `转出 ${a.member2.name} 到系统外 某市某党支部 ${dayIn(h.clock.now(), "Asia/Shanghai")}`);
    const done = await clickCard(h, a.secretary, confirm!, "roster-change-confirm");
    expect(JSON.stringify(done.card)).toContain("撤销");
    const closed = await receiptShows(form, "已关闭");
    expect(text(closed)).not.toContain("待审批");
    expect((await row(req.id)).status).toBe("CANCELLED");

    await clickCard(h, a.secretary, confirm!, "roster-change-undo");
    const reopened = await eventually(() => {
      const m = h.double.message(form.message_id)!;
      return m.history.length > closed.history.length && text(m).includes("⏳ 待审批") ? m : undefined;
    });
    expect(hasButton(reopened.content, "aid-withdraw")).toBe(true);
    expect((await row(req.id)).status).toBe("PENDING");
  });
});
