// 培训支持 end to end over the Lark double, PostgreSQL and Redis: a member applies in chat, the
// secretary decides in the card, a subsidy is paid from the aid fund with its source, the
// member is told; bad input and stale or repeated clicks change nothing. And 培训记录.
import { opened as openedRow } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Harness } from "../support/harness.ts";
import { cardText, cardTo, clickCard, clickWith, command, forgeClick, fund, hasButton, replyTo, seedBranch, startAidHarness, submit, text, toastOf, workState, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let b: Branch;

const apply = { course: "电工职业资格（中级）", provider: "揭阳市职业技能培训中心", start: "2026-12-01 +0800", end: "2027-01-31 +0800", cost: "1800", asks: ["TIME_OFF", "SUBSIDY"], amount: "800", reason: "社区物业需要持证电工，支部已同意。" };

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "wt", { prefix: "庚" });
  b = await seedBranch(h, "wt2", { prefix: "辛" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
  await fund(h, a.orgId, "DONATION", 100);
});
afterAll(async () => h?.close());

async function applyAs(who: Branch["member"], form: Record<string, unknown> = apply) {
  const card = await replyTo(h, who, "培训申请");
  const r = await submit(h, who, card, "training-submit", form);
  // Applications take the year's request number (the sequence aid requests use).
  const no = /培训支持申请已提交 · (\d{4}-\d{4})/.exec(cardText(r))?.[1] ?? "";
  const { id } = await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { number: no } });
  return { r, id, no, card };
}

