// 上报 over a committee with three branches: the aid chase raises an overdue request to the
// committee with a link to it; a branch secretary raises by hand (number, name, note; twice is
// once); a hardship referral lands as an escalation; the committee opens only what was raised to
// it (need to know: a forged id, another committee's item, an un-raised entry and a branch member
// are refused and shown nothing), lists it under 上报事项, and closes it with an answer the branch
// hears. Every view and change is an audit line about the member; the notes are sealed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import { opened } from "../support/sealed.ts";
import type { SeededPerson } from "../support/seed.ts";
import { buttonValue, clickCard, command, file, forgeClick, hasButton, seedBranch, startAidHarness, text, toast } from "../aid/support.ts";

const at = (day: string, hhmm = "09:40") => {
  const [hh, mm] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, "Asia/Shanghai").getTime() + (hh * 60 + mm) * 60_000);
};

let h: Harness;
let c: Committee;
let other: Committee; // a second committee: its items are not the first one's to read
const entries: Record<string, number> = {};

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at("2027-03-01", "10:00") });
  c = await seedCommittee(h, "esc", "升");
  other = await seedCommittee(h, "esx", "邻");
  // 2027 as an official year with no days off in March: every weekday works.
  await h.db.prisma.calendarYear.upsert({ where: { year: 2027 }, create: { year: 2027, source: "OFFICIAL" }, update: { source: "OFFICIAL" } });
  await h.db.prisma.calendarDay.deleteMany({ where: { day: { gte: new Date("2027-01-01"), lte: new Date("2027-12-31") } } });
  const entry = async (key: string, orgId: number, personId: number, nextReviewOn: string) => {
    const e = await h.db.prisma.hardshipEntry.create({ data: { orgId, personId, causes: ["ILLNESS"], level: "SERIOUS", household: `${key}家中独居，药费每月八百元`, nextReviewOn: dayToDate(nextReviewOn) } });
    entries[key] = e.id;
  };
  const [b1, b2, b3] = c.branches;
  await entry("unraised", b1.orgId, b1.member2.id, "2027-09-01");
  await entry("byHand", b2.orgId, b2.member.id, "2027-09-01");
  await entry("referred", b3.orgId, b3.member.id, "2027-03-03");
  await entry("elsewhere", other.branches[0].orgId, other.branches[0].member.id, "2027-09-01");
}, 120_000);
afterAll(async () => h?.close());

const escalations = () => h.db.prisma.escalation.findMany({ orderBy: { id: "asc" } });
const audits = (action: string) => h.db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
const noticesTo = (who: SeededPerson, where: (m: SentMessage) => boolean) => h.double.messages({ to: who.openId }).filter(where);
const noticeCard = (who: SeededPerson, needle: string) => h.double.waitForMessage({ to: who.openId, where: (m) => text(m).includes(needle) && hasButton(m.content, "escalation-open") });
const open = (who: SeededPerson, escalationId: number) => forgeClick(h, who.openId, { a: "escalation-open", e: escalationId });
const said = async (who: SeededPerson, words: string) => text((await command(h, who, words))[0]!);

describe("the aid chase raises an overdue request", () => {
  let number: string;
  let requestId: number;
  let escalationId: number;

  it("writes an AID_OVERDUE escalation with the committee's notice, whose button opens the request", async () => {
    const filed = await file(h, c.branches[0].member);
    number = filed.req.number;
    requestId = filed.req.id;
    h.clock.set(at("2027-03-08"));
    expect(await h.app.maintenance!.run("aid-reminders")).toMatchObject({ escalated: 1 });

    const rows = await escalations();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subjectType: "AidRequest", subjectId: requestId, fromOrgId: c.branches[0].orgId, toOrgId: c.orgId, subjectPersonId: c.branches[0].member.id, reason: "AID_OVERDUE", raisedById: null, status: "OPEN", note: null });
    escalationId = rows[0]!.id;

    const notice = await h.double.waitForMessage({ to: c.secretary.openId, where: (m) => text(m).includes(number) });
    expect(text(notice)).toContain("帮扶申请久未审批");
    expect(buttonValue(notice.content, "escalation-open")).toEqual({ a: "escalation-open", e: escalationId });

    // A second run the same day writes and sends nothing more.
    h.clock.set(at("2027-03-08", "15:40"));
    await h.app.maintenance!.run("aid-reminders");
    expect(await escalations()).toHaveLength(1);
    expect((await audits("escalation.raise")).filter((a) => a.subjectId === String(requestId))).toHaveLength(1);
  });

  it("the committee's secretary opens the request from the notice; the view is audited about the member", async () => {
    const notice = await h.double.waitForMessage({ to: c.secretary.openId, where: (m) => text(m).includes(number) });
    const r = await clickCard(h, c.secretary, notice, "escalation-open");
    const card = text({ content: r.card });
    expect(card).toContain(number);
    expect(card).toContain("住院手术，自付医疗费用困难");
    expect(card).toContain("升一张三");
    expect(hasButton(r.card, "escalation-close")).toBe(true);
    const views = await audits("escalation.view");
    expect(views.at(-1)).toMatchObject({ actorId: c.secretary.id, subjectType: "AidRequest", subjectId: String(requestId), subjectPersonId: c.branches[0].member.id, orgId: c.branches[0].orgId });

    // The committee's affairs worker sits at the same desk.
    const w = await open(c.worker, escalationId);
    expect(text({ content: w.card })).toContain(number);
  });

  it("refuses anyone else, and a forged id, showing nothing", async () => {
    const before = (await audits("escalation.view")).length;
    for (const who of [c.branches[1].secretary, c.branches[0].member, other.secretary]) {
      const r = await open(who, escalationId);
      expect(toast(r).content).toContain("无权查看");
      expect(r.card).toBeUndefined();
    }
    const forged = await open(c.secretary, 999_999);
    expect(toast(forged).content).toContain("无权查看");
    expect(forged.card).toBeUndefined();
    expect((await audits("escalation.view")).length).toBe(before);
  });
});

