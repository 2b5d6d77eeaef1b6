// The membership lifecycle from chat (issue 13, point 1): a secretary records a transfer out
// (inside the system and outside it), a transfer in, a death, a departure, a suspension and its
// restoring; each answers a confirmation card, only 确认 writes, and 撤销 restores exactly.
// Over PostgreSQL, Redis and the Lark double, the clock on 2026-12-03 in Shanghai.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import type { Harness } from "../support/harness.ts";
import { opened } from "../support/sealed.ts";
import { seedOrg, type SeededPerson } from "../support/seed.ts";
import { buttons, cardsTo, command, day, morning, person, settle, startVisitHarness, text } from "../visits/helpers.ts";

let h: Harness;
let b1: number;
let b2: number;
let sec: SeededPerson, deputy: SeededPerson, leader: SeededPerson, sec2: SeededPerson;
let zhang: SeededPerson, li: SeededPerson, wang: SeededPerson, zhao: SeededPerson, outsider: SeededPerson, qian: SeededPerson;
const ids: Record<string, number> = {};

const toastOf = (r: { toast?: unknown }) => JSON.stringify(r.toast ?? "");
const db = () => h.db.prisma;
const memberships = (personId: number) => db().membership.findMany({ where: { personId }, orderBy: { id: "asc" } });

/** Says a command and returns the bot's answer with its buttons. */
async function ask(from: SeededPerson, words: string): Promise<SentMessage> {
  return command(h, from.openId, words);
}

function buttonOf(m: SentMessage | { card: unknown }, action: string): Record<string, unknown> {
  const b = buttons("content" in m ? m.content : m.card).find((v) => v.a === action);
  if (!b) throw new Error(`no ${action} button in ${JSON.stringify("content" in m ? m.content : m.card).slice(0, 400)}`);
  return b;
}

const click = (from: SeededPerson, m: SentMessage, value: Record<string, unknown>) => h.double.click({ from: from.openId, messageId: m.message_id, value });

/** Everything a refused input must leave as it was. */
async function snapshot() {
  const [changes, ms, persons, audits, tasks, visits] = await Promise.all([
    db().membershipChange.findMany({ orderBy: { id: "asc" } }),
    db().membership.findMany({ orderBy: { id: "asc" } }),
    db().person.count(),
    db().auditLog.count(),
    db().talkTask.findMany({ orderBy: { id: "asc" } }),
    db().visitTask.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ changes, ms, persons, audits, tasks, visits });
}

/** A member with something open in every area: talks, an urgent talk and its follow-up, a visit, a hardship entry, a pairing, a job search, a training application, an aid request and a paid one. */
async function openEverything(memberId: number, orgId: number) {
  const talk = await db().talk.create({ data: { orgId, memberId, leaderId: leader.id, heldOn: day("2026-06-01"), form: "IN_PERSON", thinking: "稳定" } });
  await db().followUp.create({ data: { talkId: talk.id, ownerId: leader.id, description: "联系社区", dueOn: day("2026-12-20") } });
  await db().talkTask.create({ data: { orgId, memberId, leaderId: leader.id, reason: "FLAGGED", dueOn: day("2026-12-10") } });
  await db().visitTask.create({ data: { orgId, memberId, visitorId: leader.id, festival: "SPRING_FESTIVAL", year: 2027, reason: "HARDSHIP", dueOn: day("2027-02-06") } });
  await db().hardshipEntry.create({ data: { orgId, personId: memberId, causes: ["ILLNESS"], level: "SERIOUS", household: "独居", nextReviewOn: day("2027-03-01") } });
  await db().pairing.create({ data: { orgId, memberId, helperKind: "LEADER", helperPersonId: leader.id, startOn: day("2026-01-01") } });
  await db().employmentCase.create({ data: { orgId, personId: memberId, registeredById: sec.id, skills: "电工", openedOn: day("2026-10-01") } });
  await db().trainingApplication.create({ data: { orgId, personId: memberId, course: "电工证", provider: "职校", startOn: day("2027-01-10"), endOn: day("2027-02-10"), reason: "考证", asks: ["SUBSIDY"], requestedFen: 50_000 } });
  await db().aidRequest.create({ data: { number: `2026-${String(memberId).padStart(4, "0")}`, orgId, personId: memberId, filedById: memberId, category: "ILLNESS", description: "住院", requestedFen: 100_000 } });
  const paid = await db().aidRequest.create({
    data: { number: `2026-9${String(memberId).padStart(3, "0")}`, orgId, personId: memberId, filedById: memberId, category: "LIVING", description: "生活", status: "APPROVED", approvedFen: 30_000, fundSource: "PARTY_FEE", decidedById: sec.id },
  });
  await db().fundEntry.create({ data: { orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 30_000, payeeId: memberId, aidRequestId: paid.id, recordedById: sec.id } });
}

