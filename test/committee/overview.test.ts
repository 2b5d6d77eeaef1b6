// 党委总览 over the Lark double with real PostgreSQL and Redis: a committee with three branches
// and a little of everything (test/committee/support.ts). The committee's secretary and affairs
// worker see a row of figures per branch and the total, with no member's name or note anywhere
// on the card; 查看 drills down to one branch for them and is refused to anyone else (a branch's
// secretary of another branch, a member, a forged branch); 分析 and 走访统计 by the committee
// show the committee's figures. Every view writes one audit line on the committee.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yuanText } from "../../src/domain/money.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { command, forgeClick, seedBranch, text, type Branch } from "../aid/support.ts";
import type { Committee } from "../support/committee.ts";
import type { Harness } from "../support/harness.ts";
import { seedPerson } from "../support/seed.ts";
import { namesOf, SECRETS, seedCommitteeWithWork, startCommitteeHarness } from "./support.ts";

let h: Harness;
let c: Committee;
let outside: Branch;

type Json = Record<string, unknown>;
/** Every button value of a card (what Lark would send on each click). */
function buttons(card: unknown): Json[] {
  const out: Json[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Json;
    if (o.tag === "button" && Array.isArray(o.behaviors)) out.push((o.behaviors[0] as { value: Json }).value);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}
const drill = (card: unknown, orgId: number) => buttons(card).find((v) => v.a === "committee.branch" && v.b === orgId)!;
const only = (ms: SentMessage[]) => {
  expect(ms).toHaveLength(1);
  return ms[0]!;
};
const views = (action: string, actorId: number) => h.db.prisma.auditLog.findMany({ where: { action, actorId } });

beforeAll(async () => {
  h = await startCommitteeHarness();
  c = await seedCommitteeWithWork(h, "cv", "览");
  outside = await seedBranch(h, "cv-x", { prefix: "外" });
}, 120_000);
afterAll(async () => h?.close());

describe("党委总览", () => {
  let card: SentMessage;

  beforeAll(async () => {
    card = only(await command(h, c.secretary, "党委总览"));
  }, 60_000);

  it("shows the committee's secretary a row of figures per branch and the total", () => {
    const said = text(card);
    expect(said).toContain("党委总览 · 2027年第一季度");
    expect(said).toContain(`${c.name} · 下辖 3 个党支部`);
    const [b1, b2, b3] = c.branches;
    // Branch 一: 7 members, member2 overdue; a visit of two done; an entry with its review late; two requests; 500 yuan paid; 2 of 7 trained.
    expect(said).toContain(`谈心 6/7（85.7%）· 走访 1/2 · 困难 1 户（复核逾期 1）· 求助 2 件 · 支出 ${yuanText(50_000).zh} · 培训 28.6% · 就业在帮 1 · 互谈 0 · 意见 0 · 结对 1 · 上报 0`);
    expect(said).toContain(`谈心 6/7（85.7%）· 走访 0/0 · 困难 0 户（复核逾期 0）· 求助 0 件 · 支出 ${yuanText(0).zh} · 培训 0% · 就业在帮 0 · 互谈 1 · 意见 1 · 结对 0 · 上报 1`);
    expect(said).toContain(`谈心 7/7（100%）· 走访 0/0`);
    // The total.
    expect(said).toContain("按期 19/21 人（90.5%），逾期未谈 2 人");
    expect(said).toContain("春节 1/2");
    expect(said).toContain("在档 1 户（特别困难 0、较重 1、一般 0），复核逾期 1 份");
    expect(said).toContain("**本期求助**：2 件（待审批 1、待补充 0、已批准 1");
    expect(said).toContain(`党费补助 ${yuanText(50_000).zh}`);
    expect(said).toContain(`**资金余额**：地方财政拨付 ${yuanText(0).zh}，党费补助 ${yuanText(150_000).zh}，社会捐赠 ${yuanText(20_000).zh}；合计 ${yuanText(170_000).zh}`);
    expect(said).toContain("2027年党员参训 2/21 人（9.5%）");
    expect(said).toContain("**意见建议**待答复 1 条 · **组织结对** 1 个 · **上报待办** 1 件");
    // One button per branch, none for the branch outside the committee.
    expect(buttons(card.content).filter((v) => v.a === "committee.branch").map((v) => v.b)).toEqual([b1.orgId, b2.orgId, b3.orgId]);
  });

  it("draws no member's name and no free text", () => {
    const said = text(card);
    for (const name of namesOf(c)) expect(said).not.toContain(name);
    for (const secret of SECRETS) expect(said).not.toContain(secret);
  });

  it("writes one audit line on the committee for the view", async () => {
    const lines = await views("committee.overview.view", c.secretary.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ orgId: c.orgId, subjectType: "Organization", subjectId: String(c.orgId), subjectPersonId: null });
    expect(lines[0]!.changes).toMatchObject({ period: "2027Q1", branches: 3, page: 1 });
  });

  it("drills down to a branch for the committee's secretary, figures only", async () => {
    const b1 = c.branches[0];
    const click = await h.double.click({ from: c.secretary.openId, messageId: card.message_id, value: drill(card.content, b1.orgId), tag: "button" });
    const said = text({ content: click.card });
    expect(said).toContain(`${b1.secretary.name.replace("书记", "")}党支部 · 2027年第一季度`);
    expect(said).toContain("按期 6/7 人（85.7%），逾期未谈 1 人");
    expect(said).toContain("**就业帮扶**：在帮 1 人");
    for (const name of namesOf(c)) expect(said).not.toContain(name);
    for (const secret of SECRETS) expect(said).not.toContain(secret);
    const [line] = await views("committee.branch.view", c.secretary.id);
    expect(line).toMatchObject({ orgId: c.orgId, subjectType: "Organization", subjectId: String(b1.orgId) });
    // 返回总览 draws the overview again.
    const back = buttons(click.card).find((v) => v.a === "committee.overview")!;
    const again = await h.double.click({ from: c.secretary.openId, messageId: card.message_id, value: back, tag: "button" });
    expect(text({ content: again.card })).toContain("下辖 3 个党支部");
  });

  it("works for the committee's affairs worker too", async () => {
    const mine = only(await command(h, c.worker, "各支部情况"));
    expect(text(mine)).toContain("党委总览 · 2027年第一季度");
    const b3 = c.branches[2];
    const click = await h.double.click({ from: c.worker.openId, messageId: mine.message_id, value: drill(mine.content, b3.orgId), tag: "button" });
    expect(text({ content: click.card })).toContain("按期 7/7 人（100%）");
    expect(await views("committee.branch.view", c.worker.id)).toHaveLength(1);
  });

  it("refuses the drill-down to a branch's secretary of another branch, a member, a forged branch or committee, and shows nothing", async () => {
    const [b1, b2] = c.branches;
    const value = drill(card.content, b1.orgId);
    const tries = [
      await forgeClick(h, b2.secretary.openId, value),
      await forgeClick(h, b1.member.openId, value),
      await forgeClick(h, b1.secretary.openId, value),
      await forgeClick(h, c.secretary.openId, { ...value, b: outside.orgId }),
      await forgeClick(h, c.secretary.openId, { ...value, b: 999_999 }),
      await forgeClick(h, c.secretary.openId, { ...value, b: c.orgId }),
      await forgeClick(h, outside.secretary.openId, { ...value, c: outside.orgId }),
    ];
    for (const r of tries) {
      expect(r.toast?.type).toBe("error");
      expect(r.toast?.content).toMatch(/权限/);
      expect(r.card).toBeUndefined();
    }
    const bad = await forgeClick(h, c.secretary.openId, { ...value, p: "2027Q9" });
    expect(bad.toast?.type).toBe("error");
    expect(bad.toast?.content).toContain("无效的操作");
    expect(await h.db.prisma.auditLog.count({ where: { action: "committee.branch.view", actorId: { in: [b1.secretary.id, b2.secretary.id, b1.member.id, outside.secretary.id] } } })).toBe(0);
    expect(await views("committee.branch.view", c.secretary.id)).toHaveLength(1);
  });

  it("refuses 党委总览 to a branch's secretary and a member, pointing to what they can use", async () => {
    const [b1] = c.branches;
    expect(text(only(await command(h, b1.secretary, "党委总览")))).toContain("权限");
    expect(text(only(await command(h, b1.member, "党委总览")))).toContain("无法使用「党委总览」");
    expect(await h.db.prisma.auditLog.count({ where: { action: "committee.overview.view", actorId: { in: [b1.secretary.id, b1.member.id] } } })).toBe(0);
  });

  it("takes a quarter or a year, and refuses a period that has not begun or is not one", async () => {
    expect(text(only(await command(h, c.secretary, "党委总览 2026Q4")))).toContain("党委总览 · 2026年第四季度");
    expect(text(only(await command(h, c.secretary, "党委总览 2026")))).toContain("党委总览 · 2026年第四季度");
    expect(text(only(await command(h, c.secretary, "党委总览 2027Q3")))).toContain("这个季度还没有开始");
    expect(text(only(await command(h, c.secretary, "党委总览 明年")))).toContain("请写季度");
  });
});