describe("raising by hand", () => {
  let handId: number;

  it("上报 <姓名> <说明> raises the member's active hardship entry, the note sealed; the committee is told", async () => {
    const b2 = c.branches[1];
    h.clock.set(at("2027-03-09", "10:00"));
    expect(await said(b2.secretary, `上报 ${b2.member.name} 医药费超出支部能力`)).toContain("已上报升社区党委");
    const row = await h.db.prisma.escalation.findFirstOrThrow({ where: { subjectType: "HardshipEntry", subjectId: entries.byHand! } });
    handId = row.id;
    expect(row).toMatchObject({ fromOrgId: b2.orgId, toOrgId: c.orgId, subjectPersonId: b2.member.id, reason: "RAISED", raisedById: b2.secretary.id, status: "OPEN" });
    expect(row.note).toMatch(/^enc1:/);
    expect(row.note).not.toContain("医药费");
    expect(opened("Escalation", row).note).toBe("医药费超出支部能力");
    const notice = await noticeCard(c.secretary, "支部上报 · 升二党支部");
    expect(text(notice)).toContain("医药费超出支部能力");
    expect(buttonValue(notice.content, "escalation-open")).toEqual({ a: "escalation-open", e: handId });
    expect(await audits("escalation.raise")).toContainEqual(expect.objectContaining({ actorId: b2.secretary.id, subjectType: "HardshipEntry", subjectId: String(entries.byHand), subjectPersonId: b2.member.id }));
  });

  it("raising it again is the same escalation: 已上报, no second notice", async () => {
    const b2 = c.branches[1];
    expect(await said(b2.secretary, `上报 ${b2.member.name}`)).toContain("已上报");
    expect(await h.db.prisma.escalation.count({ where: { subjectType: "HardshipEntry", subjectId: entries.byHand! } })).toBe(1);
    // The 上报党委 button of the entry card says so too.
    const r = await forgeClick(h, b2.secretary.openId, { a: "escalation-raise", s: "HardshipEntry", i: entries.byHand! });
    expect(toast(r).content).toContain("已上报");
    await new Promise((res) => setTimeout(res, 300));
    expect(noticesTo(c.secretary, (m) => text(m).includes("支部上报 · 升二党支部"))).toHaveLength(1);
  });

  it("上报 <编号> by the aid delegate raises an aid request; a wrong number, another branch's number and a member are refused", async () => {
    const b1 = c.branches[0];
    const second = await file(h, b1.member2, { category: "LIVING", description: "冬季取暖费用较高，生活困难", amount: "300", urgency: "NORMAL" });
    const n = second.req.number;
    const count = (await escalations()).length;
    expect(await said(c.branches[2].secretary, `上报 ${n}`)).toContain("找不到编号");
    expect(await said(b1.secretary, "上报 2027-9999 说明")).toContain("找不到编号");
    expect(await said(b1.secretary, "上报 27-1")).toContain("不是有效的编号");
    expect(await said(b1.secretary, `上报 ${b1.leader.name}`)).toContain("没有在档的困难党员档案");
    const refused = await said(b1.member, `上报 ${n}`);
    expect(refused).not.toContain("已上报");
    expect((await escalations()).length).toBe(count);

    expect(await said(b1.delegate, `上报 ${n} 家中老人多病`)).toContain("已上报升社区党委");
    const row = await h.db.prisma.escalation.findFirstOrThrow({ where: { subjectType: "AidRequest", subjectId: second.req.id } });
    expect(row).toMatchObject({ reason: "RAISED", raisedById: b1.delegate.id, subjectPersonId: b1.member2.id });
    expect(opened("Escalation", row).note).toBe("家中老人多病");
  });
});

