// 就业帮扶 end to end on a moved clock: members (or their leader) register, 岗位发布 reaches
// exactly the members whose wishes match, at most one card a week each (the rest next week), the
// case stays open until the member reports a job, and the responsible leader is reminded monthly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import type { Harness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { startVisitHarness } from "../visits/helpers.ts";
import { cardTo, clickWith, command, forgeClick, replyTo, seedBranch, submit, text, toastOf, workState, type Branch } from "./support.ts";

let h: Harness;
let a: Branch;
let zhao: SeededPerson;

const at = (local: string) => new Date(`${local}+08:00`);
const jobCards = (who: { openId: string }) => h.double.messages({ to: who.openId }).filter((m) => text(m).includes("就业信息推送"));
/** Job cards ever staged for a person (a card answered with "found work" no longer reads as one). */
const jobCardCount = (personId: number) => h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `job-push-${personId}-` } } });
const settle = () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
  h = await startVisitHarness(at("2027-03-01T10:00:00")); // a Monday, a working day
  a = await seedBranch(h, "we", { prefix: "壬" });
  zhao = await seedPerson(h.db.prisma, h.double, { name: "壬赵五", orgId: a.orgId, roles: [] });
  await h.db.prisma.person.update({ where: { id: a.member2.id }, data: { responsibleLeaderId: a.leader.id } });
});
afterAll(async () => h?.close());

async function register(by: SeededPerson, say: string, form: Record<string, unknown>) {
  const card = await replyTo(h, by, say);
  return { card, r: await submit(h, by, card, "job-seek-submit", form) };
}

async function post(form: Record<string, unknown>) {
  const card = await replyTo(h, a.worker, "岗位发布");
  return submit(h, a.worker, card, "job-post-submit", form);
}

describe("registration", () => {
  it("registers a member for themself or by their leader, and refuses bad input unchanged", async () => {
    const before = await workState(h);
    const bad = await register(a.member, "求职登记", { skills: "  ", kinds: ["SKILLED_TRADE"] });
    expect(toastOf(bad.r)).toContain("请填写技能特长");
    const badKind = await submit(h, a.member, bad.card, "job-seek-submit", { skills: "电工", kinds: ["ASTRONAUT"] });
    expect(toastOf(badKind)).toContain("意向岗位类别选项无效");
    expect((await workState(h)).cases).toEqual(before.cases);

    const own = await submit(h, a.member, bad.card, "job-seek-submit", { skills: "电工证，会开车", kinds: ["SKILLED_TRADE"], area: "榕城区" });
    expect(toastOf(own)).toContain("已登记");
    // By the leader: the member is told; a member without Lark too (the leader passes jobs on).
    const forLi = await register(a.leader, `求职登记 ${a.member2.name}`, { skills: "会计证", kinds: ["OFFICE"] });
    expect(text(forLi.card)).toContain(`代${a.member2.name}登记求职`);
    expect(toastOf(forLi.r)).toContain(`已登记${a.member2.name}`);
    await cardTo(h, a.member2, "求职登记成功");
    await register(a.leader, `求职登记 ${a.offline.name}`, { skills: "缝纫", kinds: ["SKILLED_TRADE"] });
    await register(a.leader, `求职登记 ${zhao.name}`, { skills: "驾驶 C1", kinds: ["LOGISTICS"], area: "榕城" });
    // A member cannot register someone else.
    const [refused] = await command(h, a.member2, `求职登记 ${zhao.name}`);
    expect(text(refused!)).toContain("找不到党员");

    const cases = await h.db.prisma.employmentCase.findMany({ orderBy: { id: "asc" } });
    expect(cases.map((c) => [c.personId, c.status, c.kinds, c.registeredById])).toEqual([
      [a.member.id, "OPEN", ["SKILLED_TRADE"], a.member.id],
      [a.member2.id, "OPEN", ["OFFICE"], a.leader.id],
      [a.offline.id, "OPEN", ["SKILLED_TRADE"], a.leader.id],
      [zhao.id, "OPEN", ["LOGISTICS"], a.leader.id],
    ]);
    // Registering again updates the wishes of the one open case.
    const update = await register(a.member, "求职登记", { skills: "电工证，会开车（C1）", kinds: ["SKILLED_TRADE", "LOGISTICS"], area: "榕城区" });
    expect(toastOf(update.r)).toContain("已更新");
    expect(text(update.card)).toContain("电工证，会开车"); // the form came pre-filled
    expect(await h.db.prisma.employmentCase.count({ where: { personId: a.member.id } })).toBe(1);
    expect((await h.db.prisma.employmentCase.findFirstOrThrow({ where: { personId: a.member.id } })).kinds).toEqual(["SKILLED_TRADE", "LOGISTICS"]);
    expect(await h.db.prisma.auditLog.count({ where: { action: { in: ["employment.case.register", "employment.case.update"] } } })).toBe(5);
  });
});

