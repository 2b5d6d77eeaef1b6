// Pairing (结对) from the secretary's card, monthly contact reminders, contacts logged from the
// cards, and lost-contact alerts for mobile members, over PostgreSQL, Redis and the Lark double
// with the clock moved month by month.
import { opened } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness.ts";
import { seedOrg, type SeededPerson } from "../support/seed.ts";
import { buttons, cardsTo, command, morning, person, settle, startVisitHarness, text } from "./helpers.ts";

let h: Harness;
let b1: number;
let sec: SeededPerson, l1: SeededPerson, l2: SeededPerson, helper: SeededPerson, poor: SeededPerson, mob1: SeededPerson, mob2: SeededPerson, mob3: SeededPerson, other: SeededPerson;
let pairingCardId: string;

const toastText = (r: { toast?: unknown }) => JSON.stringify(r.toast ?? "");
const contacts = (run = "visit-contacts") => h.app.maintenance!.run(run) as Promise<{ reminders: number; lost: number }>;

beforeAll(async () => {
  h = await startVisitHarness(morning("2027-06-01"));
  b1 = (await seedOrg(h.db.prisma, "b1", "第一党支部")).id;
  const b2 = (await seedOrg(h.db.prisma, "b2", "第二党支部")).id;
  sec = await person(h, { name: "王书记", orgId: b1, roles: ["SECRETARY", "LEADER"] });
  l1 = await person(h, { name: "李明", orgId: b1, roles: ["LEADER"] });
  l2 = await person(h, { name: "陈芳", orgId: b1, roles: ["LEADER"] });
  helper = await person(h, { name: "帮扶人", orgId: b1 });
  poor = await person(h, { name: "困难党员", orgId: b1 });
  mob1 = await person(h, { name: "流动甲", orgId: b1, tags: ["MOBILE"], leaderId: l1.id, whereabouts: "深圳市南山区（务工）" });
  mob2 = await person(h, { name: "流动乙", orgId: b1, tags: ["MOBILE"], leaderId: l1.id, whereabouts: "东莞市" });
  mob3 = await person(h, { name: "流动丙", orgId: b1, tags: ["MOBILE"] });
  other = await person(h, { name: "外支部党员", orgId: b2 });
  // On the roster since 1 May: with no contact ever, they count as lost from 1 August.
  await h.db.prisma.person.updateMany({ where: { id: { in: [mob1.id, mob2.id, mob3.id] } }, data: { createdAt: new Date("2027-05-01T02:00:00Z") } });
});
afterAll(async () => h?.close());

const pairingForm = (over: Record<string, unknown> = {}) => ({ member: "困难党员", kind: "MEMBER", helper: "帮扶人", department: "", startOn: "2027-06-01 +0800", endOn: "", ...over });
const createPairing = (from: string, messageId: string, formValue: Record<string, unknown>) =>
  h.double.click({ from, messageId, value: { a: "visit-pairing-create", org: b1 }, formValue, name: "submit" });

describe("结对 (pairing)", () => {
  it("shows the secretary the pairing card, and not a leader", async () => {
    const card = await command(h, sec.openId, "结对");
    expect(text(card)).toContain("新增结对");
    pairingCardId = card.message_id;
    expect(text(await command(h, l1.openId, "结对"))).toContain("没有进行此操作的权限");
  });

  it.each([
    ["a department link without a department", { kind: "DEPARTMENT", helper: "" }, "须填写部门名称"],
    ["an unknown helper", { helper: "查无此人" }, "没有找到帮扶人"],
    ["a member of another branch", { member: "外支部党员" }, "没有找到本支部党员"],
    ["a leader link with a helper who is no leader", { kind: "LEADER" }, "不是党员领导干部"],
    ["an end before the start", { endOn: "2027-05-01 +0800" }, "结束日期不能早于开始日期"],
    ["the member as their own helper", { helper: "困难党员" }, "不能是被帮扶党员本人"],
  ])("refuses %s and creates nothing", async (_n, over, message) => {
    const r = await createPairing(sec.openId, pairingCardId, pairingForm(over));
    expect(toastText(r)).toContain(message);
    expect(await h.db.prisma.pairing.count()).toBe(0);
  });

  it("refuses a leader who forges the secretary's button", async () => {
    const mine = await command(h, l1.openId, "走访");
    const r = await createPairing(l1.openId, mine.message_id, pairingForm());
    expect(toastText(r)).toContain("没有进行此操作的权限");
    expect(await h.db.prisma.pairing.count()).toBe(0);
  });

  it("pairs a helper with a member, tells the helper, and refuses the same pair twice", async () => {
    const r = await createPairing(sec.openId, pairingCardId, pairingForm());
    expect(toastText(r)).toContain("已建立结对");
    expect(JSON.stringify(r.card)).toContain("困难党员 ← 帮扶人");
    const rows = await h.db.prisma.pairing.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orgId: b1, memberId: poor.id, helperKind: "MEMBER", helperPersonId: helper.id, endOn: null, createdById: sec.id });
    await settle(h);
    expect(cardsTo(h, helper.openId, "结对帮扶安排")).toHaveLength(1);
    expect(toastText(await createPairing(sec.openId, pairingCardId, pairingForm()))).toContain("已与该帮扶人结对");
    expect(await h.db.prisma.pairing.count()).toBe(1);
    // A department link with a contact person.
    expect(toastText(await createPairing(sec.openId, pairingCardId, pairingForm({ kind: "DEPARTMENT", department: "街道民政科", helper: "陈芳" })))).toContain("已建立结对");
  });

  it("audits every list by the members shown on it, so each can see it in 谁看过我的档案", async () => {
    // The pairing card redrawn after each pairing listed the member.
    const pairingViews = await h.db.prisma.auditLog.findMany({ where: { action: "pairing.list.view" } });
    expect(pairingViews.map((v) => v.subjectPersonId)).toContain(poor.id);
    expect(pairingViews.every((v) => v.subjectPersonId !== null)).toBe(true);
    // A leader's 走访 lists the mobile members they lead: one line about each.
    await command(h, l1.openId, "走访");
    const listed = await h.db.prisma.auditLog.findMany({ where: { action: "visit.list.view", actorId: l1.id } });
    expect(listed.map((v) => v.subjectPersonId)).toEqual(expect.arrayContaining([mob1.id, mob2.id]));
    expect(listed.map((v) => v.subjectPersonId)).not.toContain(mob3.id);
  });
});