describe("other kinds, and nobody above", () => {
  it("a suggestion raised by its number shows what was said and answered, and no author", async () => {
    const b2 = c.branches[1];
    const s = await h.db.prisma.suggestion.create({ data: { number: "2027-0900", orgId: b2.orgId, kind: "CRITICISM", body: "支部活动通知太晚", anonymous: true, authorId: null } });
    expect(await said(b2.secretary, "上报 2027-0900 涉及社区安排")).toContain("已上报升社区党委");
    const row = await h.db.prisma.escalation.findFirstOrThrow({ where: { subjectType: "Suggestion", subjectId: s.id } });
    expect(row.subjectPersonId).toBeNull();
    const card = text({ content: (await open(c.secretary, row.id)).card });
    expect(card).toContain("支部活动通知太晚");
    expect(card).toContain("批评");
    expect(card).not.toContain(b2.member.name);
  });

  it("the approval card's 上报党委 button finds the request already raised", async () => {
    const b1 = c.branches[0];
    const chased = (await escalations()).find((e) => e.reason === "AID_OVERDUE")!;
    const number = (await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id: chased.subjectId } })).number;
    const approval = h.double.messages({ to: b1.secretary.openId }).find((m) => text(m).includes(`帮扶申请审批 · ${number}`))!;
    expect(hasButton(approval.content, "escalation-raise")).toBe(true);
    const count = (await escalations()).length;
    const r = await clickCard(h, b1.secretary, approval, "escalation-raise");
    expect(toast(r).content).toContain("已上报");
    expect((await escalations()).length).toBe(count);
  });

  it("a branch with no organisation above that has a secretary gets a clear answer", async () => {
    const lone = await seedBranch(h, "esl", { prefix: "孤" });
    await h.db.prisma.hardshipEntry.create({ data: { orgId: lone.orgId, personId: lone.member.id, causes: ["OLD_AGE"], level: "GENERAL", household: "独居", nextReviewOn: dayToDate("2027-09-01") } });
    const count = (await escalations()).length;
    expect(await said(lone.secretary, `上报 ${lone.member.name}`)).toContain("无法上报");
    expect((await escalations()).length).toBe(count);
  });
});

describe("need to know", () => {
  it("the committee cannot open an entry nobody raised: not through the archive, not through a forged click", async () => {
    // The archive's own card refuses a committee secretary.
    const direct = await forgeClick(h, c.secretary.openId, { a: "hardship-view", e: entries.unraised! });
    expect(direct.card).toBeUndefined();
    expect(toast(direct).type).toBe("error");
    // 档案 <name> of a branch member finds nobody at the committee.
    expect(await said(c.secretary, `档案 ${c.branches[0].member2.name}`)).not.toContain("家中独居");
    // An escalation of another committee's branch is not this committee's to read.
    const b = other.branches[0];
    expect(await said(b.secretary, `上报 ${b.member.name}`)).toContain("已上报邻社区党委");
    const theirs = await h.db.prisma.escalation.findFirstOrThrow({ where: { subjectType: "HardshipEntry", subjectId: entries.elsewhere! } });
    const r = await open(c.secretary, theirs.id);
    expect(toast(r).content).toContain("无权查看");
    expect(r.card).toBeUndefined();
    expect(text({ content: (await open(other.secretary, theirs.id)).card })).toContain("邻一张三");
  });

  it("档案 answers a committee secretary with counts per branch and points to 上报事项", async () => {
    const answer = await said(c.secretary, "档案");
    expect(answer).toContain("升一党支部");
    expect(answer).toContain("上报事项");
    expect(answer).not.toContain(c.branches[0].member2.name);
    expect(answer).not.toContain("家中独居");
  });
});

