// Readable numbers for every kind of request, over the Lark double, PostgreSQL and Redis: aid
// requests, training applications, commendations and questions take their numbers from one
// yearly sequence (a number names one request whatever its kind), the cards and toasts show
// it, and 冲正 finds a training subsidy by its number. An application filed before numbering
// (number null) keeps showing its #id and is still found by it (冲正 培训#7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { file } from "../aid/support.ts";
import { nextRequestNumber } from "../../src/store/request-numbers.ts";
import { cardText, cardTo, clickCard, command, fund, replyTo, seedBranch, startAidHarness, submit, text, toastOf, type Branch } from "./support.ts";
import { eventually, type Harness } from "../support/harness.ts";

let h: Harness;
let a: Branch;

const apply = { course: "电工职业资格（中级）", provider: "市职业技能培训中心", start: "2026-12-01 +0800", end: "2027-01-31 +0800", cost: "1800", asks: ["TIME_OFF", "SUBSIDY"], amount: "500", reason: "社区维修岗位需要持证上岗。" };

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "nb", { prefix: "丑" });
  await fund(h, a.orgId, "PARTY_FEE", 3000);
}, 60_000);
afterAll(async () => h?.close());

/** The member applies for training support; the application as filed and what its receipt says. */
async function applyForTraining(course: string) {
  const form = await replyTo(h, a.member, "培训申请");
  const r = await submit(h, a.member, form, "training-submit", { ...apply, course });
  const row = await h.db.prisma.trainingApplication.findFirstOrThrow({ where: { course } });
  return { r, row };
}

/** The secretary approves an application with a subsidy from its card. */
async function approveTraining(label: string) {
  const card = await cardTo(h, a.secretary, `培训支持审批 · ${label}`);
  return clickCard(h, a.secretary, card, "training-approve", { granted: ["TIME_OFF", "SUBSIDY"], amount: "500", source: "PARTY_FEE" });
}

const seqOf = (n: string | null) => Number(n!.split("-")[1]);

describe("one yearly sequence for every kind of request", () => {
  it("numbers aid, training, commendation and question in the order they are filed, no number given twice", async () => {
    const { req } = await file(h, a.member2);
    const { r, row: app } = await applyForTraining("焊工职业资格（初级）");
    expect(app.number).toMatch(/^\d{4}-\d{4}$/);
    expect(cardText(r)).toContain(`培训支持申请已提交 · ${app.number}`);
    expect(toastOf(r)).toContain(`编号 ${app.number}`);

    const nomination = await replyTo(h, a.leader, `表彰提名 ${a.member.name}`);
    const nominated = await submit(h, a.leader, nomination, "commend-submit", { title: "优秀共产党员", level: "BRANCH", deeds: "连续三年义务维修社区路灯" });
    const c = await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: a.member.id } });
    expect(toastOf(nominated)).toContain(`编号 ${c.number}`);
    expect(cardText(nominated)).toContain(c.number!);
    expect(text(await cardTo(h, a.secretary, `表彰审批 · ${a.member.name}`))).toContain(c.number!);

    const [asked] = await command(h, a.member2, "提问 今年的党费标准有变化吗？");
    const q = await h.db.prisma.question.findFirstOrThrow({ where: { askerId: a.member2.id } });
    expect(text(asked!)).toContain(`编号 ${q.number}`);
    expect(text(await cardTo(h, a.secretary, "党员提问"))).toContain(q.number!);

    const numbers = [req.number, app.number, c.number, q.number];
    expect(numbers.map((n) => n!.slice(0, 4))).toEqual(Array(4).fill(req.number.slice(0, 4)));
    expect(numbers.map(seqOf)).toEqual([1, 2, 3, 4].map((k) => seqOf(req.number) + k - 1));
  });

  // The migration made 2024–2100 ahead of time; a later year is made on first use.
  it("starts a year's sequence after any number of that year already given, of whatever kind", async () => {
    await h.db.prisma.question.create({ data: { number: "2101-0040", orgId: a.orgId, askerId: a.member.id } });
    await h.db.prisma.commendation.create({ data: { number: "2101-0017", orgId: a.orgId, personId: a.member.id, nominatedById: a.leader.id, title: "先进", level: "BRANCH", deeds: "事迹" } });
    const next = await h.db.prisma.$transaction(async (tx) => [await nextRequestNumber(tx, 2101), await nextRequestNumber(tx, 2101)]);
    expect(next).toEqual(["2101-0041", "2101-0042"]);
  });
});

