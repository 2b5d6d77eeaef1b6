// Recording a talk from the digest card, as a leader does it in Lark: the digest arrives, the
// button opens the form in place, the form records the talk and its follow-up, and the
// reminders for that member stop. The notes are seen by the leader and the secretary only
// (each view audited); the member sees that the talk took place.
import { opened } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateWords } from "../../src/domain/date-words.ts";
import type { SentMessage } from "../../src/double/index.ts";
import type { TalkSweepResult } from "../../src/jobs/talk-sweep.ts";
import { command } from "../aid/support.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { addTalk, at, buttonValues, listedMembers, seedTalkBranch, setLeader, startTalkHarness, staged, type TalkBranch } from "./support.ts";

let h: Harness;
let b: TalkBranch;
const text = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "09:00") });
  b = await seedTalkBranch(h, { code: "rc", memberNames: ["张三", "李四"], since: "2026-03-05", staffTalkOn: "2027-01-10" });
  const [zhang, li] = b.members as [(typeof b.members)[0], (typeof b.members)[0]];
  await setLeader(h, zhang.id, b.leaderA.id); // no talk since joining on 2026-03-05: due 2027-03-05
  await setLeader(h, li.id, b.leaderA.id);
  await addTalk(h, { orgId: b.orgId, memberId: li.id, leaderId: b.leaderA.id, heldOn: "2026-12-01" }); // not due for months
}, 60_000);
afterAll(async () => h?.close());

async function sweep(day: string): Promise<TalkSweepResult> {
  h.clock.set(at(day, "09:00"));
  return (await h.app.maintenance!.run("talk-sweep")) as TalkSweepResult;
}

const digestTo = (openId: string, day: string) => h.double.waitForMessage({ to: openId, where: (m) => text(m.content).includes(`谈心谈话提醒 · ${dateWords(day, day).zh}`) });

describe("recording a talk from the digest", () => {
  let digest: SentMessage;

  it("sends the leader one digest listing the member due", async () => {
    const r = await sweep("2027-03-01");
    expect(r).toMatchObject({ leaders: 1, staged: 1 });
    digest = await digestTo(b.leaderA.openId, "2027-03-01");
    expect(listedMembers(digest.content)).toEqual([b.members[0]!.id]);
    expect(text(digest.content)).toContain("张三");
    expect(h.double.messages({ to: b.leaderA.openId })).toHaveLength(1);
  });

  it("opens the form in place and refuses a talk dated tomorrow, writing nothing", async () => {
    const [value] = buttonValues(digest.content, "talk-form");
    const opened = await h.double.click({ from: b.leaderA.openId, messageId: digest.message_id, value: value!, tag: "button" });
    expect(opened.cardUpdated).toBe(true);
    expect(text(opened.card)).toContain("记录谈心谈话 · 张三");

    const [save] = buttonValues(opened.card, "talk-record");
    const bad = await h.double.click({ from: b.leaderA.openId, messageId: digest.message_id, value: save!, tag: "button", formValue: { heldOn: "2027-03-02 +0800", form: "IN_PERSON", life: "家里有困难" } });
    expect(text(bad.toast)).toContain("谈话日期不能晚于今天");
    expect(await h.db.prisma.talk.count({ where: { memberId: b.members[0]!.id } })).toBe(0);
  });

  it("records the talk and its follow-up, audits which fields (not the notes), and answers with the updated board", async () => {
    const form = h.double.message(digest.message_id)!.content;
    const [save] = buttonValues(form, "talk-record");
    const done = await h.double.click({
      from: b.leaderA.openId,
      messageId: digest.message_id,
      value: save!,
      tag: "button",
      formValue: {
        heldOn: "2027-03-01 +0800",
        form: "PHONE",
        thinking: "思想稳定",
        life: "母亲住院，经济压力大",
        concerns: "希望了解就业培训",
        areas: ["WORK", "LIFE"],
        fu1: "联系社区就业培训",
        fu1Due: "2027-03-03 +0800",
      },
    });
    expect(text(done.toast)).toContain("已记录与张三的谈话");
    expect(done.cardUpdated).toBe(true);
    expect(text(done.card)).toContain("已记录 2027-03-01 与张三的谈话");
    expect(listedMembers(done.card)).toEqual([]);

    const talk = await h.db.prisma.talk.findFirstOrThrow({ where: { memberId: b.members[0]!.id }, include: { followUps: true } });
    expect(opened("Talk", talk)).toMatchObject({ leaderId: b.leaderA.id, orgId: b.orgId, form: "PHONE", life: "母亲住院，经济压力大", concernAreas: ["WORK", "LIFE"] });
    expect(talk.heldOn.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(talk.followUps.map((f) => opened("FollowUp", f))).toMatchObject([{ ownerId: b.leaderA.id, description: "联系社区就业培训", status: "OPEN" }]);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "talk.create", subjectId: String(talk.id) } });
    expect(audit.actorId).toBe(b.leaderA.id);
    expect(text(audit.changes)).toContain("life");
    expect(text(audit.changes)).not.toContain("母亲住院");
  });

  it("stops the member's reminders and reminds the follow-up instead, until it is done", async () => {
    await sweep("2027-03-02");
    const [row] = await staged(h, `talk-digest-${b.leaderA.id}-2027-03-02`);
    expect(listedMembers(row!.card)).toEqual([]);
    expect(text(row!.card)).toContain("联系社区就业培训");
    const msg = await digestTo(b.leaderA.openId, "2027-03-02");
    const [doneValue] = buttonValues(msg.content, "talk-followup-done");
    const click = await h.double.click({ from: b.leaderA.openId, messageId: msg.message_id, value: doneValue!, tag: "button" });
    expect(text(click.toast)).toContain("跟进事项已完成");
    expect(await h.db.prisma.followUp.count({ where: { status: "DONE" } })).toBe(1);

    const r = await sweep("2027-03-03");
    expect(r.leaders).toBe(0);
    expect(await staged(h, `talk-digest-${b.leaderA.id}-2027-03-03`)).toEqual([]);
  });
});