describe("the committee's side", () => {
  it("a hardship referral lands as a REFERRED escalation with the notice", async () => {
    const b3 = c.branches[2];
    h.clock.set(at("2027-03-01", "10:00"));
    await h.app.maintenance!.run("hardship-review");
    const review = await h.double.waitForMessage({ to: b3.secretary.openId, where: (m) => text(m).includes(`困难党员档案复核 · ${b3.member.name}`) });
    const values = [] as Record<string, unknown>[];
    const walk = (x: unknown): void => {
      if (typeof x !== "object" || x === null) return;
      if (Array.isArray(x)) return x.forEach(walk);
      const o = x as Record<string, unknown>;
      if (o.tag === "button" && Array.isArray(o.behaviors)) values.push((o.behaviors[0] as { value: Record<string, unknown> }).value);
      Object.values(o).forEach(walk);
    };
    walk(review.content);
    const refer = values.find((v) => v.a === "hardship-review" && v.d === "refer")!;
    const r = await h.double.click({ from: b3.secretary.openId, messageId: review.message_id, value: refer, tag: "button", formValue: { next: "2027-06-01", notes: "长期卧床，需民政兜底" } });
    expect(toast(r).content).toContain("已上报");
    const row = await h.db.prisma.escalation.findFirstOrThrow({ where: { subjectType: "HardshipEntry", subjectId: entries.referred! } });
    expect(row).toMatchObject({ reason: "REFERRED", fromOrgId: b3.orgId, toOrgId: c.orgId, raisedById: b3.secretary.id, subjectPersonId: b3.member.id });
    expect(opened("Escalation", row).note).toBe("长期卧床，需民政兜底");
    await noticeCard(c.secretary, "支部上报 · 升三党支部");
  });

  it("上报事项 lists what landed with the committee, each with 查看, one audit line per member shown; others are refused", async () => {
    h.clock.set(at("2027-03-10", "10:00"));
    const before = (await audits("escalation.list")).length;
    const [list] = await command(h, c.secretary, "上报的事");
    const card = text(list!);
    expect(card).toContain("待办结（5）");
    expect(card).toContain("意见建议 2027-0900");
    for (const name of ["升一张三", "升二张三", "升三张三", "升一李四"]) expect(card).toContain(name);
    expect(card).not.toContain("邻一张三");
    const lines = (await audits("escalation.list")).slice(before);
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.subjectPersonId).filter((x) => x !== null).sort()).toEqual([c.branches[0].member.id, c.branches[0].member2.id, c.branches[1].member.id, c.branches[2].member.id].sort());
    expect(await said(c.branches[0].member, "上报事项")).not.toContain("待办结");
  });

  it("closes an item with an answer (sealed); the raising branch's secretary is told; a second close is refused", async () => {
    const row = await h.db.prisma.escalation.findFirstOrThrow({ where: { subjectType: "HardshipEntry", subjectId: entries.byHand! } });
    const notice = await noticeCard(c.secretary, "支部上报 · 升二党支部");
    const item = await clickCard(h, c.secretary, notice, "escalation-open");
    expect(text({ content: item.card })).toContain("byHand家中独居，药费每月八百元");
    const empty = await clickCard(h, c.secretary, notice, "escalation-close", { answer: "  " });
    expect(toast(empty).content).toContain("请填写答复意见");
    expect((await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("OPEN");

    const closed = await clickCard(h, c.secretary, notice, "escalation-close", { answer: "已协调民政临时救助两千元" });
    expect(toast(closed).content).toContain("已办结");
    const after = await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "CLOSED", closedById: c.secretary.id });
    expect(after.closingNote).toMatch(/^enc1:/);
    expect(opened("Escalation", after).closingNote).toBe("已协调民政临时救助两千元");
    const told = await h.double.waitForMessage({ to: c.branches[1].secretary.openId, where: (m) => text(m).includes("上级已答复") });
    expect(text(told)).toContain("已协调民政临时救助两千元");
    const closeLines = await audits("escalation.close");
    expect(closeLines.at(-1)).toMatchObject({ actorId: c.secretary.id, subjectPersonId: c.branches[1].member.id, subjectType: "HardshipEntry" });
    expect(JSON.stringify(closeLines.at(-1)!.changes)).not.toContain("民政");

    const again = await forgeClick(h, c.secretary.openId, { a: "escalation-close", e: row.id }, { answer: "再次办结" });
    expect(toast(again).content).toContain("已办结");
    expect(opened("Escalation", await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: row.id } })).closingNote).toBe("已协调民政临时救助两千元");
    // A branch secretary cannot close what was raised above.
    const aid = (await escalations()).find((e) => e.reason === "AID_OVERDUE")!;
    const refused = await forgeClick(h, c.branches[0].secretary.openId, { a: "escalation-close", e: aid.id }, { answer: "自己办结" });
    expect(toast(refused).content).toContain("无权查看");
    expect((await h.db.prisma.escalation.findUniqueOrThrow({ where: { id: aid.id } })).status).toBe("OPEN");

    // The member sees who read their records.
    await eventually(async () => (await h.db.prisma.auditLog.count({ where: { subjectPersonId: c.branches[1].member.id, action: { startsWith: "escalation." } } })) >= 4);
  });
});