beforeAll(async () => {
  h = await startVisitHarness(morning("2026-12-03"));
  b1 = (await seedOrg(db(), "b1", "第一党支部")).id;
  b2 = (await seedOrg(db(), "b2", "第二党支部")).id;
  sec = await person(h, { name: "王书记", orgId: b1, roles: ["SECRETARY", "LEADER"] });
  deputy = await person(h, { name: "孙副书记", orgId: b1, roles: ["SECRETARY"] });
  leader = await person(h, { name: "李明", orgId: b1, roles: ["LEADER"] });
  sec2 = await person(h, { name: "赵书记", orgId: b2, roles: ["SECRETARY"] });
  zhang = await person(h, { name: "张三", orgId: b1, leaderId: leader.id, joined: "2001-07-01" });
  li = await person(h, { name: "李四", orgId: b1, leaderId: leader.id, joined: "1970-07-01", birth: "1940-01-01" });
  wang = await person(h, { name: "王五", orgId: b1, joined: "2010-05-01" });
  zhao = await person(h, { name: "赵六", orgId: b1 });
  outsider = await person(h, { name: "外支部党员", orgId: b2 });
  qian = await person(h, { name: "钱八", orgId: b1 });
  await db().membership.updateMany({ where: { orgId: b1 }, data: { since: day("2015-01-01") } });
  await openEverything(zhang.id, b1);
  await openEverything(li.id, b1);
  await openEverything(qian.id, b1);
  await db().fundBalance.create({ data: { orgId: b1, source: "PARTY_FEE", balanceFen: 200_000 } });
});
afterAll(async () => h?.close());