describe("monthly contact reminders", () => {
  it("reminds each helper and responsible leader once a month, the secretary for members without one", async () => {
    const r = await contacts();
    expect(r.reminders).toBe(4);
    await settle(h);
    const helperCard = cardsTo(h, helper.openId, "每月联系提醒");
    expect(helperCard).toHaveLength(1);
    expect(text(helperCard[0]!)).toContain("困难党员");
    const leaderCard = cardsTo(h, l1.openId, "每月联系提醒");
    expect(leaderCard).toHaveLength(1);
    expect(text(leaderCard[0]!)).toContain("流动甲");
    expect(text(leaderCard[0]!)).toContain("流动乙");
    expect(text(cardsTo(h, sec.openId, "每月联系提醒")[0]!)).toContain("流动丙");
    expect(text(cardsTo(h, l2.openId, "每月联系提醒")[0]!)).toContain("街道民政科");
    expect(await contacts()).toMatchObject({ reminders: 0, lost: 0 });
  });

  it("logs a contact from the reminder card's button", async () => {
    const [card] = cardsTo(h, l1.openId, "每月联系提醒");
    const log = buttons(card!.content).find((b) => b.member === mob1.id)!;
    const form = await h.double.click({ from: l1.openId, messageId: card!.message_id, value: log });
    expect(JSON.stringify(form.card)).toContain("记录联系：流动甲");
    const save = { ...log, a: "visit-contact-save" };
    expect(toastText(await h.double.click({ from: l1.openId, messageId: card!.message_id, value: save, formValue: { at: "2027-06-02 +0800", how: "PHONE", note: "" } }))).toContain("不能晚于今天");
    const r = await h.double.click({ from: l1.openId, messageId: card!.message_id, value: save, formValue: { at: "2027-06-01 +0800", how: "PHONE", note: "在深圳务工，一切安好" } });
    expect(toastText(r)).toContain("已记录联系");
    const logs = await h.db.prisma.contactLog.findMany();
    expect(logs).toHaveLength(1);
    expect(opened("ContactLog", logs[0]!)).toMatchObject({ memberId: mob1.id, byId: l1.id, kind: "MOBILE", how: "PHONE", orgId: b1, note: "在深圳务工，一切安好" });

    const [hc] = cardsTo(h, helper.openId, "每月联系提醒");
    const hv = buttons(hc!.content).find((b) => b.member === poor.id)!;
    expect(hv).toMatchObject({ kind: "PAIRING" });
    const hr = await h.double.click({ from: helper.openId, messageId: hc!.message_id, value: { ...hv, a: "visit-contact-save" }, formValue: { at: "2027-06-01 +0800", how: "HOME" } });
    expect(toastText(hr)).toContain("已记录联系");
    expect(await h.db.prisma.contactLog.count({ where: { kind: "PAIRING", memberId: poor.id, byId: helper.id, pairingId: hv.pairing as number } })).toBe(1);
  });

  it("refuses a contact log from someone who is not the helper or leader", async () => {
    const own = await command(h, helper.openId, "走访");
    const r = await h.double.click({ from: helper.openId, messageId: own.message_id, value: { a: "visit-contact-save", member: mob1.id, kind: "MOBILE" }, formValue: { at: "2027-06-01 +0800", how: "PHONE" } });
    expect(toastText(r)).toContain("没有进行此操作的权限");
    expect(await h.db.prisma.contactLog.count()).toBe(2);
  });
});

