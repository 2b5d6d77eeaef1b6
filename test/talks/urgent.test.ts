// Urgent talks (紧急谈心): a help request or 困难上报 opens a task due in three days for the
// member's responsible leader, whose card is staged in the same transaction (so it is on its way
// the moment the request is filed); the leader is reminded the day before, the secretary is
// told once it is late, nothing is pushed at night, and recording the talk closes it.
import { opened } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { command, file } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";
import { at, buttonValues, seedTalkBranch, setLeader, startTalkHarness, staged, type TalkBranch } from "./support.ts";

let h: Harness;
let b: TalkBranch;
const text = (x: unknown) => JSON.stringify(x);
const [ZHANG, LI, WANG] = [0, 1, 2];

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "10:00") });
  b = await seedTalkBranch(h, { code: "ur", memberNames: ["张三", "李四", "王五"], since: "2026-06-01", staffTalkOn: "2027-01-10" });
  await setLeader(h, b.members[ZHANG]!.id, b.leaderA.id);
  await setLeader(h, b.members[LI]!.id, b.leaderB.id);
  await setLeader(h, b.members[WANG]!.id, b.leaderB.id);
}, 60_000);
afterAll(async () => h?.close());

const urgentRun = async (day: string, time: string) => {
  h.clock.set(at(day, time));
  return (await h.app.maintenance!.run("talk-urgent")) as { open: number; staged: number };
};

describe("a help request", () => {
  it("opens an urgent talk for the responsible leader in the same transaction, and the card goes out", async () => {
    const { req } = await file(h, b.members[ZHANG]!, { category: "LIVING", description: "家中老人重病，生活困难", urgency: "URGENT" });
    // Written with the request itself: there when the member's click is answered.
    const task = await h.db.prisma.talkTask.findUniqueOrThrow({ where: { aidRequestId: req.id } });
    expect(opened("TalkTask", task)).toMatchObject({ memberId: b.members[ZHANG]!.id, leaderId: b.leaderA.id, reason: "AID_REQUEST", status: "OPEN", note: "生活困难" });
    expect(task.dueOn.toISOString().slice(0, 10)).toBe("2027-03-04");
    expect(await staged(h, `talk-urgent-${task.id}`)).toHaveLength(1);
    const card = await h.double.waitForMessage({ to: b.leaderA.openId, where: (m) => text(m.content).includes("紧急谈心 · 张三") });
    expect(text(card.content)).toContain("生活困难");
    expect(text(card.content)).not.toContain("家中老人重病"); // the request's own words stay with the deciders
  });
});

describe("困难上报", () => {
  it("opens an urgent talk for the member's leader and says so", async () => {
    const [reply] = await command(h, b.leaderA, "困难上报 李四 家中失火，暂住亲戚家");
    expect(text(reply!.content)).toContain(`已为李四安排紧急谈心，由${b.leaderB.name}于 2027-03-04 前完成`);
    const task = await h.db.prisma.talkTask.findFirstOrThrow({ where: { memberId: b.members[LI]!.id } });
    expect(opened("TalkTask", task)).toMatchObject({ leaderId: b.leaderB.id, reason: "FLAGGED", note: "家中失火，暂住亲戚家", createdById: b.leaderA.id });
    await h.double.waitForMessage({ to: b.leaderB.openId, where: (m) => text(m.content).includes("紧急谈心 · 李四") });
    expect(await h.db.prisma.auditLog.count({ where: { action: "talk-task.create", subjectId: String(task.id) } })).toBe(1);
  });

  it("does not open a second task while one is open", async () => {
    const [reply] = await command(h, b.secretary, "困难上报 李四 又发生了新情况");
    expect(text(reply!.content)).toContain("已有一项紧急谈心在办");
    expect(await h.db.prisma.talkTask.count({ where: { memberId: b.members[LI]!.id } })).toBe(1);
  });

  it("refuses an unknown name and a member", async () => {
    const [unknown] = await command(h, b.leaderA, "困难上报 不存在 情况");
    expect(text(unknown!.content)).toContain("没有名为「不存在」的党员");
    const [member] = await command(h, b.members[WANG]!, "困难上报 李四 情况");
    expect(text(member!.content)).toContain("没有进行此操作的权限");
    expect(await h.db.prisma.talkTask.count()).toBe(2);
  });
});