describe("岗位发布 and the weekly limit", () => {
  it("reaches exactly the members whose wishes match, one card a week each, the rest the next week", async () => {
    const bad = await post({ type: "JOB", title: "维修电工", details: "持证上岗" });
    expect(toastOf(bad)).toContain("请至少选择一项岗位类别");
    expect(await h.db.prisma.jobPosting.count()).toBe(0);

    // A skilled-trade job in 榕城: 张三 (skilled trade, 榕城区) and 王婆婆 (no Lark); not 李四 (office), not 赵五 (driving).
    const first = await post({ type: "JOB", title: "物业维修电工 2 名", employer: "磐东物业", kinds: ["SKILLED_TRADE"], area: "揭阳市榕城区", pay: "5000 元/月", details: "持电工证，包食宿" });
    expect(toastOf(first)).toContain("推送 1 人");
    expect(JSON.stringify(first.card)).toContain(`未使用飞书，请线下转告**（1 人）：${a.offline.name}`);
    const zhangCard = await cardTo(h, a.member, "物业维修电工 2 名");
    expect(text(zhangCard)).toContain("就业信息推送");
    await settle();
    for (const other of [a.member2, zhao, a.leader, a.secretary]) expect(jobCards(other)).toHaveLength(0);

    // A policy note the same week is for everyone looking: 李四 and 赵五 now; 张三 already had this week's card.
    const second = await post({ type: "POLICY", title: "灵活就业社保补贴申领指南", details: "携身份证到街道社保窗口申领" });
    expect(toastOf(second)).toContain("推送 2 人，1 人下周推送");
    await cardTo(h, a.member2, "灵活就业社保补贴申领指南");
    await cardTo(h, zhao, "灵活就业社保补贴申领指南");
    await settle();
    expect(jobCards(a.member)).toHaveLength(1);
    const pushes = await h.db.prisma.jobPush.findMany({ orderBy: { id: "asc" } });
    expect(pushes.map((p) => [p.personId, p.week])).toEqual([
      [a.member.id, "2027-03-01"],
      [a.member.id, null],
      [a.member2.id, "2027-03-01"],
      [zhao.id, "2027-03-01"],
    ]);

    // The weekly run in the same week sends nothing; the next Monday, 张三 gets the held note, once.
    await h.app.maintenance!.run("job-push-weekly");
    await settle();
    expect(jobCards(a.member)).toHaveLength(1);
    h.clock.set(at("2027-03-08T09:45:00"));
    await h.app.maintenance!.run("job-push-weekly");
    await h.app.maintenance!.run("job-push-weekly");
    const held = await cardTo(h, a.member, "灵活就业社保补贴申领指南");
    await settle();
    expect(jobCards(a.member)).toHaveLength(2);
    expect(text(held)).not.toContain("物业维修电工");
    expect((await h.db.prisma.jobPush.findFirstOrThrow({ where: { personId: a.member.id, week: "2027-03-08" } })).postingId).toBeGreaterThan(0);
    for (const other of [a.member2, zhao]) expect(jobCards(other)).toHaveLength(1);

    // A job posted after that card, in the same week, waits for the next one.
    const third = await post({ type: "JOB", title: "快递分拣员", kinds: ["LOGISTICS"], area: "榕城", details: "夜班" });
    expect(toastOf(third)).toContain("推送 1 人，1 人下周推送");
    await cardTo(h, zhao, "快递分拣员");
    await settle();
    expect(jobCards(a.member)).toHaveLength(2);
    expect(await h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `job-push-${a.member.id}-` } } })).toBe(2);
  });

  it("closes the case when the member reports a job, and sends nothing held after that", async () => {
    const card = jobCards(a.member)[1]!;
    const stranger = await forgeClick(h, a.member2.openId, { a: "job-found", c: (await h.db.prisma.employmentCase.findFirstOrThrow({ where: { personId: a.member.id } })).id }, {});
    expect(stranger.toast?.content).toContain("没有进行此操作的权限");
    const found = await submit(h, a.member, card, "job-found", { note: "磐东物业 维修电工" });
    expect(toastOf(found)).toContain("求职登记结束");
    const c = await h.db.prisma.employmentCase.findFirstOrThrow({ where: { personId: a.member.id }, include: { events: true } });
    expect(c).toMatchObject({ status: "EMPLOYED", outcome: "磐东物业 维修电工" });
    expect(c.employedOn?.toISOString().slice(0, 10)).toBe("2027-03-08");
    expect(c.events.map((e) => e.type)).toEqual(["REGISTERED", "UPDATED", "EMPLOYED"]);
    const again = await clickWith(h, a.member, card as SentMessage, { a: "job-found", c: c.id }, {});
    expect(toastOf(again)).toContain("已经结束");

    h.clock.set(at("2027-03-15T09:45:00"));
    await h.app.maintenance!.run("job-push-weekly");
    await settle();
    expect(await jobCardCount(a.member.id)).toBe(2);
    const [none] = await command(h, a.member, "已就业");
    expect(text(none!)).toContain("您目前没有求职登记");
  });
});