describe("a transfer to a branch in the system", () => {
  let confirm: SentMessage;
  let done: { card: unknown; toast?: unknown };

  it("answers a confirmation card that says exactly what will happen, and writes nothing", async () => {
    const before = await snapshot();
    confirm = await ask(sec, "转出 张三 到 第二党支部 2026-12-01 随子女迁居");
    const c = text(confirm);
    expect(c).toContain("请确认：组织关系转出");
    expect(c).toContain("第二党支部（本系统内）");
    expect(c).toContain("谈心记录 1 项随转至第二党支部");
    expect(c).toContain("未完成的走访任务 1 项随转至第二党支部");
    expect(c).toContain("困难党员档案（含定期复核） 1 项随转至第二党支部");
    expect(c).toContain("进行中的结对帮扶 1 项随转至第二党支部");
    expect(c).toContain("未完成的谈心任务 1 项将关闭");
    expect(c).toContain("未完成的谈心跟进事项 1 项将关闭");
    expect(c).toContain("就业帮扶登记 1 项将关闭");
    expect(c).toContain("待审批的培训申请 1 项将关闭");
    expect(c).toContain("待审批的帮扶申请 1 项将关闭");
    expect(buttonOf(confirm, "roster-change-confirm")).toMatchObject({ k: "TRANSFER_OUT", p: zhang.id, o: b1, d: "2026-12-01", to: b2 });
    expect(await snapshot()).toBe(before);
  });

  it("取消 changes nothing and says so", async () => {
    const other = await ask(sec, "转出 张三 到 b2 2026-12-01");
    const before = await snapshot();
    const r = await click(sec, other, buttonOf(other, "roster-change-cancel"));
    expect(JSON.stringify(r.card)).toContain("未做任何更改");
    expect(await snapshot()).toBe(before);
  });

  it("确认 ends the old membership, hands the member's care to the new branch, closes the rest, and leaves the money where it was paid", async () => {
    const balance = await db().fundBalance.findMany();
    const fund = await db().fundEntry.findMany({ where: { payeeId: zhang.id } });
    done = await click(sec, confirm, buttonOf(confirm, "roster-change-confirm"));
    expect(toastOf(done)).toContain("已登记");
    expect(JSON.stringify(done.card)).toContain("已登记：组织关系转出");
    expect(buttonOf(done, "roster-change-undo")).toBeDefined();

    const change = opened("MembershipChange", await db().membershipChange.findFirstOrThrow({ where: { personId: zhang.id } }));
    expect(change).toMatchObject({ kind: "TRANSFER_OUT", orgId: b1, otherOrgId: b2, status: "APPLIED", recordedById: sec.id, note: "随子女迁居" });
    const ms = await memberships(zhang.id);
    expect(ms.find((m) => m.orgId === b1)).toMatchObject({ status: "ENDED", endedOn: day("2026-12-01"), changeId: change.id });
    expect(ms.find((m) => m.orgId === b2)).toMatchObject({ status: "ACTIVE", role: "MEMBER", since: day("2026-12-01") });

    expect((await db().talk.findMany({ where: { memberId: zhang.id } })).map((t) => t.orgId)).toEqual([b2]);
    expect(await db().hardshipEntry.findFirstOrThrow({ where: { personId: zhang.id } })).toMatchObject({ orgId: b2, status: "ACTIVE" });
    // The old branch's leader does not follow the member: the receiving secretary takes the visit.
    expect(await db().visitTask.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ orgId: b2, status: "OPEN", visitorId: sec2.id });
    expect(await db().pairing.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ orgId: b2, endOn: null });
    const reason = "组织关系转出至第二党支部（2026-12-01）";
    expect(await db().talkTask.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ status: "CANCELLED", closedReason: reason });
    expect(await db().followUp.findFirstOrThrow({ where: { talk: { memberId: zhang.id } } })).toMatchObject({ status: "CANCELLED", closedReason: reason });
    expect(await db().employmentCase.findFirstOrThrow({ where: { personId: zhang.id } })).toMatchObject({ status: "CLOSED", outcome: reason });
    expect(opened("TrainingApplication", await db().trainingApplication.findFirstOrThrow({ where: { personId: zhang.id } }))).toMatchObject({ status: "CANCELLED", decisionNote: reason });
    expect(opened("AidRequest", await db().aidRequest.findFirstOrThrow({ where: { personId: zhang.id, status: { not: "APPROVED" } } }))).toMatchObject({ status: "CANCELLED", decisionNote: reason });
    expect((await db().person.findUniqueOrThrow({ where: { id: zhang.id } })).responsibleLeaderId).toBeNull();
    // Money stays where it was paid: the entries keep their branch, the balances do not move.
    expect(await db().fundEntry.findMany({ where: { payeeId: zhang.id } })).toEqual(fund);
    expect(await db().fundBalance.findMany()).toEqual(balance);

    const audits = await db().auditLog.findMany({ where: { subjectType: "MembershipChange", subjectId: String(change.id) } });
    expect(audits.map((a) => [a.action, a.orgId]).sort()).toEqual([["membership.change", b1], ["membership.change.receive", b2]]);

    await settle(h);
    expect(cardsTo(h, sec2.openId, "组织关系转入通知").map(text).join()).toContain("张三");
    expect(cardsTo(h, deputy.openId, "组织关系变动通知").map(text).join()).toContain("组织关系转出至第二党支部");
    expect(cardsTo(h, sec.openId, "组织关系变动通知")).toHaveLength(0);
  });

  it("a second 确认 on the same card is refused and changes nothing", async () => {
    const before = await snapshot();
    const r = await click(sec, confirm, { a: "roster-change-confirm", k: "TRANSFER_OUT", p: zhang.id, o: b1, d: "2026-12-01", to: b2, n: "随子女迁居" });
    expect(toastOf(r)).toMatch(/已不在本支部名册中|已登记/);
    expect(await snapshot()).toBe(before);
  });

  it("撤销 restores exactly what was there, and tells both secretaries", async () => {
    const r = await h.double.click({ from: sec.openId, messageId: confirm.message_id, value: buttonOf(done, "roster-change-undo") });
    expect(toastOf(r)).toContain("已撤销");
    expect(JSON.stringify(r.card)).toContain("已撤销：组织关系转出");
    const ms = await memberships(zhang.id);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ orgId: b1, status: "ACTIVE", endedOn: null, changeId: null, since: day("2015-01-01") });
    expect((await db().talk.findMany({ where: { memberId: zhang.id } })).map((t) => t.orgId)).toEqual([b1]);
    expect(await db().hardshipEntry.findFirstOrThrow({ where: { personId: zhang.id } })).toMatchObject({ orgId: b1, status: "ACTIVE" });
    expect(await db().visitTask.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ orgId: b1, status: "OPEN", visitorId: leader.id });
    expect(await db().pairing.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ orgId: b1 });
    expect(await db().talkTask.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ status: "OPEN", closedReason: null });
    expect(await db().followUp.findFirstOrThrow({ where: { talk: { memberId: zhang.id } } })).toMatchObject({ status: "OPEN", closedReason: null });
    expect(await db().employmentCase.findFirstOrThrow({ where: { personId: zhang.id } })).toMatchObject({ status: "OPEN", outcome: null });
    expect(await db().trainingApplication.findFirstOrThrow({ where: { personId: zhang.id } })).toMatchObject({ status: "PENDING", decisionNote: null, decidedById: null });
    expect(await db().aidRequest.findFirstOrThrow({ where: { personId: zhang.id, status: { not: "APPROVED" } } })).toMatchObject({ status: "PENDING", decisionNote: null });
    expect((await db().person.findUniqueOrThrow({ where: { id: zhang.id } })).responsibleLeaderId).toBe(leader.id);
    expect(await db().hardshipHistory.count({ where: { entry: { personId: zhang.id } } })).toBe(0);
    expect(await db().membershipChange.findFirstOrThrow({ where: { personId: zhang.id } })).toMatchObject({ status: "REVERTED", revertedById: sec.id });
    expect(await db().auditLog.count({ where: { action: "membership.change.revert" } })).toBe(2);
    await settle(h);
    expect(cardsTo(h, sec2.openId, "组织关系变动已撤销")).toHaveLength(1);
    expect(cardsTo(h, deputy.openId, "组织关系变动已撤销")).toHaveLength(1);
  });

  it("reversing twice is refused, by the button and by the command, and changes nothing", async () => {
    const before = await snapshot();
    const r = await h.double.click({ from: sec.openId, messageId: confirm.message_id, value: buttonOf(done, "roster-change-undo") });
    expect(toastOf(r)).toContain("该变动已经撤销");
    const said = await ask(sec, "撤销变动 张三");
    expect(text(said)).toContain("该变动已经撤销");
    expect(await snapshot()).toBe(before);
  });
});