describe("reminders", () => {
  it("reminds the leader the day before it falls due, once", async () => {
    expect(await urgentRun("2027-03-02", "10:00")).toMatchObject({ open: 2, staged: 0 });
    const r = await urgentRun("2027-03-03", "09:00");
    expect(r).toMatchObject({ open: 2, staged: 2 });
    await h.double.waitForMessage({ to: b.leaderA.openId, where: (m) => text(m.content).includes("紧急谈心明天到期 · 张三") });
    expect((await urgentRun("2027-03-03", "11:00")).staged).toBe(0);
  });

  it("closes the task when the talk is recorded from the urgent card", async () => {
    const card = h.double.messages({ to: b.leaderB.openId }).find((m) => text(m.content).includes("紧急谈心 · 李四"))!;
    const opened = await h.double.click({ from: b.leaderB.openId, messageId: card.message_id, value: buttonValues(card.content, "talk-form")[0]!, tag: "button" });
    expect(text(opened.card)).toContain("紧急谈心：李四困难上报");
    const done = await h.double.click({
      from: b.leaderB.openId,
      messageId: card.message_id,
      value: buttonValues(opened.card, "talk-record")[0]!,
      tag: "button",
      formValue: { heldOn: "2027-03-03", form: "IN_PERSON", life: "已联系社区安排临时住所" },
    });
    expect(text(done.card)).toContain("已记录谈心谈话 · 李四");
    const task = await h.db.prisma.talkTask.findFirstOrThrow({ where: { memberId: b.members[LI]!.id } });
    expect(task.status).toBe("DONE");
    const talk = await h.db.prisma.talk.findFirstOrThrow({ where: { memberId: b.members[LI]!.id } });
    expect(talk.talkTaskId).toBe(task.id);
  });

  it("tells the secretary once a task is late, and only about the one still open", async () => {
    const r = await urgentRun("2027-03-05", "09:00");
    expect(r).toMatchObject({ open: 1, staged: 1 });
    const late = await h.double.waitForMessage({ to: b.secretary.openId, where: (m) => text(m.content).includes("紧急谈心逾期") });
    expect(text(late.content)).toContain("张三");
    expect(text(late.content)).not.toContain("李四");
    expect((await urgentRun("2027-03-05", "15:00")).staged).toBe(0);
  });
});

describe("at night", () => {
  it("opens the task but holds the leader's card until the morning", async () => {
    h.clock.set(at("2027-03-05", "23:00"));
    const [reply] = await command(h, b.secretary, "困难上报 王五 突发疾病住院");
    expect(text(reply!.content)).toContain("已为王五安排紧急谈心");
    const task = await h.db.prisma.talkTask.findFirstOrThrow({ where: { memberId: b.members[WANG]!.id } });
    expect(await staged(h, `talk-urgent-${task.id}`)).toEqual([]);
    expect((await urgentRun("2027-03-05", "23:30")).staged).toBe(0);
    expect((await urgentRun("2027-03-06", "07:50")).staged).toBe(0);
    // A Saturday: an urgent talk does not wait for Monday, only for the night to end.
    expect((await urgentRun("2027-03-06", "08:10")).staged).toBeGreaterThanOrEqual(1);
    await h.double.waitForMessage({ to: b.leaderB.openId, where: (m) => text(m.content).includes("紧急谈心 · 王五") });
    expect(await staged(h, `talk-urgent-${task.id}`)).toHaveLength(1);
  });

  it("the leader's digest on Monday lists the open urgent talks first", async () => {
    h.clock.set(at("2027-03-08", "09:00"));
    await h.app.maintenance!.run("talk-sweep");
    const [digest] = await staged(h, `talk-digest-${b.leaderA.id}-2027-03-08`);
    const urgentButtons = buttonValues(digest!.card, "talk-form").filter((v) => v.k !== undefined);
    expect(urgentButtons.map((v) => v.m)).toEqual([b.members[ZHANG]!.id]);
  });
});
