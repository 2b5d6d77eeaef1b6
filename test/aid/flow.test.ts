// The aid flow end to end over the Lark double, real PostgreSQL and Redis: a member asks in
// chat, the secretary decides in the card, the fund pays, the member is told.
import { opened as openedRow, openedJson } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localYear } from "../../src/domain/zoned-time.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { approvalCardFor, askForForm, buttonValue, clickCard, command, file, fund, hasButton, seedBranch, startAidHarness, submitForm, text, toast, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "fa", { prefix: "甲" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
  await fund(h, a.orgId, "DONATION", 500);
});
afterAll(async () => h?.close());

describe("求助 → approval → ledger → member told", () => {
  it("files from the form, pays from the chosen source and tells the member", async () => {
    const year = localYear(h.clock.now(), "Asia/Shanghai");
    const form = await askForForm(h, a.member);
    expect(form.msg_type).toBe("interactive");
    expect(text(form)).toContain("申请帮扶");

    const submitted = await submitForm(h, a.member, form, { category: "ILLNESS", description: "母亲住院手术，医疗费用困难", amount: "1,200.50", urgency: "URGENT" });
    expect(submitted.cardUpdated).toBe(true);
    expect(text({ content: submitted.card })).toContain("帮扶申请已提交");
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.member.id } });
    expect(req.number).toMatch(new RegExp(`^${year}-\\d{4}$`));
    expect(req).toMatchObject({ status: "PENDING", requestedFen: 120050, category: "ILLNESS", urgency: "URGENT", onBehalf: false, orgId: a.orgId, filedById: a.member.id });
    expect(text({ content: submitted.card })).toContain(req.number);

    // Secretary and aid delegate both get the card, with the member, the year's history, archive status and balances.
    const card = await approvalCardFor(h, a.secretary, req.number);
    const copy = await approvalCardFor(h, a.delegate, req.number);
    const body = text(card);
    for (const piece of ["甲张三", "甲党支部", "老党员", "疾病住院", "紧急", "1,200.50 元", "母亲住院手术", `${year} 年已获帮扶`, "0 笔", "未建档", "党费补助 3,000.00 元", "社会捐赠 500.00 元"]) {
      expect(body).toContain(piece);
    }
    expect(h.double.messages({ to: a.leader.openId }).some((m) => text(m).includes(req.number))).toBe(false);

    const approved = await clickCard(h, a.secretary, card, "aid-approve", { amount: "1200.5", source: "PARTY_FEE", note: "按规定标准补助" });
    expect(approved.status).toBe(200);
    expect(JSON.stringify(approved.toast)).toContain("已批准");
    expect(approved.cardUpdated).toBe(true);
    const after = text({ content: approved.card });
    expect(after).toContain("✅ 已批准 1,200.50 元");
    expect(after).toContain("审批人：甲书记");
    expect(after).toContain("党费补助 1,799.50 元");
    expect(hasButton(approved.card, "aid-approve")).toBe(false);

    // The ledger: one disbursement from the chosen source to the member, the balance down by as much.
    const row = await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(openedRow("AidRequest", row)).toMatchObject({ status: "APPROVED", approvedFen: 120050, fundSource: "PARTY_FEE", decidedById: a.secretary.id, decisionNote: "按规定标准补助" });
    const entries = await h.db.prisma.fundEntry.findMany({ where: { aidRequestId: req.id } });
    expect(entries).toEqual([expect.objectContaining({ kind: "DISBURSEMENT", source: "PARTY_FEE", amountFen: 120050, payeeId: a.member.id, orgId: a.orgId, recordedById: a.secretary.id })]);
    const bal = await h.db.prisma.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: a.orgId, source: "PARTY_FEE" } } });
    expect(bal.balanceFen).toBe(300000 - 120050);
    const events = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId: req.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["FILED", "APPROVED"]);

    // The member is told; the delegate's copy is redrawn to the decision.
    const told = await h.double.waitForMessage({ to: a.member.openId, where: (m) => text(m).includes(`帮扶申请已批准 · ${req.number}`) });
    expect(text(told)).toContain("1,200.50 元");
    await eventually(() => text(h.double.message(copy.message_id)!).includes("✅ 已批准"));
    expect(hasButton(h.double.message(copy.message_id)!.content, "aid-approve")).toBe(false);

    // Audited: filing (with whom it was sent to) and the approval.
    const audits = await h.db.prisma.auditLog.findMany({ where: { subjectType: "AidRequest", subjectId: String(req.id) } });
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(["aid.request.file", "aid.request.approve"]));
    expect(audits.find((x) => x.action === "aid.request.file")?.changes).toMatchObject({ notified: [a.secretary.id, a.delegate.id] });
    expect(audits.find((x) => x.action === "aid.request.approve")?.actorId).toBe(a.secretary.id);

    // 我的 shows the state and timeline.
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toContain(req.number);
    expect(text(mine!)).toContain("已批准 1,200.50 元");
    expect(text(mine!)).toContain("提交申请");
  });

  it("rejects with a reason the member is told", async () => {
    const { req } = await file(h, a.member2, { category: "LIVING", description: "想换一部新手机，旧的坏了不能用", amount: "3000", urgency: "NORMAL" });
    const card = await approvalCardFor(h, a.secretary, req.number);
    const r = await clickCard(h, a.secretary, card, "aid-reject", { amount: "", source: "PARTY_FEE", note: "不属于帮扶范围" });
    expect(JSON.stringify(r.toast)).toContain("不批准");
    expect(text({ content: r.card })).toContain("❌ 未批准");
    expect(text({ content: r.card })).toContain("不属于帮扶范围");
    expect(openedRow("AidRequest", await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } }))).toMatchObject({ status: "REJECTED", decisionNote: "不属于帮扶范围", approvedFen: null });
    expect(await h.db.prisma.fundEntry.count({ where: { aidRequestId: req.id } })).toBe(0);
    const told = await h.double.waitForMessage({ to: a.member2.openId, where: (m) => text(m).includes(`帮扶申请未获批准 · ${req.number}`) });
    expect(text(told)).toContain("不属于帮扶范围");
  });

  it("asks for more information; the member answers; the secretary gets it in a new card and decides", async () => {
    const { req } = await file(h, a.member2, { category: "EMPLOYMENT", description: "失业半年，家里没有收入来源", amount: "", urgency: "NORMAL" });
    const first = await approvalCardFor(h, a.secretary, req.number);
    const asked = await clickCard(h, a.secretary, first, "aid-ask-info", { amount: "", note: "请说明目前的求职情况" });
    expect(JSON.stringify(asked.toast)).toContain("补充说明");
    expect(text({ content: asked.card })).toContain("等待申请人回复");
    expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("NEEDS_INFO");

    const question = await h.double.waitForMessage({ to: a.member2.openId, where: (m) => text(m).includes(`请补充说明 · ${req.number}`) });
    expect(text(question)).toContain("请说明目前的求职情况");
    const answered = await h.double.click({ from: a.member2.openId, messageId: question.message_id, value: buttonValue(question.content, "aid-answer-info"), formValue: { answer: "已报名社区技能培训，仍在找工作" } });
    expect(text({ content: answered.card })).toContain("已补充说明");
    expect((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("PENDING");

    const second = await approvalCardFor(h, a.secretary, req.number, 1);
    expect(second.message_id).not.toBe(first.message_id);
    expect(text(second)).toContain("已报名社区技能培训");
    expect(text(second)).toContain("请说明目前的求职情况");
    const done = await clickCard(h, a.secretary, second, "aid-approve", { amount: "300", source: "DONATION", note: "" });
    expect(text({ content: done.card })).toContain("✅ 已批准 300.00 元");
    const events = await h.db.prisma.aidRequestEvent.findMany({ where: { requestId: req.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["FILED", "INFO_REQUESTED", "INFO_PROVIDED", "APPROVED"]);
    // The first card, still in the chat, is redrawn as well.
    await eventually(() => text(h.double.message(first.message_id)!).includes("✅ 已批准 300.00 元"));
  });

  it("lets a leader file for a member without Lark, recorded as on behalf, and tells the leader", async () => {
    const form = await askForForm(h, a.leader, `代为求助 ${a.offline.name}`);
    expect(text(form)).toContain(`代${a.offline.name}申请帮扶`);
    const r = await submitForm(h, a.leader, form, { category: "DISASTER", description: "房屋漏雨受损，需要修缮屋顶", amount: "800", urgency: "URGENT" });
    expect(text({ content: r.card })).toContain("代为提交");
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.offline.id } });
    expect(req).toMatchObject({ onBehalf: true, filedById: a.leader.id, orgId: a.orgId });
    const card = await approvalCardFor(h, a.secretary, req.number);
    expect(text(card)).toContain(`由甲支委代为提交`);
    await clickCard(h, a.secretary, card, "aid-approve", { amount: "800", source: "PARTY_FEE" });
    const told = await h.double.waitForMessage({ to: a.leader.openId, where: (m) => text(m).includes(`帮扶申请已批准 · ${req.number}`) });
    expect(text(told)).toContain(a.offline.name);
  });

  it("opens, updates and resolves a hardship-archive entry from an approved request, keeping every change", async () => {
    const req = await h.db.prisma.aidRequest.findFirstOrThrow({ where: { personId: a.member.id, status: "APPROVED" } });
    const card = await approvalCardFor(h, a.secretary, req.number);
    const sent = await clickCard(h, a.secretary, card, "hardship-form");
    expect(JSON.stringify(sent.toast)).toContain("建档表单已发送");
    const formCard = await h.double.waitForMessage({ to: a.secretary.openId, where: (m) => text(m).includes("建立困难档案 · 甲张三") });
    const open = await h.double.click({
      from: a.secretary.openId,
      messageId: formCard.message_id,
      value: buttonValue(formCard.content, "hardship-open"),
      formValue: { causes: ["ILLNESS", "OLD_AGE"], level: "SERIOUS", household: "独居，子女在外地", next_review: "2099-01-01" },
    });
    // A review more than a year away is refused; a date within the year is taken.
    expect(JSON.stringify(open.toast)).toContain("一年");
    const nextYear = `${localYear(h.clock.now(), "Asia/Shanghai") + 1}-01-15`;
    const opened = await h.double.click({
      from: a.secretary.openId,
      messageId: formCard.message_id,
      value: buttonValue(formCard.content, "hardship-open"),
      formValue: { causes: ["ILLNESS", "OLD_AGE"], level: "SERIOUS", household: "独居，子女在外地", next_review: `${nextYear} +0800` },
    });
    expect(JSON.stringify(opened.toast)).toContain("已为甲张三建立困难档案");
    const entry = await h.db.prisma.hardshipEntry.findFirstOrThrow({ where: { personId: a.member.id } });
    expect(entry).toMatchObject({ status: "ACTIVE", level: "SERIOUS", openedFromRequestId: req.id, orgId: a.orgId, createdById: a.secretary.id });
    expect(entry.causes.sort()).toEqual(["ILLNESS", "OLD_AGE"]);
    expect(entry.nextReviewOn.toISOString().slice(0, 10)).toBe(nextYear);
    // The approval card now shows the archive status.
    await eventually(() => text(h.double.message(card.message_id)!).includes("在档 · 较重困难"));

    // 档案 lists it; the entry is updated (history UPDATED), reviewed (REVIEWED) and resolved (RESOLVED).
    const [list] = await command(h, a.secretary, "档案");
    expect(text(list!)).toContain("甲张三");
    const view = await h.double.click({ from: a.secretary.openId, messageId: list!.message_id, value: buttonValue(list!.content, "hardship-view") });
    expect(text({ content: view.card })).toContain("家庭情况");
    const upd = { causes: ["ILLNESS"], level: "SPECIAL", household: "独居，子女在外地，行动不便", next_review: nextYear };
    const updated = await h.double.click({ from: a.secretary.openId, messageId: list!.message_id, value: buttonValue(view.card, "hardship-update"), formValue: upd });
    expect(JSON.stringify(updated.toast)).toContain("档案已更新");
    const reviewed = await h.double.click({ from: a.secretary.openId, messageId: list!.message_id, value: buttonValue(updated.card, "hardship-update"), formValue: { ...upd, next_review: `${nextYear.slice(0, 4)}-02-01` } });
    expect(JSON.stringify(reviewed.toast)).toContain("档案已更新");
    const resolved = await h.double.click({ from: a.secretary.openId, messageId: list!.message_id, value: buttonValue(reviewed.card, "hardship-resolve"), formValue: { reason: "已康复并重新就业" } });
    expect(text({ content: resolved.card })).toContain("已解困");
    const history = await h.db.prisma.hardshipHistory.findMany({ where: { entryId: entry.id }, orderBy: { id: "asc" } });
    expect(history.map((x) => x.action)).toEqual(["OPENED", "UPDATED", "REVIEWED", "RESOLVED"]);
    expect(openedJson("HardshipHistory.changes", history[1]!.changes)).toMatchObject({ level: ["SERIOUS", "SPECIAL"] });
    expect(openedRow("HardshipEntry", await h.db.prisma.hardshipEntry.findUniqueOrThrow({ where: { id: entry.id } }))).toMatchObject({ status: "RESOLVED", resolvedReason: "已康复并重新就业" });
    const audits = await h.db.prisma.auditLog.findMany({ where: { subjectType: "HardshipEntry" } });
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(["hardship.open", "hardship.list", "hardship.view", "hardship.update", "hardship.resolve"]));
  });

  it("opens an entry directly with 档案 <姓名>, at most one active per person", async () => {
    const msgs = await command(h, a.secretary, `档案 ${a.member2.name}`);
    const form = msgs.find((m) => text(m).includes("建立困难档案"))!;
    const v = buttonValue(form.content, "hardship-open");
    const fv = { causes: "UNEMPLOYMENT", level: "GENERAL", household: "夫妻均失业", next_review: `${localYear(h.clock.now(), "Asia/Shanghai") + 1}-01-10` };
    const first = await h.double.click({ from: a.secretary.openId, messageId: form.message_id, value: v, formValue: fv });
    expect(JSON.stringify(first.toast)).toContain("已为");
    const again = await h.double.click({ from: a.secretary.openId, messageId: form.message_id, value: v, formValue: fv });
    expect(JSON.stringify(again.toast)).toContain("已有在档");
    expect(await h.db.prisma.hardshipEntry.count({ where: { personId: a.member2.id, status: "ACTIVE" } })).toBe(1);
  });

  it("资金 shows balances and entries and records income; 收支公开 posts totals without names to the group", async () => {
    const [card] = await command(h, a.worker, "资金");
    const body = text(card!);
    expect(body).toContain("帮扶资金 · 甲党支部");
    expect(body).toContain("甲张三");
    const r = await h.double.click({ from: a.worker.openId, messageId: card!.message_id, value: buttonValue(card!.content, "fund-income"), formValue: { source: "DONATION", amount: "2,000", payer: "爱心企业某某公司", note: "重阳节捐赠" } });
    expect(JSON.stringify(r.toast)).toContain("已登记");
    expect(text({ content: r.card })).toContain("爱心企业某某公司");
    const entry = await h.db.prisma.fundEntry.findFirstOrThrow({ where: { payer: "爱心企业某某公司" } });
    expect(entry).toMatchObject({ kind: "INCOME", source: "DONATION", amountFen: 200000, recordedById: a.worker.id });

    const year = localYear(h.clock.now(), "Asia/Shanghai");
    // The secretary previews privately, then confirms (test/aid/disclose.test.ts has the rest).
    const [preview] = await command(h, a.secretary, `收支公开 ${year}`);
    expect(text(preview!)).toContain("预览");
    expect(toast(await clickCard(h, a.secretary, preview!, "fund-disclose-confirm")).content).toContain("支部群公开");
    const posted = await h.double.waitForMessage({ to: a.chatId, where: (m) => text(m).includes(`${year} 年帮扶资金收支公开`) });
    const pub = text(posted);
    expect(pub).toContain("社会捐赠");
    expect(pub).toContain("合计");
    for (const name of ["甲张三", "甲李四", "甲王婆婆", "母亲住院", "爱心企业"]) expect(pub).not.toContain(name);
    // Totals are right: income 3000 + 500 + 2000 yuan; paid 1200.50 + 300 + 800.
    expect(pub).toContain("收入 ¥5,500.00");
    expect(pub).toContain("支出 ¥2,300.50");
    expect(pub).toContain("帮扶支出 3 笔");
    expect(await h.db.prisma.auditLog.count({ where: { action: "fund.disclose" } })).toBe(1);
    expect(await h.db.prisma.auditLog.count({ where: { action: "fund.view" } })).toBeGreaterThan(0);
  });

  it("keeps personal commands out of group chats", async () => {
    for (const cmd of ["求助", "我的", "档案", "资金"]) {
      const [reply] = await command(h, a.secretary, cmd, { chatId: a.chatId });
      expect(text(reply!)).toContain("私聊");
    }
  });
});