describe("a committee of many branches", () => {
  it("pages 20 branches at a time through the double, every page a card Lark accepts", async () => {
    const p = h.db.prisma;
    const big = await p.organization.create({ data: { code: "cv-big", name: "览街道党工委", kind: "COMMITTEE" } });
    const general = await p.organization.create({ data: { code: "cv-big-g", name: "览总支", kind: "GENERAL_BRANCH", parentId: big.id } });
    // 25 branches: 24 directly below, one below the general branch (any depth counts).
    for (let i = 1; i <= 25; i++) {
      await p.organization.create({ data: { code: `cv-big-${i}`, name: `览街道第${i}社区党支部`, kind: "BRANCH", parentId: i === 25 ? general.id : big.id } });
    }
    const head = await seedPerson(p, h.double, { name: "览街道书记", orgId: big.id, roles: ["SECRETARY"] });
    const first = only(await command(h, head, "党委总览"));
    expect(text(first)).toContain("下辖 25 个党支部");
    expect(text(first)).toContain("第 1/2 页");
    const rows = (m: unknown) => buttons(m).filter((v) => v.a === "committee.branch");
    expect(rows(first.content)).toHaveLength(20);
    // Roster order by code: 1, 2, … 10, not 1, 10, 11.
    expect(text(first).indexOf("览街道第2社区党支部")).toBeLessThan(text(first).indexOf("览街道第10社区党支部"));
    const next = buttons(first.content).find((v) => v.a === "committee.overview" && v.n === 2)!;
    const click = await h.double.click({ from: head.openId, messageId: first.message_id, value: next, tag: "button" });
    expect(text({ content: click.card })).toContain("第 2/2 页");
    expect(rows(click.card)).toHaveLength(5);
    expect(text({ content: click.card })).toContain("览街道第25社区党支部");
    const lines = await views("committee.overview.view", head.id);
    expect(lines.map((l) => (l.changes as { page: number }).page)).toEqual([1, 2]);
  });
});

describe("分析 and 走访统计 by the committee", () => {
  it("answers the committee's secretary and affairs worker 分析 with the overview", async () => {
    for (const who of [c.secretary, c.worker]) {
      const said = text(only(await command(h, who, "分析")));
      expect(said).toContain("党委总览 · 2027年第一季度");
      expect(said).toContain("committee.branch");
    }
  });

  it("still gives a branch's secretary the branch analysis, and refuses a branch's affairs worker", async () => {
    const [b1] = c.branches;
    expect(text(only(await command(h, b1.secretary, "分析")))).toContain("支部定期分析 · 2027年第一季度");
    expect(text(only(await command(h, b1.worker, "分析")))).toContain("权限");
  });

  it("sums the visits of every branch below per festival in 走访统计", async () => {
    const said = text(only(await command(h, c.secretary, "走访统计")));
    expect(said).toContain(`${c.name}（3 个支部合计） · 春节`);
    expect(said).toContain("计划 2 · 已完成 1（50%）· 未完成 1 · 逾期 1");
    for (const name of namesOf(c)) expect(said).not.toContain(name);
    expect(await h.db.prisma.auditLog.count({ where: { action: "visit.coverage.view", actorId: c.secretary.id, orgId: c.orgId } })).toBe(1);
  });
});
