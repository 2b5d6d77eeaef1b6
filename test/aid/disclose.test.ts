// 收支公开 over the Lark double, real PostgreSQL and Redis: the secretary first sees, privately,
// exactly what the branch group will see; only 确认公开 posts it, once however often it is
// clicked; 取消 posts nothing; nobody else can confirm. The group's card shows the totals per
// source and a breakdown only of groups of 3 or more payments, never a name or a description.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AidCategory } from "../../src/domain/aid-rules.ts";
import { localYear } from "../../src/domain/zoned-time.ts";
import { paymentCells } from "../../src/store/aid-fund.ts";
import { createRequest } from "../../src/store/aid-requests.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { eventually, type Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";
import { approvalCardFor, buttonValue, clickCard, command, file, forgeClick, fund, hasButton, seedBranch, startAidHarness, text, toast, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let b: Branch;
let year: number;

/** A payment already made for `category` (the request approved and paid from 党费), as the approval leaves it. */
async function paid(br: Branch, personId: number, category: AidCategory, fen: number): Promise<void> {
  const now = h.clock.now();
  const made = await h.db.prisma.$transaction((tx) =>
    createRequest(tx, { year, orgId: br.orgId, personId, filedById: personId, onBehalf: false, category, description: "已支付的测试申请", requestedFen: fen, urgency: "NORMAL", formMessageId: null, at: now }),
  );
  const id = made!.req.id;
  await h.db.prisma.aidRequest.update({ where: { id }, data: { status: "APPROVED", approvedFen: fen, fundSource: "PARTY_FEE", decidedById: br.secretary.id, decidedAt: now } });
  await h.db.prisma.fundEntry.create({ data: { orgId: br.orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: fen, payeeId: personId, aidRequestId: id, recordedById: br.secretary.id, createdAt: now } });
  await h.db.prisma.fundBalance.update({ where: { orgId_source: { orgId: br.orgId, source: "PARTY_FEE" } }, data: { balanceFen: { decrement: fen } } });
}

const groupPosts = () => h.double.messages({ to: a.chatId }).filter((m) => text(m).includes("帮扶资金收支公开"));
const postsStaged = () => h.db.prisma.outboxMessage.count({ where: { receiveId: a.chatId } });
const audits = (action: string) => h.db.prisma.auditLog.count({ where: { action } });

async function preview(who: SeededPerson = a.secretary): Promise<SentMessage> {
  const answers = await command(h, who, "收支公开");
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

beforeAll(async () => {
  h = await startAidHarness();
  year = localYear(h.clock.now(), "Asia/Shanghai");
  a = await seedBranch(h, "ds", { prefix: "丁" });
  b = await seedBranch(h, "dt", { prefix: "庚" });
  await fund(h, a.orgId, "PARTY_FEE", 20_000);
  await fund(h, a.orgId, "LOCAL_FINANCE", 5_000);
  // 4 payments for daily living and 3 for illness; one for a disaster, filed and approved in chat.
  for (const p of [a.member.id, a.member2.id, a.offline.id, a.leader.id]) await paid(a, p, "LIVING", 500_00);
  for (const p of [a.member.id, a.member2.id, a.offline.id]) await paid(a, p, "ILLNESS", 1_000_00);
  const { req } = await file(h, a.member2, { category: "DISASTER", description: "家中遭遇洪水，房屋受损严重", amount: "3000", urgency: "URGENT" });
  await clickCard(h, a.secretary, await approvalCardFor(h, a.secretary, req.number), "aid-approve", { amount: "3000", source: "PARTY_FEE", note: "洪灾救助" });
  expect(await h.db.prisma.fundEntry.count({ where: { orgId: a.orgId, kind: "DISBURSEMENT" } })).toBe(8);
});
afterAll(async () => h?.close());

describe("收支公开: preview first, the group only after 确认公开", () => {
  let card: SentMessage;

  it("answers the secretary privately with exactly the group's card and 确认公开 / 取消; the group gets nothing", async () => {
    card = await preview();
    expect(card.chat_id).not.toBe(a.chatId);
    const body = text(card);
    expect(body).toContain(`预览 · ${year} 年帮扶资金收支公开`);
    expect(body).toContain("确认前没有人会看到");
    expect(hasButton(card.content, "fund-disclose-confirm")).toBe(true);
    expect(hasButton(card.content, "fund-disclose-cancel")).toBe(true);
    expect(await postsStaged()).toBe(0);
    expect(groupPosts()).toEqual([]);
    expect(await audits("fund.disclose.preview")).toBe(1);
    expect(await audits("fund.disclose")).toBe(0);
  });

  it("a member, or the secretary of another branch, cannot confirm it (a forged click)", async () => {
    const value = buttonValue(card.content, "fund-disclose-confirm");
    for (const who of [a.member, a.delegate, b.secretary]) {
      const r = await forgeClick(h, who.openId, value, undefined, card.message_id);
      expect(r.toast?.type).toBe("error");
      expect(r.toast?.content).toContain("没有进行此操作的权限");
      expect(r.card).toBeUndefined();
    }
    expect(await postsStaged()).toBe(0);
    expect(await audits("fund.disclose")).toBe(0);
  });

  it("a double click on 确认公开 posts once, audits once, and the preview reads 已公开 于 …", async () => {
    const value = buttonValue(card.content, "fund-disclose-confirm");
    const clicks = await Promise.all([1, 2].map(() => h.double.click({ from: a.secretary.openId, messageId: card.message_id, value, tag: "button" })));
    const toasts = clicks.map((c) => toast(c).content ?? "");
    expect(toasts.filter((x) => x.includes("已在「丁党支部」支部群公开"))).toHaveLength(1);
    expect(toasts.filter((x) => x.includes("不会重复发布"))).toHaveLength(1);
    await h.double.waitForMessage({ to: a.chatId, where: (m) => text(m).includes("帮扶资金收支公开") });
    expect(await postsStaged()).toBe(1);
    expect(await audits("fund.disclose")).toBe(1);
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "fund.disclose" } });
    expect(line).toMatchObject({ actorId: a.secretary.id, subjectType: "Fund", subjectId: String(a.orgId), orgId: a.orgId });
    await eventually(() => text(h.double.message(card.message_id)!).includes("已公开 于"));
    expect(hasButton(h.double.message(card.message_id)!.content, "fund-disclose-confirm")).toBe(false);
    // A third click, much later, from an old copy: still one post.
    const again = await h.double.click({ from: a.secretary.openId, messageId: card.message_id, value, tag: "button" });
    expect(toast(again).content).toContain("不会重复发布");
    expect(await postsStaged()).toBe(1);
    expect(groupPosts()).toHaveLength(1);
  });

  it("the group's card shows the totals per source and only groups of 3 or more payments, no names, no descriptions", async () => {
    const [post] = groupPosts();
    const body = text(post!);
    // Totals: income 25,000; paid 4 × 500 + 3 × 1,000 + 3,000 = 8,000, all from 党费.
    expect(body).toContain("收入 ¥25,000.00");
    expect(body).toContain("支出 ¥8,000.00");
    expect(body).toContain("帮扶支出 8 笔");
    // By category: 生活困难 (4) listed. The disaster (1) cannot be listed, and 其他 may not be a
    // group of one either (it is the total less what is listed), so 疾病住院 (3) joins it.
    const tables = (post!.content as { body: { elements: Record<string, unknown>[] } }).body.elements.filter((e) => e.tag === "table");
    const byCategory = tables.find((t) => JSON.stringify(t).includes("类别")) as { rows: Record<string, string>[] } | undefined;
    expect(byCategory?.rows.map((r) => [r.name, r.count, r.paid])).toEqual([
      ["生活困难", "4", "¥2,000.00"],
      ["其他", "4", "¥6,000.00"],
    ]);
    expect(body).toContain("少于 3 笔的类别不单列，以免识别到个人");
    for (const hidden of ["疾病住院", "遭受灾害", "洪水", "洪灾救助", "已支付的测试申请", "丁张三", "丁李四", "丁王婆婆", "丁支委"]) expect(body).not.toContain(hidden);
    // What the secretary previewed is what the group got: the same elements, under the preview's head and a rule.
    const previewed = (h.double.message(card.message_id)!.content as { body: { elements: unknown[] } }).body.elements;
    const posted = (post!.content as { body: { elements: unknown[] } }).body.elements;
    expect(previewed.slice(2)).toEqual(posted);
  });

  it("取消 posts nothing, and a late 确认公开 on the cancelled preview posts nothing either", async () => {
    const second = await preview();
    const cancelled = await clickCard(h, a.secretary, second, "fund-disclose-cancel");
    expect(toast(cancelled).content).toContain("已取消");
    expect(text({ content: cancelled.card })).toContain("已取消，未发布到支部群");
    expect(hasButton(cancelled.card, "fund-disclose-confirm")).toBe(false);
    const late = await h.double.click({ from: a.secretary.openId, messageId: second.message_id, value: buttonValue(second.content, "fund-disclose-confirm"), tag: "button" });
    expect(toast(late).content).toContain("已取消");
    expect(await postsStaged()).toBe(1);
    expect(await audits("fund.disclose")).toBe(1);
  });

  it("when the books moved after the preview, 确认公开 redraws the preview instead of posting figures nobody checked", async () => {
    const third = await preview();
    await fund(h, a.orgId, "DONATION", 100);
    const stale = await clickCard(h, a.secretary, third, "fund-disclose-confirm");
    expect(toast(stale).content).toContain("预览后收支有变动");
    expect(text({ content: stale.card })).toContain("收入 ¥25,100.00");
    expect(await postsStaged()).toBe(1);
    const fresh = await h.double.click({ from: a.secretary.openId, messageId: third.message_id, value: buttonValue(stale.card, "fund-disclose-confirm"), tag: "button" });
    expect(toast(fresh).content).toContain("支部群公开");
    const posted = await h.double.waitForMessage({ to: a.chatId, where: (m) => text(m).includes("收入 ¥25,100.00") });
    expect(text(posted)).toContain("帮扶资金收支公开");
    expect(await postsStaged()).toBe(2);
  });

  it("the fund card's button and the command said in the group send the preview privately and post nothing", async () => {
    const before = await postsStaged();
    const [fundCard] = await command(h, a.worker, "资金");
    const r = await clickCard(h, a.worker, fundCard!, "fund-disclose");
    expect(toast(r).content).toContain("已发送收支公开预览");
    await h.double.waitForMessage({ to: a.worker.openId, where: (m) => text(m).includes("预览 ·") });
    const since = Date.now();
    const [inGroup] = await command(h, a.secretary, "收支公开", { chatId: a.chatId });
    expect(text(inGroup!)).toContain("预览已私信发给您");
    const privately = await h.double.waitForMessage({ to: a.secretary.openId, since, where: (m) => text(m).includes("预览 ·") });
    expect(privately.chat_id).not.toBe(a.chatId);
    expect(await postsStaged()).toBe(before);
    expect(groupPosts()).toHaveLength(2);
  });
});

