// 表彰 end to end: a leader nominates, the secretary approves (announced in the branch group,
// kept on the member's record with level and date) or declines, and may revoke with a reason;
// one decision however often the card is clicked; only the branch's secretary decides.
import { opened as openedRow } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Harness } from "../support/harness.ts";
import { cardTo, clickCard, clickWith, command, forgeClick, replyTo, seedBranch, startAidHarness, submit, text, toastOf, workState, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let b: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "wc", { prefix: "癸" });
  b = await seedBranch(h, "wc2", { prefix: "子" });
  await h.db.prisma.organization.update({ where: { id: b.orgId }, data: { groupChatId: null } });
});
afterAll(async () => h?.close());

async function nominate(by: Branch["leader"], name: string, form: Record<string, unknown>) {
  const card = await replyTo(h, by, `表彰提名 ${name}`);
  return { card, r: await submit(h, by, card, "commend-submit", form) };
}
const groupCards = (chatId: string) => h.double.messages({ to: chatId }).filter((m) => text(m).includes("表彰公告"));

describe("表彰提名 → approval → announcement → record", () => {
  it("announces an approved commendation once and keeps it on the record, revocable with a reason", async () => {
    const [refused] = await command(h, a.member2, `表彰提名 ${a.member.name}`);
    expect(text(refused!)).toContain("没有进行此操作的权限");
    const before = await workState(h);
    const bad = await nominate(a.leader, a.member.name, { title: "优秀共产党员", level: "BRANCH", deeds: "" });
    expect(toastOf(bad.r)).toContain("请填写主要事迹");
    expect((await workState(h)).commendations).toEqual(before.commendations);

    const ok = await submit(h, a.leader, bad.card, "commend-submit", { title: "优秀共产党员", level: "BRANCH", deeds: "疫情期间连续 30 天参加社区志愿服务" });
    expect(toastOf(ok)).toContain("已提交");
    const c = await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: a.member.id } });
    expect(c).toMatchObject({ orgId: a.orgId, nominatedById: a.leader.id, status: "PENDING", level: "BRANCH", title: "优秀共产党员" });
    const card = await cardTo(h, a.secretary, `表彰审批 · ${a.member.name}`);
    expect(text(card)).toContain("疫情期间连续 30 天");
    expect(h.double.messages({ to: a.member.openId }).some((m) => text(m).includes("表彰"))).toBe(false);

    const future = await clickCard(h, a.secretary, card, "commend-approve", { level: "COMMITTEE", awarded_on: "2099-07-01 +0800" });
    expect(toastOf(future)).toContain("表彰日期须在今天及以前一年之内");
    expect((await h.db.prisma.commendation.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("PENDING");

    const [one, two] = await Promise.all([
      clickCard(h, a.secretary, card, "commend-approve", { level: "COMMITTEE", note: "经支委会研究" }),
      clickCard(h, a.secretary, card, "commend-approve", { level: "COMMITTEE", note: "经支委会研究" }),
    ]);
    expect([toastOf(one), toastOf(two)].filter((x) => x.includes("已批准表彰"))).toHaveLength(1);
    const approved = await h.db.prisma.commendation.findUniqueOrThrow({ where: { id: c.id } });
    expect(openedRow("Commendation", approved)).toMatchObject({ status: "APPROVED", level: "COMMITTEE", decidedById: a.secretary.id, decisionNote: "经支委会研究" });
    expect(approved.awardedOn).not.toBeNull();

    const announcement = await eventually(() => groupCards(a.chatId)[0]);
    expect(text(announcement)).toContain(`授予**${a.member.name}**同志「优秀共产党员（党委级）」称号`);
    const told = await cardTo(h, a.member, `表彰已批准 · ${a.member.name}`);
    expect(text(told)).toContain("优秀共产党员（党委级）");
    await cardTo(h, a.leader, `表彰已批准 · ${a.member.name}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(groupCards(a.chatId)).toHaveLength(1);

    // The branch sees the honour; the member sees it in 我的.
    const [list] = await command(h, a.member2, "表彰记录");
    expect(text(list!)).toContain(`${a.member.name}** · 优秀共产党员（党委级） · 已表彰`);
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toContain("🎖 优秀共产党员（党委级）");

    // Revoking needs a reason; then the record says so, the announcement too, the member is told.
    const decided = h.double.message(card.message_id)!;
    const noReason = await clickCard(h, a.secretary, decided, "commend-revoke", { reason: "" });
    expect(toastOf(noReason)).toContain("请填写撤销理由");
    const revoked = await clickCard(h, a.secretary, decided, "commend-revoke", { reason: "事迹经核查不实" });
    expect(toastOf(revoked)).toContain("已撤销表彰");
    expect(openedRow("Commendation", await h.db.prisma.commendation.findUniqueOrThrow({ where: { id: c.id } }))).toMatchObject({ status: "REVOKED", revokedById: a.secretary.id, revokeReason: "事迹经核查不实" });
    await eventually(() => text(h.double.message(announcement.message_id)!).includes("已撤销"));
    expect(text(h.double.message(announcement.message_id)!)).not.toContain("事迹经核查不实");
    await cardTo(h, a.member, `表彰已撤销 · ${a.member.name}`);
    const twice = await clickWith(h, a.secretary, decided, { a: "commend-revoke", m: c.id }, { reason: "再撤一次" });
    expect(toastOf(twice)).toContain("已由癸书记处理");
    const [after] = await command(h, a.member2, "表彰记录");
    expect(text(after!)).not.toContain(a.member.name);
    // The secretary sees the revoked one in private, never in the group chat.
    const [secretaryView] = await command(h, a.secretary, "表彰记录");
    expect(text(secretaryView!)).toContain(`${a.member.name}** · 优秀共产党员（党委级） · 已撤销`);
    const [inGroup] = await command(h, a.secretary, "表彰记录", { chatId: a.chatId });
    expect(text(inGroup!)).not.toContain("已撤销");
    const audits = await h.db.prisma.auditLog.findMany({ where: { subjectType: "Commendation", subjectId: String(c.id) } });
    expect(audits.map((x) => x.action).sort()).toEqual(["commendation.approve", "commendation.nominate", "commendation.revoke"]);
  });

  it("declines with a reason the nominator is told, not the member", async () => {
    await nominate(a.leader, a.member2.name, { title: "优秀共产党员", level: "BRANCH", deeds: "按时交纳党费" });
    const card = await cardTo(h, a.secretary, `表彰审批 · ${a.member2.name}`);
    const bare = await clickCard(h, a.secretary, card, "commend-decline", { note: "" });
    expect(toastOf(bare)).toContain("请填写不批准理由");
    const no = await clickCard(h, a.secretary, card, "commend-decline", { note: "事迹不够突出" });
    expect(toastOf(no)).toContain("不通过");
    const row = await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: a.member2.id } });
    expect(openedRow("Commendation", row)).toMatchObject({ status: "DECLINED", decisionNote: "事迹不够突出" });
    const told = await cardTo(h, a.leader, `表彰提名未通过 · ${a.member2.name}`);
    expect(text(told)).toContain("事迹不够突出");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.double.messages({ to: a.member2.openId }).some((m) => text(m).includes("表彰提名未通过"))).toBe(false);
    const approveLate = await clickWith(h, a.secretary, card, { a: "commend-approve", m: row.id }, { level: "BRANCH" });
    expect(toastOf(approveLate)).toContain("已由癸书记处理");
    expect((await h.db.prisma.commendation.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DECLINED");
  });

  it("lets only the branch's secretary decide, never about themself; no group chat means no announcement", async () => {
    await nominate(a.leader, a.secretary.name, { title: "优秀党务工作者", level: "BRANCH", deeds: "组织生活规范" });
    const own = await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: a.secretary.id } });
    const before = await workState(h);
    const self = await forgeClick(h, a.secretary.openId, { a: "commend-approve", m: own.id }, { level: "BRANCH" });
    expect(self.toast?.content).toContain("不能审批与自己有关的事项");
    for (const who of [a.leader, a.worker, a.member, b.secretary]) {
      const r = await forgeClick(h, who.openId, { a: "commend-approve", m: own.id }, { level: "BRANCH" });
      expect(r.toast?.content, who.name).toContain("没有进行此操作的权限");
    }
    expect(await workState(h)).toEqual(before);

    await nominate(b.leader, b.member.name, { title: "优秀共产党员", level: "BRANCH", deeds: "扶贫工作突出" });
    const card = await cardTo(h, b.secretary, `表彰审批 · ${b.member.name}`);
    const r = await clickCard(h, b.secretary, card, "commend-approve", { level: "BRANCH" });
    expect(toastOf(r)).toContain("未登记支部群，未能公告");
    expect((await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: b.member.id } })).status).toBe("APPROVED");
  });
});