describe("培训申请 → decision card → fund → member told", () => {
  it("refuses a form with what to fix, and files nothing", async () => {
    const before = await workState(h);
    const card = await replyTo(h, a.member, "培训申请");
    expect(text(card)).toContain("申请培训支持");
    const backwards = await submit(h, a.member, card, "training-submit", { ...apply, end: "2026-11-01 +0800" });
    expect(toastOf(backwards)).toContain("结束日期不能早于开始日期");
    const amountOnly = await submit(h, a.member, card, "training-submit", { ...apply, asks: ["TIME_OFF"] });
    expect(toastOf(amountOnly)).toContain("请在申请事项中勾选「经费补贴」");
    const overCost = await submit(h, a.member, card, "training-submit", { ...apply, amount: "2000" });
    expect(toastOf(overCost)).toContain("不能超过培训费用 1,800.00 元");
    const noAsk = await submit(h, a.member, card, "training-submit", { ...apply, asks: [] });
    expect(toastOf(noAsk)).toContain("请至少选择一项申请事项");
    expect(await workState(h)).toEqual({ ...before, outbox: before.outbox + 1 }); // only the form card itself
  });

  it("pays a granted subsidy from the chosen source in the same transaction, once", async () => {
    const { r, id, no } = await applyAs(a.member);
    expect(toastOf(r)).toContain("已提交");
    const row = await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ orgId: a.orgId, personId: a.member.id, status: "PENDING", asks: ["TIME_OFF", "SUBSIDY"], requestedFen: 80000, costFen: 180000 });
    expect(row.startOn.toISOString().slice(0, 10)).toBe("2026-12-01");

    const card = await cardTo(h, a.secretary, `培训支持审批 · ${no}`);
    for (const piece of ["庚张三", "电工职业资格（中级）", "揭阳市职业技能培训中心", "保障学习时间、经费补贴", "补贴 800.00 元", "党费补助 3,000.00 元", "社会捐赠 100.00 元"]) expect(text(card)).toContain(piece);
    // The secretary decides training support; the aid delegate and the leader get nothing.
    for (const other of [a.delegate, a.leader]) expect(h.double.messages({ to: other.openId }).some((m) => text(m).includes(no))).toBe(false);

    // Bad decisions change nothing: a source that cannot pay, an item not asked for, no source.
    const before = await workState(h);
    const short = await clickCard(h, a.secretary, card, "training-approve", { granted: ["TIME_OFF", "SUBSIDY"], amount: "800", source: "DONATION" });
    expect(toastOf(short)).toContain("「社会捐赠」余额只有 100.00 元");
    const notAsked = await clickCard(h, a.secretary, card, "training-approve", { granted: ["POLICY"], note: "" });
    expect(toastOf(notAsked)).toContain("申请人没有申请「政策支持」");
    const noSource = await clickCard(h, a.secretary, card, "training-approve", { granted: ["SUBSIDY"], amount: "800" });
    expect(toastOf(noSource)).toContain("请选择资金来源");
    expect(await workState(h)).toEqual(before);

    // Two clicks at once on approve: one decision, one ledger line.
    const [one, two] = await Promise.all([
      clickCard(h, a.secretary, card, "training-approve", { granted: ["TIME_OFF", "SUBSIDY"], amount: "800", source: "PARTY_FEE", note: "学成后在社区服务" }),
      clickCard(h, a.secretary, card, "training-approve", { granted: ["TIME_OFF", "SUBSIDY"], amount: "800", source: "PARTY_FEE", note: "学成后在社区服务" }),
    ]);
    const toasts = [toastOf(one), toastOf(two)];
    expect(toasts.filter((x) => x.includes("已批准培训申请"))).toHaveLength(1);
    const decided = await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id } });
    expect(openedRow("TrainingApplication", decided)).toMatchObject({ status: "APPROVED", grantedAsks: ["TIME_OFF", "SUBSIDY"], subsidyFen: 80000, fundSource: "PARTY_FEE", decidedById: a.secretary.id, decisionNote: "学成后在社区服务" });
    const entries = await h.db.prisma.fundEntry.findMany({ where: { payeeId: a.member.id, kind: "DISBURSEMENT" } });
    expect(entries).toEqual([expect.objectContaining({ id: decided.fundEntryId, source: "PARTY_FEE", amountFen: 80000, orgId: a.orgId, recordedById: a.secretary.id })]);
    expect(entries[0]!.note).toContain("培训补贴");
    const bal = await h.db.prisma.fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: a.orgId, source: "PARTY_FEE" } } });
    expect(bal.balanceFen).toBe(300000 - 80000);

    const now = text(h.double.message(card.message_id)!);
    expect(now).toContain("✅ 已批准");
    expect(now).toContain("800.00 元（党费补助）");
    expect(hasButton(h.double.message(card.message_id)!.content, "training-approve")).toBe(false);

    // A later click (approve or reject) on the decided card: nothing changes, it says who decided.
    const again = await clickWith(h, a.secretary, card, { a: "training-reject", t: id }, { note: "改主意" });
    expect(toastOf(again)).toContain("已由庚书记处理");
    expect(await h.db.prisma.fundEntry.count({ where: { payeeId: a.member.id } })).toBe(1);
    expect((await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");

    const told = await cardTo(h, a.member, `培训支持已批准 · ${no}`);
    expect(text(told)).toContain("800.00 元（党费补助）");
    const audits = await h.db.prisma.auditLog.findMany({ where: { subjectType: "TrainingApplication", subjectId: String(id) } });
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(["training.application.file", "training.application.notify", "training.application.approve"]));
    // The fund card of the aid flow shows the subsidy as a disbursement from its source to the member.
    const [fundCard] = await command(h, a.secretary, "资金");
    expect(text(fundCard!)).toContain("支出 **-800.00 元** 党费补助 · 庚张三");
  });

  it("approves time off without touching the fund, and rejects only with a reason", async () => {
    const entries = await h.db.prisma.fundEntry.count();
    const first = await applyAs(a.member2, { ...apply, course: "民法典学习班", asks: ["TIME_OFF", "POLICY"], amount: "", cost: "" });
    const card = await cardTo(h, a.secretary, `培训支持审批 · ${first.no}`);
    const ok = await clickCard(h, a.secretary, card, "training-approve", { granted: ["TIME_OFF"] });
    expect(toastOf(ok)).toContain("已批准");
    expect(await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "APPROVED", grantedAsks: ["TIME_OFF"], subsidyFen: null, fundEntryId: null });
    expect(await h.db.prisma.fundEntry.count()).toBe(entries);

    const second = await applyAs(a.member2, { ...apply, course: "驾驶培训", asks: ["SUBSIDY"], amount: "500" });
    const card2 = await cardTo(h, a.secretary, `培训支持审批 · ${second.no}`);
    const before = await workState(h);
    const bare = await clickCard(h, a.secretary, card2, "training-reject", { note: " " });
    expect(toastOf(bare)).toContain("请填写不批准理由");
    expect(await workState(h)).toEqual(before);
    const no = await clickCard(h, a.secretary, card2, "training-reject", { note: "与本职工作无关" });
    expect(toastOf(no)).toContain("不批准");
    expect(openedRow("TrainingApplication", await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id: second.id } }))).toMatchObject({ status: "REJECTED", decisionNote: "与本职工作无关" });
    const told = await cardTo(h, a.member2, `培训支持未获批准 · ${second.no}`);
    expect(text(told)).toContain("与本职工作无关");
  });

  it("lets only the secretary of the application's branch decide", async () => {
    const { id } = await applyAs(a.member, { ...apply, course: "会计继续教育", asks: ["TIME_OFF"], amount: "" });
    const before = await workState(h);
    for (const who of [a.leader, a.delegate, a.worker, a.member2, b.secretary]) {
      const r = await forgeClick(h, who.openId, { a: "training-approve", t: id }, { granted: ["TIME_OFF"] });
      expect(r.toast?.content, who.name).toContain("没有进行此操作的权限");
    }
    const forged = await forgeClick(h, a.secretary.openId, { a: "training-approve", t: "x" }, {});
    expect(forged.toast?.type).toBe("error");
    expect(await workState(h)).toEqual(before);
  });
});