describe("numbers on the cards, and 冲正 by number", () => {
  it("shows the number on the decision, the member's notice and 我的; 冲正 with the number reverses the subsidy", async () => {
    const { row } = await applyForTraining("会计继续教育");
    const label = row.number!;
    const ok = await approveTraining(label);
    expect(toastOf(ok)).toContain(`已批准培训申请 ${label}`);
    expect(text(await cardTo(h, a.member, `培训支持已批准 · ${label}`))).toContain("会计继续教育");
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toContain(`申请 ${label}「会计继续教育」`);

    const [reversed] = await command(h, a.secretary, `冲正 ${label} 课程取消`);
    expect(text(reversed!)).toContain(`已冲正培训申请 ${label} 的补贴 500.00 元`);
    expect((await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("REVERSED");
    expect(text(await cardTo(h, a.member, `培训补贴已冲正 · ${label}`))).toContain("会计继续教育");
  });

  it("keeps #id for an application filed before numbering, and finds it by 培训#id", async () => {
    const { row } = await applyForTraining("民法典学习班");
    // As if filed before training applications were numbered.
    await h.db.prisma.trainingApplication.update({ where: { id: row.id }, data: { number: null } });
    const ok = await clickCard(h, a.secretary, await cardTo(h, a.secretary, `培训支持审批 · ${row.number}`), "training-approve", { granted: ["TIME_OFF", "SUBSIDY"], amount: "500", source: "PARTY_FEE" });
    expect(toastOf(ok)).toContain(`已批准培训申请 #${row.id}`);
    expect(cardText(ok)).toContain(`培训支持审批 · #${row.id}`);
    const [mine] = await command(h, a.member, "我的");
    expect(text(mine!)).toContain(`申请 #${row.id}「民法典学习班」`);

    const [reversed] = await command(h, a.secretary, `冲正 培训#${row.id} 重复发放`);
    expect(text(reversed!)).toContain(`已冲正培训申请 #${row.id} 的补贴`);
    expect((await h.db.prisma.trainingApplication.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("REVERSED");
  });

  it("reopens a training application, a nomination or a question by its number with 审批", async () => {
    const app = await h.db.prisma.trainingApplication.findFirstOrThrow({ where: { course: "焊工职业资格（初级）" } });
    const c = await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: a.member.id, number: { not: { startsWith: "2101" } } } });
    const q = await h.db.prisma.question.findFirstOrThrow({ where: { askerId: a.member2.id } });
    for (const [number, title] of [[app.number!, `培训支持审批 · ${app.number}`], [c.number!, "表彰审批"], [q.number!, "党员提问"]] as const) {
      const copies = () => h.double.messages({ to: a.secretary.openId }).filter((m) => text(m).includes(title) && text(m).includes(number));
      const before = copies().length;
      // The fresh copy goes to the secretary's private chat (not as a reply), like 审批 of an aid request.
      await h.double.say({ from: a.secretary.openId, text: `审批 ${number}` });
      await eventually(() => (copies().length === before + 1 ? true : undefined));
    }
    // A member holding the number is not a decider: refused, and pointed to their own records.
    const [refused] = await command(h, a.member, `审批 ${app.number}`);
    expect(text(refused!)).toContain("无法使用「审批」");
  });

  it("says a commendation's number has nothing to reverse, and an unknown number is not found", async () => {
    const c = await h.db.prisma.commendation.findFirstOrThrow({ where: { personId: a.member.id, number: { not: { startsWith: "2101" } } } });
    const [commendation] = await command(h, a.secretary, `冲正 ${c.number} 原因`);
    expect(text(commendation!)).toContain("是一项表彰提名，没有款项可以冲正");
    const [unknown] = await command(h, a.secretary, "冲正 2026-9999 原因");
    expect(text(unknown!)).toContain("找不到编号为「2026-9999」");
  });
});
