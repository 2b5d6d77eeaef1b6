// 知情权: 提问 to the secretary with the answer in chat and the thread kept, and 我的 showing the
// member's own commendations, training, employment case and requests (and nobody else's).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Harness } from "../support/harness.ts";
import { cardTo, clickCard, clickWith, command, forgeClick, replyTo, seedBranch, startAidHarness, submit, text, toastOf, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "wi", { prefix: "丑" });
});
afterAll(async () => h?.close());

describe("提问", () => {
  it("sends the question to the secretary, the answer back to the member, and keeps the thread", async () => {
    const [empty] = await command(h, a.member, "提问");
    expect(text(empty!)).toContain("请在「提问」后写上您的问题");
    expect(await h.db.prisma.question.count()).toBe(0);

    const [sent] = await command(h, a.member, "提问 今年的党费标准有变化吗？");
    expect(text(sent!)).toContain("已发送给支部书记（1 人）");
    const q = await h.db.prisma.question.findFirstOrThrow({ where: { askerId: a.member.id } });
    expect(q).toMatchObject({ orgId: a.orgId, status: "OPEN", messageCount: 1 });
    const card = await cardTo(h, a.secretary, `党员提问 · ${a.member.name}`);
    expect(text(card)).toContain("今年的党费标准有变化吗？");

    const bare = await clickCard(h, a.secretary, card, "question-answer", { answer: "" });
    expect(toastOf(bare)).toContain("请填写回复");
    const stranger = await forgeClick(h, a.leader.openId, { a: "question-answer", q: q.id, n: 1 }, { answer: "我来答" });
    expect(stranger.toast?.content).toContain("没有进行此操作的权限");

    // Two clicks at once on the same card: one answer.
    const [x, y] = await Promise.all([
      clickCard(h, a.secretary, card, "question-answer", { answer: "没有变化，按月收入的 0.5%–2% 交纳。" }),
      clickCard(h, a.secretary, card, "question-answer", { answer: "没有变化，按月收入的 0.5%–2% 交纳。" }),
    ]);
    expect([toastOf(x), toastOf(y)].filter((t) => t.includes("回复已发送"))).toHaveLength(1);
    expect(await h.db.prisma.questionMessage.count({ where: { questionId: q.id } })).toBe(2);
    const answer = await cardTo(h, a.member, "支部书记回复了您的提问");
    expect(text(answer)).toContain("没有变化，按月收入的 0.5%–2% 交纳。");
    expect(text(answer)).toContain("今年的党费标准有变化吗？");

    // The member asks on; the secretary gets the whole thread; a stale card cannot answer over it.
    const other = await forgeClick(h, a.member2.openId, { a: "question-follow-up", q: q.id, n: 2 }, { text: "我也想问" });
    expect(other.toast?.content).toContain("没有进行此操作的权限");
    const more = await submit(h, a.member, answer, "question-follow-up", { text: "退休党员也一样吗？" });
    expect(toastOf(more)).toContain("已发送给支部书记");
    expect(await h.db.prisma.question.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: "OPEN", messageCount: 3 });
    const second = await cardTo(h, a.secretary, `党员提问 · ${a.member.name}`, 1);
    expect(text(second)).toContain("退休党员也一样吗？");
    const stale = await clickWith(h, a.secretary, card, { a: "question-answer", q: q.id, n: 2 }, { answer: "旧卡片上的回复" });
    expect(toastOf(stale)).toContain("问答已有新内容");
    await submit(h, a.secretary, second, "question-answer", { answer: "退休党员按退休费总额的 0.5% 交纳。" });
    await cardTo(h, a.member, "退休党员按退休费总额");
    const thread = await h.db.prisma.questionMessage.findMany({ where: { questionId: q.id }, orderBy: { id: "asc" } });
    expect(thread.map((m) => [m.authorId, m.fromAsker])).toEqual([[a.member.id, true], [a.secretary.id, false], [a.member.id, true], [a.secretary.id, false]]);
    // Earlier copies are redrawn to the whole thread.
    await eventually(() => text(h.double.message(card.message_id)!).includes("退休党员按退休费总额"));
    const audits = await h.db.prisma.auditLog.findMany({ where: { subjectType: "Question", subjectId: String(q.id) } });
    expect(audits.map((x) => x.action).sort()).toEqual(["question.answer", "question.answer", "question.ask", "question.follow_up"]);
  });
});

describe("我的", () => {
  it("shows the member's own requests, training, employment case, commendations and questions, privately", async () => {
    // A training application and a job-seeker registration of the member's own, through the bot.
    const form = await replyTo(h, a.member, "培训申请");
    await submit(h, a.member, form, "training-submit", { course: "家政服务员培训", provider: "街道培训学校", start: "2026-12-01 +0800", end: "2026-12-20 +0800", asks: ["TIME_OFF"], reason: "提升家政服务就业技能，支部已同意" });
    const seek = await replyTo(h, a.member, "求职登记");
    await submit(h, a.member, seek, "job-seek-submit", { skills: "家政", kinds: ["CARE"] });
    await h.db.prisma.commendation.create({ data: { orgId: a.orgId, personId: a.member.id, nominatedById: a.leader.id, title: "优秀共产党员", level: "BRANCH", deeds: "志愿服务", status: "APPROVED", awardedOn: new Date("2026-07-01T00:00:00Z") } });
    // Someone else's records, which must not show.
    const other = await replyTo(h, a.member2, "培训申请");
    await submit(h, a.member2, other, "training-submit", { course: "李四的课程", provider: "某机构", start: "2026-12-01 +0800", end: "2026-12-20 +0800", asks: ["POLICY"], reason: "这是别人的培训申请，岗位需要" });

    const [inGroup] = await command(h, a.member, "我的", { chatId: a.chatId });
    expect(text(inGroup!)).toContain("私聊");
    // One card: the aid engineer's requests first, the work-care sections below.
    const replies = await command(h, a.member, "我的");
    expect(replies).toHaveLength(1);
    const all = text(replies[0]!);
    expect(all).toContain("的申请与记录");
    // No request for help filed: that section is left out rather than drawn empty; the others follow.
    expect(all).not.toContain("**帮扶申请**");
    const elements = (replies[0]!.content as { body: { elements: unknown[] } }).body.elements.map((e) => JSON.stringify(e));
    expect(elements.findIndex((e) => e.includes("**培训**"))).toBeLessThan(elements.findIndex((e) => e.includes("**表彰**")));
    for (const piece of ["🎖 优秀共产党员（支部级） · 2026年7月1日", "「家政服务员培训」· **待审批**", "**求职中**", "家政护理", "今年的党费标准有变化吗？", "**已回复**"]) expect(all).toContain(piece);
    expect(all).not.toContain("李四的课程");
    const view = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "work.view_own", actorId: a.member.id } });
    expect(view.subjectId).toBe(String(a.member.id));
  });
});
