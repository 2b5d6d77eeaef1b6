// 组织结对 over the Lark double with real PostgreSQL and Redis: a committee with three branches
// and a second committee with one branch. Under one committee a pairing is live at once and the
// partner's secretaries are told; across committees it waits for a secretary of the partner
// (nobody else may answer), who accepts or declines, the proposer told either way; an outside
// unit is live at once. A second live pairing of the same two organisations is refused; joint
// activities are recorded by either side (dates checked, content sealed, one per form) and the
// other side told; a pairing ends with a reason. The reports' figures count what was written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import { storesOn } from "../../src/store/stores.ts";
import { buttonValue, clickCard, forgeClick, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { opened } from "../support/sealed.ts";
import type { SeededPerson } from "../support/seed.ts";

const at = (day: string, hhmm = "10:00") => {
  const [hh, mm] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, "Asia/Shanghai").getTime() + (hh * 60 + mm) * 60_000);
};
const TODAY = "2027-03-10";

let h: Harness;
let c: Committee;
let b1: Branch;
let b2: Branch;
let b3: Branch;
let far: Branch; // a branch under another committee

type Json = Record<string, unknown>;

/** The card answering `said` from `who`. */
async function answer(who: SeededPerson, said: string): Promise<SentMessage> {
  const m = await h.double.say({ from: who.openId, text: said });
  return h.double.waitForMessage({ where: (x) => x.parent_id === m.messageId }, 15_000);
}

/** A fresh form card (set-up or activity), sent to `who` after a button on another card. */
async function newCardTo(who: SeededPerson, title: string, before: number): Promise<SentMessage> {
  return eventually(() => h.double.messages({ to: who.openId }).filter((m) => text(m).includes(title))[before], 15_000);
}

const countTo = (who: SeededPerson, title: string) => h.double.messages({ to: who.openId }).filter((m) => text(m).includes(title)).length;

/** Opens the set-up form from the 组织结对 list and submits it. */
async function setUp(who: SeededPerson, form: Json, said = "组织结对") {
  const list = await answer(who, said);
  const before = countTo(who, "新建组织结对");
  const opened = await clickCard(h, who, list, "org-pairing-new");
  expect(opened.toast).toBeDefined();
  const formCard = await newCardTo(who, "新建组织结对", before);
  const click = await h.double.click({ from: who.openId, messageId: formCard.message_id, value: buttonValue(formCard.content, "org-pairing-create"), formValue: { kind: "URBAN_RURAL", startOn: "2027-03-01", ownName: who.name, ownDuty: "书记", ...form }, tag: "button" });
  return { click, formCard };
}