describe("a death", () => {
  it("records the day, ends the roles, closes everything open, and opens a condolence visit for the responsible leader", async () => {
    const card = await ask(sec, "去世 李四 2026-11-30");
    expect(text(card)).toContain("安排一次慰问家属走访");
    expect(text(card)).toContain("未完成的走访任务 1 项将关闭");
    const r = await click(sec, card, buttonOf(card, "roster-change-confirm"));
    expect(toastOf(r)).toContain("已登记");
    const p = await db().person.findUniqueOrThrow({ where: { id: li.id } });
    expect(p.deceasedOn).toEqual(day("2026-11-30"));
    expect(await memberships(li.id)).toEqual([expect.objectContaining({ status: "ENDED", endedOn: day("2026-11-30") })]);
    const reason = "党员去世（2026-11-30）";
    expect(await db().visitTask.findFirstOrThrow({ where: { memberId: li.id, festival: "SPRING_FESTIVAL" } })).toMatchObject({ status: "CANCELLED", closedReason: reason });
    expect(await db().hardshipEntry.findFirstOrThrow({ where: { personId: li.id } })).toMatchObject({ status: "RESOLVED", resolvedReason: reason, orgId: b1 });
    expect(await db().pairing.findFirstOrThrow({ where: { memberId: li.id } })).toMatchObject({ endOn: day("2026-11-29"), endedReason: reason });
    // History stays in the branch: the talk record and the paid aid are still the branch's.
    expect(await db().talk.findFirstOrThrow({ where: { memberId: li.id } })).toMatchObject({ orgId: b1 });
    expect(await db().fundEntry.findFirstOrThrow({ where: { payeeId: li.id } })).toMatchObject({ orgId: b1 });
    const condolence = await db().visitTask.findFirstOrThrow({ where: { memberId: li.id, eventKind: "CONDOLENCE" } });
    expect(condolence).toMatchObject({ orgId: b1, visitorId: leader.id, status: "OPEN", dueOn: day("2026-12-06") });
    expect(condolence.reason).toContain("慰问家属");
    await settle(h);
    expect(cardsTo(h, leader.openId, "走访上报：李四").map(text).join()).toContain("党员去世·慰问家属");
  });

  it("the condolence visit is chased like any other once late, although its member no longer counts", async () => {
    const before = cardsTo(h, leader.openId, "走访任务已逾期").length;
    const was = h.clock.now();
    // Due 2026-12-06 (a Sunday); the visitor is reminded the day after, Monday 2026-12-07, at 09:30 in Shanghai.
    h.clock.set(new Date("2026-12-07T01:30:00Z"));
    try {
      expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ late: 1, reminded: 1 });
      await settle(h);
    } finally {
      h.clock.set(was);
    }
    const late = cardsTo(h, leader.openId, "走访任务已逾期").slice(before);
    expect(late.map(text).join()).toContain("李四");
  });

  it("a branch that does not want condolence visits gets none", async () => {
    await db().organization.update({ where: { id: b1 }, data: { settings: { roster: { condolenceVisit: false } } } });
    const card = await ask(sec, "去世 钱八 2026-12-02");
    expect(text(card)).not.toContain("慰问家属");
    await click(sec, card, buttonOf(card, "roster-change-confirm"));
    expect(await db().visitTask.count({ where: { memberId: qian.id, eventKind: "CONDOLENCE" } })).toBe(0);
    expect((await db().person.findUniqueOrThrow({ where: { id: qian.id } })).deceasedOn).toEqual(day("2026-12-02"));
    await db().organization.update({ where: { id: b1 }, data: { settings: {} } });
  });
});