describe("mobile members who lose touch", () => {
  it("raises one lost-contact alert per member after 3 months without a logged contact", async () => {
    h.clock.set(morning("2027-07-30")); // a Friday: the last working day before they count as lost
    expect((await contacts()).lost).toBe(0);

    // Lost from 1 August, a Sunday: the sweep keeps to working days, so the alerts go on Monday.
    h.clock.set(morning("2027-08-01"));
    expect(await contacts()).toMatchObject({ skipped: "rest-day", lost: 0 });
    h.clock.set(morning("2027-08-02"));
    expect((await contacts()).lost).toBe(2);
    expect((await contacts()).lost).toBe(0);
    h.clock.set(morning("2027-08-03"));
    expect((await contacts()).lost).toBe(0);
    await settle(h);
    const alerts = cardsTo(h, sec.openId, "流动党员失联");
    expect(alerts.map((a) => text(a).includes("流动乙") || text(a).includes("流动丙"))).toEqual([true, true]);
    expect(alerts.some((a) => text(a).includes("流动甲"))).toBe(false);

    // 流动甲 was reached on 1 June: lost from 1 September, once.
    h.clock.set(morning("2027-09-01"));
    expect((await contacts()).lost).toBe(1);
    expect((await contacts()).lost).toBe(0);
    await settle(h);
    expect(cardsTo(h, sec.openId, "流动党员失联：流动甲")).toHaveLength(1);
    expect(cardsTo(h, sec.openId, "流动党员失联")).toHaveLength(3);
  });

  it("lists mobile members for the secretary and marks or unmarks one", async () => {
    const list = await command(h, sec.openId, "流动党员");
    expect(text(list)).toContain("流动甲");
    expect(text(list)).toContain("失联");
    const set = await command(h, sec.openId, "流动党员 帮扶人 广州市天河区，微信同号");
    expect(text(set)).toContain("已登记帮扶人为流动党员");
    expect(await h.db.prisma.person.findUniqueOrThrow({ where: { id: helper.id } })).toMatchObject({ tags: ["MOBILE"], whereabouts: "广州市天河区，微信同号" });
    await command(h, sec.openId, "流动党员 取消 帮扶人");
    expect((await h.db.prisma.person.findUniqueOrThrow({ where: { id: helper.id } })).tags).toEqual([]);
    expect(await h.db.prisma.auditLog.count({ where: { action: { in: ["person.mobile.set", "person.mobile.unset"] } } })).toBe(2);
    expect(text(await command(h, sec.openId, "流动党员 外支部党员 北京"))).toContain("没有找到党员");
  });
});

describe("ending a pairing", () => {
  it("ends it today and keeps its history; the helper is no longer reminded", async () => {
    const card = await command(h, sec.openId, "结对");
    const pairing = await h.db.prisma.pairing.findFirstOrThrow({ where: { memberId: poor.id, helperPersonId: helper.id } });
    const end = buttons(card.content).find((b) => b.a === "visit-pairing-end" && b.pairing === pairing.id)!;
    expect(end).toBeDefined();
    const r = await h.double.click({ from: sec.openId, messageId: card.message_id, value: end });
    expect(toastText(r)).toContain("已结束结对");
    const after = await h.db.prisma.pairing.findUniqueOrThrow({ where: { id: pairing.id } });
    expect(after.endOn?.toISOString().slice(0, 10)).toBe("2027-08-31");
    expect(await h.db.prisma.contactLog.count({ where: { pairingId: pairing.id } })).toBe(1);
    expect(toastText(await h.double.click({ from: sec.openId, messageId: card.message_id, value: end }))).toContain("已结束");

    h.clock.set(morning("2027-10-08")); // the first working day of October (1-7 are National Day)
    await contacts();
    await settle(h);
    const keys = (await h.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `visit-contact-${helper.id}-` } } })).map((m) => m.idempotencyKey).sort();
    expect(keys).toEqual(["2027-06", "2027-07", "2027-08", "2027-09"].map((m) => `visit-contact-${helper.id}-${m}`));
    const [september] = (await h.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: `visit-contact-${helper.id}-2027-09` } })).map((m) => m.larkMessageId!);
    const hv = buttons(h.double.message(september!)!.content).find((b) => b.member === poor.id)!;
    const late = await h.double.click({ from: helper.openId, messageId: september!, value: { ...hv, a: "visit-contact-save" }, formValue: { at: "2027-10-01 +0800", how: "HOME" } });
    expect(toastText(late)).toContain("该结对已结束");
  });
});