const pairings = () => h.db.prisma.orgPairing.findMany({ orderBy: { id: "asc" }, include: { contacts: { orderBy: { id: "asc" } } } });
const toastText = (r: { toast?: unknown }) => JSON.stringify(r.toast ?? {});

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at(TODAY) });
  c = await seedCommittee(h, "op", "结");
  [b1, b2, b3] = c.branches;
  const other = await h.db.prisma.organization.create({ data: { code: "op-far", name: "远方社区党委", kind: "COMMITTEE" } });
  far = await seedBranch(h, "op-far-1", { prefix: "远方" });
  await h.db.prisma.organization.update({ where: { id: far.orgId }, data: { parentId: other.id } });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe("组织结对 under one committee", () => {
  it("is live at once, with both sides' contacts, and the partner's secretary is told", async () => {
    const { click } = await setUp(b1.secretary, { partnerOrg: "op-2", purpose: "联合开展主题党日", ownPhone: "13800001111" });
    expect(toastText(click)).toContain("结对已建立");
    expect(text({ content: click.card })).toContain("组织结对已建立");
    const [p] = await pairings();
    expect(p).toMatchObject({ orgId: b1.orgId, partnerOrgId: b2.orgId, partnerName: null, status: "ACTIVE", kind: "URBAN_RURAL", proposedById: b1.secretary.id, purpose: "联合开展主题党日" });
    expect(p!.contacts.map((x) => [x.side, x.personId, x.name, x.phone])).toEqual([
      ["OWN", b1.secretary.id, b1.secretary.name, "13800001111"],
      ["PARTNER", b2.secretary.id, b2.secretary.name, null],
    ]);
    const notice = await eventually(() => h.double.messages({ to: b2.secretary.openId }).find((m) => text(m).includes("组织结对通知")));
    expect(text(notice)).toContain("结一党支部");
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "org.pairing.create", subjectId: String(p!.id) } });
    expect(line).toMatchObject({ orgId: b1.orgId, actorId: b1.secretary.id, subjectType: "OrgPairing" });
    expect(JSON.stringify(line.changes)).not.toContain("联合开展主题党日");
  }, 60_000);

  it("shows the pairing on both sides' lists", async () => {
    const mine = text(await answer(b1.secretary, "组织结对"));
    expect(mine).toContain("结二党支部");
    const theirs = text(await answer(b2.worker, "组织结对"));
    expect(theirs).toContain("结一党支部");
    expect(theirs).toContain("进行中");
  }, 60_000);

  it("refuses a second live pairing of the same two organisations, either way round, with a clear toast", async () => {
    const { click } = await setUp(b2.secretary, { partnerOrg: "结一党支部" });
    expect(toastText(click)).toContain("已与结一党支部结对");
    expect(await h.db.prisma.orgPairing.count()).toBe(1);
  }, 60_000);

  it("sets up one pairing per submitted form: a second submit changes nothing", async () => {
    const { click, formCard } = await setUp(b1.secretary, { partnerOrg: "op-3" });
    expect(toastText(click)).toContain("结对已建立");
    const again = await h.double.click({ from: b1.secretary.openId, messageId: formCard.message_id, value: buttonValue(formCard.content, "org-pairing-create"), formValue: { kind: "URBAN_RURAL", startOn: "2027-03-01", ownName: "结一书记", partnerOrg: "op-3" }, tag: "button" });
    expect(toastText(again)).toContain("已建立过结对");
    expect(await h.db.prisma.orgPairing.count({ where: { partnerOrgId: b3.orgId } })).toBe(1);
  }, 60_000);

  it("refuses a form it cannot use, and changes nothing", async () => {
    const n = await h.db.prisma.orgPairing.count();
    expect(toastText((await setUp(b3.secretary, {})).click)).toContain("请填写结对组织");
    expect(toastText((await setUp(b3.secretary, { partnerOrg: "op-1", partnerName: "供电所" })).click)).toContain("只能填写一项");
    expect(toastText((await setUp(b3.secretary, { partnerOrg: "不存在的组织" })).click)).toContain("没有找到组织");
    expect(toastText((await setUp(b3.secretary, { partnerOrg: "op-3" })).click)).toContain("不能与本组织自己结对");
    expect(toastText((await setUp(b3.secretary, { partnerName: "磐东供电所" })).click)).toContain("系统外单位请填写对方联系人");
    expect(toastText((await setUp(b3.secretary, { partnerName: "磐东供电所", partnerContact: "赵所长", partnerPhone: "打电话" })).click)).toContain("电话格式不正确");
    expect(await h.db.prisma.orgPairing.count()).toBe(n);
  }, 120_000);

  it("refuses a member, and a secretary acting for an organisation not theirs", async () => {
    const said = await h.double.say({ from: b1.member.openId, text: "组织结对" });
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(text(reply)).not.toContain("新建结对");
    const forged = await forgeClick(h, b3.secretary.openId, { a: "org-pairing-create", org: b1.orgId }, { kind: "URBAN_RURAL", startOn: "2027-03-01", ownName: "结三书记", partnerOrg: "op-far-1" });
    expect(JSON.stringify(forged.toast)).toContain("权限");
  }, 60_000);
});

describe("组织结对 by the committee on behalf of a branch below", () => {
  it("lets the committee's secretary set one up for a branch below it, and nobody else name that branch", async () => {
    const list = text(await answer(c.secretary, "组织结对 结二党支部"));
    expect(list).toContain("结二党支部");
    expect(list).toContain("结一党支部");
    const { click } = await setUp(c.secretary, { partnerName: "区文化馆", kind: "ORG_HELP", partnerContact: "钱馆长", ownDuty: "党委书记" }, "组织结对 op-2");
    expect(toastText(click)).toContain("结对已建立");
    expect(await h.db.prisma.orgPairing.findFirstOrThrow({ where: { partnerName: "区文化馆" } })).toMatchObject({ orgId: b2.orgId, proposedById: c.secretary.id, status: "ACTIVE" });
    expect(text(await answer(b1.secretary, "组织结对 结二党支部"))).toContain("不是您所在或下属的组织");
  }, 60_000);
});

