// 催办 by the calendar: a request left waiting reminds its deciders on the second working day and
// tells the committee's secretary on the fifth, counted in the database calendar's working days
// (an official 2027 schedule entered here: 春节 2027-02-05..13 off, Sunday 02-14 and Saturday 02-20
// worked), each once however often the task runs; a branch with nobody above it is logged, not
// told. The 2027 schedule is made up, as in test/talks/calendar-db.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import type { Harness } from "../support/harness.ts";
import { seedPerson, type SeededPerson } from "../support/seed.ts";
import { approvalCardFor, clickCard, file, seedBranch, startAidHarness, text, toast, type Branch } from "./support.ts";

const at = (day: string, hhmm = "09:40") => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, "Asia/Shanghai").getTime() + (h * 60 + m) * 60_000);
};
const OFF = ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12", "2027-02-13"];
const WORKED = ["2027-02-14", "2027-02-20"];

let h: Harness;
let a: Branch;
let lone: Branch; // a branch with no organisation above it
let committeeSecretary: SeededPerson;

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at("2027-02-04", "10:00") });
  const committee = await h.db.prisma.organization.create({ data: { code: "rm-c", name: "磐东社区党委", kind: "COMMITTEE" } });
  committeeSecretary = await seedPerson(h.db.prisma, h.double, { name: "社区书记", orgId: committee.id, roles: ["SECRETARY"] });
  a = await seedBranch(h, "rm", { prefix: "催" });
  lone = await seedBranch(h, "rl", { prefix: "孤" });
  await h.db.prisma.organization.update({ where: { id: a.orgId }, data: { parentId: committee.id } });
  await h.db.prisma.calendarYear.upsert({ where: { year: 2027 }, create: { year: 2027, source: "OFFICIAL" }, update: { source: "OFFICIAL" } });
  await h.db.prisma.calendarDay.deleteMany({ where: { day: { gte: new Date("2027-01-01"), lte: new Date("2027-12-31") } } });
  await h.db.prisma.calendarDay.createMany({
    data: [...OFF.map((d) => ({ day: new Date(d), kind: "HOLIDAY" as const, name: "春节" })), ...WORKED.map((d) => ({ day: new Date(d), kind: "WORKDAY" as const, name: "春节" }))],
  });
});
afterAll(async () => h?.close());

/** The test clock keeps running after it is set: a stamp is the run's time plus the moments the run took. */
function expectStampedAt(stamp: Date | null, runAt: Date): void {
  expect(stamp).not.toBeNull();
  expect(stamp!.getTime() - runAt.getTime()).toBeGreaterThanOrEqual(0);
  expect(stamp!.getTime() - runAt.getTime()).toBeLessThan(60_000);
}

async function run(day: string, hhmm = "09:40"): Promise<Record<string, unknown>> {
  h.clock.set(at(day, hhmm));
  return (await h.app.maintenance!.run("aid-reminders")) as Record<string, unknown>;
}

const reminders = (to: SeededPerson, number: string) => h.double.messages({ to: to.openId }).filter((m) => text(m).includes(`待审批提醒 · ${number}`));
const notices = (number: string) => h.double.messages({ to: committeeSecretary.openId }).filter((m) => text(m).includes(number));
const outboxOf = (prefix: string) => h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: prefix } } });

describe("the aid-reminders task", () => {
  let number: string;
  let id: number;
  let decided: string;
  let loneNumber: string;

  it("files on the Thursday before the Spring Festival break", async () => {
    const filed = await file(h, a.member);
    number = filed.req.number;
    id = filed.req.id;
    expect(number).toMatch(/^2027-/);
    // Another request the secretary decides at once: never chased.
    const other = await file(h, a.member2, { category: "LIVING", description: "冬季取暖费用较高，生活困难", amount: "200", urgency: "NORMAL" });
    decided = other.req.number;
    await clickCard(h, a.secretary, await approvalCardFor(h, a.secretary, decided), "aid-reject", { note: "已由社区临时救助解决" });
    loneNumber = (await file(h, lone.member)).req.number;
  });

  it("sends nothing during the break, and on its first working day (the make-up Sunday) it is only one day", async () => {
    expect(await run("2027-02-05")).toMatchObject({ skipped: "rest-day" });
    expect(await run("2027-02-08")).toMatchObject({ skipped: "rest-day" });
    expect(await run("2027-02-14")).toMatchObject({ waiting: 2, reminded: 0, escalated: 0 });
    expect(await outboxOf(`aid-remind-${id}-`)).toBe(0);
  });

  it("reminds the deciders on the second working day, once", async () => {
    expect(await run("2027-02-15")).toMatchObject({ reminded: 2, escalated: 0 });
    for (const d of [a.secretary, a.delegate]) {
      await h.double.waitForMessage({ to: d.openId, where: (m) => text(m).includes(`待审批提醒 · ${number}`) });
      expect(text(reminders(d, number)[0]!)).toContain("已等待 2 个工作日");
    }
    expect(reminders(a.member, number)).toHaveLength(0);
    expectStampedAt((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id } })).remindedAt, at("2027-02-15"));
    expect(h.double.messages().some((m) => text(m).includes(`待审批提醒 · ${decided}`))).toBe(false);

    // Run again the same day (the 15:40 catch-up) and the next: nothing new.
    const outbox = await h.db.prisma.outboxMessage.count();
    expect(await run("2027-02-15", "15:40")).toMatchObject({ reminded: 0 });
    expect(await run("2027-02-16")).toMatchObject({ reminded: 0, escalated: 0 });
    expect(await h.db.prisma.outboxMessage.count()).toBe(outbox);
    expect(reminders(a.secretary, number)).toHaveLength(1);
  });

  it("tells the committee's secretary on the fifth working day, once; a branch with nobody above is logged and skipped", async () => {
    expect(await run("2027-02-17")).toMatchObject({ escalated: 0 });
    expect(await run("2027-02-18")).toMatchObject({ escalated: 1, noCommittee: 1 });
    const notice = await h.double.waitForMessage({ to: committeeSecretary.openId, where: (m) => text(m).includes(number) });
    expect(text(notice)).toContain("帮扶申请久未审批 · 催党支部");
    expect(text(notice)).toContain("已等待 5 个工作日");
    expect(text(notice)).toContain("催书记");
    // The committee supervises; the member's story stays with the branch's deciders.
    expect(text(notice)).not.toContain("住院手术");
    expectStampedAt((await h.db.prisma.aidRequest.findUniqueOrThrow({ where: { id } })).escalatedAt, at("2027-02-18"));

    expect(await run("2027-02-19")).toMatchObject({ escalated: 0, noCommittee: 1 });
    expect(await run("2027-02-20")).toMatchObject({ escalated: 0 });
    expect(notices(number)).toHaveLength(1);
    expect(h.double.messages().some((m) => text(m).includes(`久未审批`) && text(m).includes(loneNumber))).toBe(false);
    expect((await h.db.prisma.aidRequest.findFirstOrThrow({ where: { number: loneNumber } })).escalatedAt).toBeNull();
  });

  it("opens the approval card from the reminder, and a decision ends the chase", async () => {
    const reminder = reminders(a.secretary, number)[0]!;
    const opened = await clickCard(h, a.secretary, reminder, "aid-open");
    expect(toast(opened).content).toContain(number);
    const card = await approvalCardFor(h, a.secretary, number, 1);
    await clickCard(h, a.secretary, card, "aid-reject", { note: "请先申请医保报销" });
    expect(await run("2027-02-22")).toMatchObject({ waiting: 1 });
  });
});