describe("the payments a breakdown is made of", () => {
  it("counts each by what it was for and its month in the branch's zone, leaving out reversed ones", async () => {
    await fund(h, b.orgId, "PARTY_FEE", 1_000);
    const entry = (amountFen: number, createdAt: Date, extra: Record<string, unknown> = {}) =>
      h.db.prisma.fundEntry.create({ data: { orgId: b.orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen, payeeId: b.member.id, createdAt, ...extra } });
    // A training subsidy, paid on 1 November at 01:00 in Shanghai (still October in UTC).
    const subsidy = await entry(300_00, new Date("2026-10-31T17:00:00Z"));
    await h.db.prisma.trainingApplication.create({
      data: { orgId: b.orgId, personId: b.member.id, course: "养老护理员", provider: "区职校", startOn: new Date("2026-11-02"), endOn: new Date("2026-11-20"), reason: "想学一门手艺再就业", status: "APPROVED", subsidyFen: 300_00, fundSource: "PARTY_FEE", fundEntryId: subsidy.id },
    });
    // A payment with no request behind it, and one that was reversed (the member never kept it).
    await entry(50_00, new Date("2026-06-10T02:00:00Z"), { note: "临时补助" });
    const undone = await entry(999_00, new Date("2026-06-11T02:00:00Z"));
    await h.db.prisma.fundEntry.create({ data: { orgId: b.orgId, source: "PARTY_FEE", kind: "REVERSAL", amountFen: 999_00, reversesId: undone.id, reason: "重复发放", createdAt: new Date("2026-06-12T02:00:00Z") } });
    const start = new Date("2025-12-31T16:00:00Z");
    const end = new Date("2026-12-31T16:00:00Z");
    const cells = await h.db.prisma.$transaction((tx) => paymentCells(tx, b.orgId, start, end, "Asia/Shanghai"));
    expect(cells.sort((x, y) => x.month - y.month)).toEqual([
      { category: "OTHER", month: 6, count: 1, fen: 50_00 },
      { category: "TRAINING", month: 11, count: 1, fen: 300_00 },
    ]);
  });
});