describe("组织结对 with an outside unit", () => {
  it("is live at once, the unit named and its contact kept", async () => {
    const { click } = await setUp(b3.secretary, { partnerName: "磐东供电所", kind: "ORG_HELP", partnerContact: "赵所长", partnerPhone: "0760-1234567", partnerDuty: "所长" });
    expect(toastText(click)).toContain("结对已建立");
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { partnerName: "磐东供电所" }, include: { contacts: true } });
    expect(p).toMatchObject({ orgId: b3.orgId, partnerOrgId: null, status: "ACTIVE", kind: "ORG_HELP" });
    expect(p.contacts.find((x) => x.side === "PARTNER")).toMatchObject({ name: "赵所长", phone: "0760-1234567", duty: "所长", personId: null });
    // The same unit again is a duplicate.
    expect(toastText((await setUp(b3.secretary, { partnerName: "磐东供电所", partnerContact: "赵所长" })).click)).toContain("已与磐东供电所结对");
  }, 60_000);
});

describe("组织结对 across two committees", () => {
  let proposal: SentMessage;
  let id: number;

  it("is proposed, and the partner's secretary gets a card to accept or decline", async () => {
    const { click } = await setUp(b1.worker, { partnerOrg: "远方党支部", kind: "DEPARTMENT_BRANCH" });
    expect(toastText(click)).toContain("已发给对方书记确认");
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { partnerOrgId: far.orgId } });
    id = p.id;
    expect(p).toMatchObject({ orgId: b1.orgId, status: "PROPOSED", confirmedById: null, proposedById: b1.worker.id });
    proposal = await eventually(() => h.double.messages({ to: far.secretary.openId }).find((m) => text(m).includes("组织结对邀请")));
    expect(h.double.messages({ to: far.member.openId }).some((m) => text(m).includes("组织结对邀请"))).toBe(false);
  }, 60_000);

  it("lets nobody but a secretary of the partner answer: a member, another secretary, the proposer's side, a forged id", async () => {
    for (const who of [far.member, far.worker, b3.secretary, b1.secretary]) {
      const r = await forgeClick(h, who.openId, { a: "org-pairing-accept", pairing: id });
      expect(JSON.stringify(r.toast), who.name).toContain("权限");
    }
    const unknown = await forgeClick(h, far.secretary.openId, { a: "org-pairing-accept", pairing: 999_999 });
    expect(JSON.stringify(unknown.toast)).toContain("找不到该组织结对");
    const bad = await forgeClick(h, far.secretary.openId, { a: "org-pairing-accept", pairing: "1; DROP" });
    expect(bad.toast).toBeDefined();
    expect(await h.db.prisma.orgPairing.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PROPOSED", confirmedById: null });
    expect(await h.db.prisma.auditLog.count({ where: { action: { in: ["org.pairing.confirm", "org.pairing.decline"] } } })).toBe(0);
  }, 60_000);

  it("is accepted by the partner's secretary: active, confirmed by them, the proposer told", async () => {
    const r = await clickCard(h, far.secretary, proposal, "org-pairing-accept");
    expect(toastText(r)).toContain("已同意结对");
    expect(await h.db.prisma.orgPairing.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE", confirmedById: far.secretary.id });
    expect((await h.db.prisma.orgPairing.findUniqueOrThrow({ where: { id } })).confirmedAt).not.toBeNull();
    await eventually(() => h.double.messages({ to: b1.worker.openId }).find((m) => text(m).includes("对方已同意结对")));
    expect(await h.db.prisma.auditLog.count({ where: { action: "org.pairing.confirm", orgId: far.orgId, actorId: far.secretary.id } })).toBe(1);
    // A second click answers with how it stands and changes nothing.
    const again = await forgeClick(h, far.secretary.openId, { a: "org-pairing-accept", pairing: id });
    expect(JSON.stringify(again.toast)).toContain("已处理过");
  }, 60_000);

  it("is declined by the partner's secretary: declined, the proposer told", async () => {
    await setUp(b3.secretary, { partnerOrg: "op-far-1" });
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { orgId: b3.orgId, partnerOrgId: far.orgId } });
    const card = await eventually(() => h.double.messages({ to: far.secretary.openId }).find((m) => text(m).includes("组织结对邀请") && text(m).includes("结三党支部")));
    const r = await clickCard(h, far.secretary, card, "org-pairing-decline");
    expect(toastText(r)).toContain("已不同意结对");
    expect(await h.db.prisma.orgPairing.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "DECLINED", confirmedById: null });
    await eventually(() => h.double.messages({ to: b3.secretary.openId }).find((m) => text(m).includes("对方未同意结对")));
    expect(await h.db.prisma.auditLog.count({ where: { action: "org.pairing.decline", subjectId: String(p.id), actorId: far.secretary.id, orgId: far.orgId } })).toBe(1);
  }, 60_000);
});

