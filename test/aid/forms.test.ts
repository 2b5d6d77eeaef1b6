// The request forms as Feishu Approval's: required fields marked on the cards (Lark draws the red
// asterisk), every problem of a submit reported at once, and a reason that says nothing ("abc",
// "111", "。。。", "没钱") refused, in the aid form and the training application alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aidRequestFormCard } from "../../cards/aid-request.ts";
import { commendFormCard } from "../../cards/commend.ts";
import { jobPostFormCard } from "../../cards/job-post.ts";
import { jobSeekFormCard } from "../../cards/job-seek.ts";
import { trainingFormCard } from "../../cards/training-apply.ts";
import { trainingRecordFormCard } from "../../cards/training-record.ts";
import { describesNeed } from "../../src/domain/aid-rules.ts";
import type { Harness } from "../support/harness.ts";
import { aidState, askForForm, forgeClick, seedBranch, startAidHarness, submitForm, toast, type Branch } from "./support.ts";

describe("describesNeed", () => {
  it.each([
    ["abc", false],
    ["111", false],
    ["。。。", false],
    ["没钱", false],
    ["1234567890123", false],
    ["难难难难难难难难难难难难", false],
    ["哈哈哈哈哈哈哈哈哈哈哈呵", false],
    ["help help help help help", false],
    ["asdfghjklqwertyuiop", false],
    ["住院手术，费用困难", false],
    ["母亲住院手术，医疗费用困难", true],
    ["失业半年，家里没有收入来源", true],
    ["I need help with my hospital bills", true],
    ["家里 3 口人，月收入 800 元", true],
  ])("%s → %s", (reason, ok) => {
    expect(describesNeed(reason)).toBe(ok);
  });
});

/** Every input, select and date picker named `name` in a card, wherever it is nested. */
function field(card: unknown, name: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (x: unknown) => {
    if (found || typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    if (o.name === name && typeof o.tag === "string" && o.tag !== "form" && o.tag !== "button") found = o;
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

describe("required fields are marked on the cards", () => {
  const cases: [string, unknown, string[], string[]][] = [
    ["求助", aidRequestFormCard({ ceilingFen: 500_000 }), ["category", "description"], ["amount"]],
    [
      "培训申请",
      trainingFormCard({ ceilingFen: 500_000, today: "2026-12-03" }),
      ["course", "provider", "start", "end", "reason"],
      ["cost"],
    ],
    ["表彰提名", commendFormCard({ person: { id: 1, name: "张三" }, orgName: "第一党支部" }), ["title", "level", "deeds"], []],
    ["求职登记", jobSeekFormCard({}), ["skills"], ["area", "wishes"]],
    ["岗位发布", jobPostFormCard({ orgId: 1, orgName: "第一党支部", seekers: 2 }), ["type", "title", "details"], ["employer", "pay"]],
    ["培训记录", trainingRecordFormCard({ orgId: 1, orgName: "第一党支部", today: "2026-12-03", people: [] }), ["topic", "held_on", "title"], ["hours"]],
  ];
  it.each(cases)("%s", (_name, card, required, optional) => {
    for (const f of required) expect(field(card, f).required, f).toBe(true);
    for (const f of optional) expect(field(card, f).required, f).toBe(false);
  });
});

describe("a submit reports every problem at once", () => {
  let h: Harness;
  let a: Branch;
  beforeAll(async () => {
    h = await startAidHarness();
    a = await seedBranch(h, "fm", { prefix: "表" });
  });
  afterAll(async () => h?.close());

  it("lists the category and the description together when both are missing", async () => {
    const before = await aidState(h);
    const r = await forgeClick(h, a.member.openId, { a: "aid-submit" }, { amount: "", urgency: "NORMAL" });
    expect(toast(r).type).toBe("error");
    expect(toast(r).content).toBe("请填写以下内容：困难类别；情况说明（至少 10 个字）。");
    expect((await aidState(h)).requests).toEqual(before.requests);
  });

  it("says what is wrong with each field in one toast", async () => {
    const r = await forgeClick(h, a.member.openId, { a: "aid-submit" }, { description: "abc", amount: "很多", urgency: "NORMAL" });
    expect(toast(r).content).toContain("请填写以下内容：困难类别");
    expect(toast(r).content).toContain("情况说明请具体写明情况");
    expect(toast(r).content).toContain("申请金额");
    expect(toast(r).content).toContain("不是数字");
  });

  it.each(["abc", "111", "。。。", "没钱", "help me please"])("refuses the reason %s and files nothing", async (reason) => {
    const form = await askForForm(h, a.member2);
    const r = await submitForm(h, a.member2, form, { category: "LIVING", description: reason, amount: "", urgency: "NORMAL" });
    expect(toast(r).content).toMatch(/情况说明/);
    expect(await h.db.prisma.aidRequest.count({ where: { personId: a.member2.id } })).toBe(0);
  });

  it("files a real reason, in Chinese or in an English sentence", async () => {
    const form = await askForForm(h, a.member2);
    const r = await submitForm(h, a.member2, form, { category: "LIVING", description: "I lost my job and cannot pay the rent this month", amount: "", urgency: "NORMAL" });
    expect(toast(r).type).toBe("success");
    expect(await h.db.prisma.aidRequest.count({ where: { personId: a.member2.id } })).toBe(1);
  });

  it("refuses a training application with an empty course and a thin reason, naming both", async () => {
    const r = await forgeClick(h, a.member.openId, { a: "training-submit" }, { provider: "技校", start: "2026-12-10 +0800", end: "2027-01-10 +0800", asks: ["TIME_OFF"], reason: "学习" });
    expect(toast(r).type).toBe("error");
    expect(toast(r).content).toContain("请填写以下内容：课程名称");
    expect(toast(r).content).toContain("申请理由请具体写明情况");
    expect(await h.db.prisma.trainingApplication.count()).toBe(0);
  });
});