describe("leaving, suspension and restoring", () => {
  it("退党 is one kind (LEFT) with the word kept in the note", async () => {
    const card = await ask(sec, "退党 王五 2026-12-01 本人申请");
    await click(sec, card, buttonOf(card, "roster-change-confirm"));
    const left = await db().membershipChange.findFirstOrThrow({ where: { personId: wang.id } });
    // The note is sealed at rest like other free text about a member.
    expect(left.note).toMatch(/^enc1:/);
    expect(opened("MembershipChange", left)).toMatchObject({ kind: "LEFT", note: "退党：本人申请" });
    expect(await memberships(wang.id)).toEqual([expect.objectContaining({ status: "ENDED" })]);
  });

  it("停止党籍 keeps the member on the roll as SUSPENDED, 恢复党籍 makes them active again", async () => {
    const card = await ask(sec, "停止党籍 赵六 2026-12-01");
    await click(sec, card, buttonOf(card, "roster-change-confirm"));
    expect(await memberships(zhao.id)).toEqual([expect.objectContaining({ status: "SUSPENDED", endedOn: day("2026-12-01") })]);
    const again = await ask(sec, "停止党籍 赵六");
    expect(text(again)).toContain("处于停止党籍状态");
    const back = await ask(sec, "恢复党籍 赵六 2026-12-03");
    expect(text(back)).toContain("恢复其在第一党支部的身份");
    await click(sec, back, buttonOf(back, "roster-change-confirm"));
    expect(await memberships(zhao.id)).toEqual([expect.objectContaining({ status: "ACTIVE", endedOn: null })]);
    const twice = await ask(sec, "恢复党籍 赵六");
    expect(text(twice)).toContain("未被停止党籍");
  });
});