describe("结对活动", () => {
  const CONTENT = "联合开展主题党日，慰问村里 5 户困难党员";

  async function activityForm(who: SeededPerson): Promise<SentMessage> {
    const m = await answer(who, "结对活动");
    expect(text(m)).toContain("登记结对共建活动");
    return m;
  }
  const save = (who: SeededPerson, form: SentMessage, formValue: Json) => h.double.click({ from: who.openId, messageId: form.message_id, value: buttonValue(form.content, "org-pairing-activity-save"), formValue, tag: "button" });

  it("is recorded by the partner side: content sealed in the row, the other side's secretary told", async () => {
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { orgId: b1.orgId, partnerOrgId: b2.orgId } });
    const form = await activityForm(b2.secretary);
    const r = await save(b2.secretary, form, { pairing: String(p.id), heldOn: "2027-03-08", content: CONTENT, participants: "18" });
    expect(toastText(r)).toContain("共建活动已登记");
    const [row] = await h.db.prisma.orgPairingActivity.findMany({ where: { pairingId: p.id } });
    expect(row).toMatchObject({ orgId: b2.orgId, participants: 18, recordedById: b2.secretary.id, formMessageId: form.message_id });
    expect(row!.content.startsWith("enc1:")).toBe(true);
    expect(opened("OrgPairingActivity", row!).content).toBe(CONTENT);
    const told = await eventually(() => h.double.messages({ to: b1.secretary.openId }).find((m) => text(m).includes("结对共建活动已登记")));
    expect(text(told)).toContain("主题党日");
    const line = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "org.pairing.activity" } });
    expect(line).toMatchObject({ orgId: b2.orgId, subjectId: String(p.id) });
    expect(JSON.stringify(line.changes)).not.toContain("主题党日");
    // The same form submitted again records nothing more.
    const again = await save(b2.secretary, form, { pairing: String(p.id), heldOn: "2027-03-08", content: CONTENT });
    expect(toastText(again)).toContain("已登记过活动");
    expect(await h.db.prisma.orgPairingActivity.count({ where: { pairingId: p.id } })).toBe(1);
  }, 60_000);

  it("is recorded by the side that set it up too, from the list's button", async () => {
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { orgId: b1.orgId, partnerOrgId: far.orgId } });
    const list = await answer(b1.worker, "组织结对");
    const before = countTo(b1.worker, "登记结对共建活动");
    const value = { ...buttonValue(list.content, "org-pairing-activity-open"), pairing: p.id };
    await h.double.click({ from: b1.worker.openId, messageId: list.message_id, value, tag: "button" });
    const form = await newCardTo(b1.worker, "登记结对共建活动", before);
    const r = await save(b1.worker, form, { pairing: String(p.id), heldOn: TODAY, content: "部门党员到支部讲政策" });
    expect(toastText(r)).toContain("共建活动已登记");
    expect(await h.db.prisma.orgPairingActivity.findFirstOrThrow({ where: { pairingId: p.id } })).toMatchObject({ orgId: b1.orgId, participants: null });
    await eventually(() => h.double.messages({ to: far.secretary.openId }).find((m) => text(m).includes("结对共建活动已登记")));
  }, 60_000);

  it("checks the date and the number of people, and records nothing", async () => {
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { orgId: b1.orgId, partnerOrgId: b2.orgId } });
    const n = await h.db.prisma.orgPairingActivity.count();
    const form = await activityForm(b1.secretary);
    expect(toastText(await save(b1.secretary, form, { pairing: String(p.id), heldOn: "2027-03-11", content: CONTENT }))).toContain("不能晚于今天");
    expect(toastText(await save(b1.secretary, form, { pairing: String(p.id), heldOn: "2027-02-28", content: CONTENT }))).toContain("不能早于结对开始日期");
    expect(toastText(await save(b1.secretary, form, { pairing: String(p.id), heldOn: "2027-03-09", content: CONTENT, participants: "0" }))).toContain("参加人数");
    expect(toastText(await save(b1.secretary, form, { pairing: String(p.id), heldOn: "2027-03-09", content: "  " }))).toContain("活动内容");
    // Someone of neither side.
    const forged = await forgeClick(h, b3.secretary.openId, { a: "org-pairing-activity-save" }, { pairing: String(p.id), heldOn: "2027-03-09", content: CONTENT });
    expect(JSON.stringify(forged.toast)).toContain("权限");
    expect(await h.db.prisma.orgPairingActivity.count()).toBe(n);
  }, 60_000);
});