describe("monthly check-in", () => {
  it("reminds the responsible leader (else the secretary) once a month until the member finds work", async () => {
    h.clock.set(at("2027-04-08T10:15:00"));
    await h.app.maintenance!.run("employment-checkin");
    await h.app.maintenance!.run("employment-checkin");
    const forLi = await cardTo(h, a.leader, `就业帮扶月度回访 · ${a.member2.name}`);
    await cardTo(h, a.secretary, `就业帮扶月度回访 · ${zhao.name}`);
    await cardTo(h, a.secretary, `就业帮扶月度回访 · ${a.offline.name}`);
    await settle();
    const reminders = () => h.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "employment-checkin-" } }, select: { receiveId: true } });
    expect(await reminders()).toHaveLength(3);
    expect(h.double.messages().some((m) => text(m).includes(`就业帮扶月度回访 · ${a.member.name}`))).toBe(false); // employed: no reminder

    const forged = await forgeClick(h, a.member2.openId, { a: "job-check-in", c: (await h.db.prisma.employmentCase.findFirstOrThrow({ where: { personId: a.member2.id } })).id }, { note: "自己回访自己" });
    expect(forged.toast?.content).toContain("没有进行此操作的权限");
    const logged = await submit(h, a.leader, forLi, "job-check-in", { note: "已推荐两家单位面试" });
    expect(toastOf(logged)).toContain("已记录");
    const twice = await clickWith(h, a.leader, forLi, { a: "job-check-in", c: (await h.db.prisma.employmentCase.findFirstOrThrow({ where: { personId: a.member2.id } })).id }, { note: "再记一次" });
    expect(toastOf(twice)).toContain("今天已记录过回访");
    const li = await h.db.prisma.employmentCase.findFirstOrThrow({ where: { personId: a.member2.id }, include: { events: true } });
    expect(li.lastCheckInOn?.toISOString().slice(0, 10)).toBe("2027-04-08");
    expect(li.events.filter((e) => e.type === "CHECK_IN")).toHaveLength(1);

    // Later the same month: nothing new. A month after the check-in: 李四 again; 赵五 is owed one every month.
    h.clock.set(at("2027-04-28T10:15:00"));
    await h.app.maintenance!.run("employment-checkin");
    await settle();
    expect(await reminders()).toHaveLength(3);
    h.clock.set(at("2027-05-10T10:15:00"));
    await h.app.maintenance!.run("employment-checkin");
    expect((await reminders()).map((r) => r.receiveId).sort()).toEqual([a.leader, a.leader, a.secretary, a.secretary, a.secretary, a.secretary].map((p) => p.openId).sort());
    await cardTo(h, a.secretary, `就业帮扶月度回访 · ${zhao.name}`, 1);
  });
});