describe("培训记录", () => {
  it("records a training with its attendees, affairs workers included, and refuses others", async () => {
    const form = await replyTo(h, a.worker, "培训记录");
    expect(text(form)).toContain(`${a.worker.name}（党务工作者）`);
    const future = await submit(h, a.worker, form, "training-record-save", { topic: "LAW", title: "民法典专题讲座", held_on: "2099-01-01 +0800", attendees: [String(a.member.id)] });
    expect(toastOf(future)).toContain("培训日期不能晚于今天");
    const stranger = await submit(h, a.worker, form, "training-record-save", { topic: "LAW", title: "民法典专题讲座", held_on: "2026-11-20 +0800", attendees: [String(b.member.id)] });
    expect(toastOf(stranger)).toContain("参加人员选项无效");
    expect(await h.db.prisma.trainingSession.count()).toBe(0);

    const saved = await submit(h, a.worker, form, "training-record-save", { topic: "LAW", title: "民法典专题讲座", held_on: "2026-11-20 +0800", hours: "2", attendees: [String(a.member.id), String(a.worker.id)] });
    expect(toastOf(saved)).toContain("2 人参加");
    const again = await clickWith(h, a.worker, form, { a: "training-record-save", o: a.orgId }, { topic: "LAW", title: "民法典专题讲座", held_on: "2026-11-20 +0800", attendees: [String(a.member.id)] });
    expect(toastOf(again)).toContain("已提交过");
    const sessions = await h.db.prisma.trainingSession.findMany({ include: { attendees: true } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ orgId: a.orgId, topic: "LAW", title: "民法典专题讲座", hours: 2, recordedById: a.worker.id });
    expect(sessions[0]!.attendees.map((x) => x.personId).sort()).toEqual([a.member.id, a.worker.id].sort());

    const [refused] = await command(h, a.member, "培训记录");
    expect(text(refused!)).toContain("没有");
    // One line per attendee, about them.
    const lines = await h.db.prisma.auditLog.findMany({ where: { action: "training.session.record" } });
    expect(lines.map((l) => l.subjectPersonId).sort()).toEqual([a.member.id, a.worker.id].sort());
  });
});