describe("ending a pairing", () => {
  it("takes a reason, ends it today, and tells the other side", async () => {
    const p = await h.db.prisma.orgPairing.findFirstOrThrow({ where: { orgId: b1.orgId, partnerOrgId: b2.orgId } });
    const list = await answer(b1.secretary, "组织结对");
    const value = { ...buttonValue(list.content, "org-pairing-end-open"), pairing: p.id };
    const opened = await h.double.click({ from: b1.secretary.openId, messageId: list.message_id, value, tag: "button" });
    expect(text({ content: opened.card })).toContain("结束原因");
    const endValue = buttonValue(opened.card, "org-pairing-end");
    const missing = await h.double.click({ from: b1.secretary.openId, messageId: list.message_id, value: endValue, formValue: { reason: "" }, tag: "button" });
    expect(toastText(missing)).toContain("请填写结束原因");
    // Neither side: refused, nothing changes.
    const forged = await forgeClick(h, b3.secretary.openId, endValue, { reason: "不想结对了" });
    expect(JSON.stringify(forged.toast)).toContain("权限");
    expect(await h.db.prisma.orgPairing.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "ACTIVE", endedReason: null });
    const r = await h.double.click({ from: b1.secretary.openId, messageId: list.message_id, value: endValue, formValue: { reason: "结对目标已完成" }, tag: "button" });
    expect(toastText(r)).toContain("结对已结束");
    expect(await h.db.prisma.orgPairing.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ status: "ENDED", endedReason: "结对目标已完成", endOn: new Date(`${TODAY}T00:00:00Z`) });
    await eventually(() => h.double.messages({ to: b2.secretary.openId }).find((m) => text(m).includes("组织结对已结束") && text(m).includes("结对目标已完成")));
    expect(await h.db.prisma.auditLog.count({ where: { action: "org.pairing.end", subjectId: String(p.id), orgId: b1.orgId } })).toBe(1);
    // A new pairing of the two may now be set up.
    const { click } = await setUp(b2.secretary, { partnerOrg: "op-1" });
    expect(toastText(click)).toContain("结对已建立");
  }, 60_000);
});

describe("pairingFigures", () => {
  it("counts per organisation the pairings active in the period and their activities", async () => {
    const store = storesOn(h.db);
    const figures = await store.orgPairingFigures.pairingFigures([b1.orgId, b2.orgId, b3.orgId, far.orgId, c.orgId], "2027-01-01", "2027-03-31");
    const by = new Map(figures.map((f) => [f.orgId, f]));
    // b1: with b2 (ended today), b3, far (accepted); b2: with b1 (ended), with b1 again, with the outside unit its committee set up.
    expect(by.get(b1.orgId)).toEqual({ orgId: b1.orgId, activePairings: 4, activities: 2 });
    expect(by.get(b2.orgId)).toEqual({ orgId: b2.orgId, activePairings: 3, activities: 1 });
    // b3: with b1, with the outside unit; its declined proposal does not count.
    expect(by.get(b3.orgId)).toEqual({ orgId: b3.orgId, activePairings: 2, activities: 0 });
    expect(by.get(far.orgId)).toEqual({ orgId: far.orgId, activePairings: 1, activities: 1 });
    expect(by.get(c.orgId)).toEqual({ orgId: c.orgId, activePairings: 0, activities: 0 });
    const before = await store.orgPairingFigures.pairingFigures([b1.orgId], "2026-01-01", "2026-12-31");
    expect(before).toEqual([{ orgId: b1.orgId, activePairings: 0, activities: 0 }]);
  }, 60_000);
});