describe("transfers with the outside world", () => {
  it("转入 creates the person and an active membership from the day", async () => {
    const card = await ask(sec, "转入 孙九 13900001111 2026-12-02 来自 外省某党支部");
    expect(text(card)).toContain("新建党员「孙九」");
    expect(text(card)).toContain("外省某党支部");
    const r = await click(sec, card, buttonOf(card, "roster-change-confirm"));
    expect(toastOf(r)).toContain("已登记");
    const p = await db().person.findUniqueOrThrow({ where: { mobile: "13900001111" }, include: { memberships: true } });
    expect(p.name).toBe("孙九");
    expect(p.memberships).toEqual([expect.objectContaining({ orgId: b1, role: "MEMBER", status: "ACTIVE", since: day("2026-12-02") })]);
    expect(await db().membershipChange.findFirstOrThrow({ where: { personId: p.id } })).toMatchObject({ kind: "TRANSFER_IN", otherOrgName: "外省某党支部" });
  });

  it("转入 of someone still on another branch's roll is refused, saying who records it", async () => {
    const mobile = (await db().person.findUniqueOrThrow({ where: { id: outsider.id } })).mobile!;
    const before = await snapshot();
    const said = await ask(sec, `转入 外支部党员 ${mobile} 2026-12-01`);
    expect(text(said)).toContain("第二党支部在册");
    expect(await snapshot()).toBe(before);
  });

  it("转出 to an organisation outside the system closes everything and creates nothing elsewhere", async () => {
    const card = await ask(sec, "转出 张三 到系统外 某市某党支部 2026-12-02");
    expect(text(card)).toContain("（系统外）");
    expect(text(card)).toContain("未完成的走访任务 1 项将关闭");
    await click(sec, card, buttonOf(card, "roster-change-confirm"));
    expect(await memberships(zhang.id)).toEqual([expect.objectContaining({ orgId: b1, status: "ENDED" })]);
    expect(await db().membershipChange.findFirstOrThrow({ where: { personId: zhang.id, status: "APPLIED" } })).toMatchObject({ otherOrgId: null, otherOrgName: "某市某党支部" });
    expect(await db().visitTask.findFirstOrThrow({ where: { memberId: zhang.id } })).toMatchObject({ status: "CANCELLED", orgId: b1 });
  });
});

describe("bad input: a Chinese answer that says what to fix, and nothing changes", () => {
  it.each([
    ["a transfer to an unknown branch", "转出 赵六 到 第九党支部 2026-12-01", "系统中没有名称或代码为「第九党支部」的党支部"],
    ["a date in the future", "停止党籍 赵六 2026-12-10", "晚于今天"],
    ["a date before joining the branch", "停止党籍 赵六 2014-12-31", "早于其加入本支部的日期 2015-01-01"],
    ["a date that does not exist", "停止党籍 赵六 2026-02-30", "不是有效日期"],
    ["a date before the member's last change", "停止党籍 赵六 2026-12-02", "早于其上一次组织关系变动"],
    ["a member of another branch", "去世 外支部党员 2026-12-01", "在您任书记的支部中找不到党员「外支部党员」"],
    ["a member already gone", "去世 王五 2026-12-02", "已不在本支部名册中"],
    ["a transfer to the same branch", "转出 赵六 到 第一党支部", "转入支部与转出支部相同"],
    ["a transfer in with a bad mobile", "转入 周十 12345", "不正确，请填写 11 位手机号"],
    ["a command without a member", "去世", "请这样写"],
    ["a secretary's own departure", "离开 王书记 2026-12-01", "不能为自己登记"],
  ])("refuses %s", async (_name, words, answer) => {
    const before = await snapshot();
    const said = await ask(sec, words);
    expect(text(said)).toContain(answer);
    expect(await snapshot()).toBe(before);
  });

  it("refuses someone who is not a secretary", async () => {
    const before = await snapshot();
    const said = await ask(leader, "去世 赵六 2026-12-01");
    expect(text(said)).toContain("没有进行此操作的权限");
    expect(await snapshot()).toBe(before);
  });

  it("refuses a forged 确认 for another branch's member", async () => {
    const card = await ask(sec, "停止党籍 赵六 2026-12-03");
    const before = await snapshot();
    const r = await click(sec, card, { a: "roster-change-confirm", k: "DEATH", p: outsider.id, o: b2, d: "2026-12-01" });
    expect(toastOf(r)).toContain("没有进行此操作的权限");
    expect(await snapshot()).toBe(before);
  });

  it("refuses an undo after the branch's undo period, by button and command", async () => {
    const card = await ask(sec, "停止党籍 赵六 2026-12-03");
    const done = await click(sec, card, buttonOf(card, "roster-change-confirm"));
    h.clock.set(morning("2027-01-03"));
    const before = await snapshot();
    const r = await click(sec, card, buttonOf(done, "roster-change-undo"));
    expect(toastOf(r)).toContain("撤销期限（30 天）已于 2027-01-02 届满");
    const said = await ask(sec, "撤销变动 赵六");
    expect(text(said)).toContain("撤销期限");
    expect(await snapshot()).toBe(before);
  });
});