describe("who sees the notes", () => {
  it("the member sees that the talk took place, not what was said", async () => {
    const [reply] = await command(h, b.members[0]!, "我的谈心");
    // Drawn in 2027: this year's date without its year.
    expect(text(reply!.content)).toContain("3月1日 与");
    expect(text(reply!.content)).toContain(b.leaderA.name);
    expect(text(reply!.content)).not.toContain("母亲住院");
  });

  it("the leader who held it and the secretary read the notes, and each view is audited", async () => {
    for (const reader of [b.leaderA, b.secretary]) {
      const [reply] = await command(h, reader, "谈心记录 张三");
      expect(text(reply!.content)).toContain("母亲住院");
      expect(await h.db.prisma.auditLog.count({ where: { action: "talk.view", actorId: reader.id } })).toBe(1);
    }
  });

  it("another leader of the branch does not, and nothing is logged as viewed", async () => {
    const [reply] = await command(h, b.leaderB, "谈心记录 张三");
    expect(text(reply!.content)).not.toContain("母亲住院");
    expect(text(reply!.content)).toContain("没有您可以查看的谈话记录");
    expect(await h.db.prisma.auditLog.count({ where: { action: "talk.view", actorId: b.leaderB.id } })).toBe(0);
  });

  it("a member may not ask for anyone's notes", async () => {
    const [reply] = await command(h, b.members[1]!, "谈心记录 张三");
    expect(text(reply!.content)).toContain("没有");
    expect(text(reply!.content)).not.toContain("母亲住院");
  });

  it("谈心 lists all the leader's members with their last talk", async () => {
    const [reply] = await command(h, b.leaderA, "谈心");
    // Leader A talks with the secretary too (the staff are members as well).
    expect(listedMembers(reply!.content)).toEqual([b.members[0]!.id, b.members[1]!.id, b.secretary.id].sort((x, y) => x - y));
    // Dates read right in 2027: this year's without the year, last year's with it.
    expect(text(reply!.content)).toContain("上次谈心 3月1日");
    expect(text(reply!.content)).toContain("上次谈心 2026年12月1日");
  });
});

describe("delivery", () => {
  it("sent every staged message to Lark, none refused", async () => {
    const rows = await eventually(async () => {
      const r = await h.db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true, status: true, lastError: true } });
      return r.every((x) => x.status !== "PENDING") ? r : undefined;
    });
    expect(rows.filter((x) => x.status === "FAILED")).toEqual([]);
  });
});
