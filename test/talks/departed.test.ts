// Nobody departed is ever reminded or reminded about (issue 13, point 1). A branch where one
// member transferred out (ENDED membership), one died (Person.deceasedOn), one is suspended,
// one transferred to another branch in the system, and one leader died: every scheduled push
// of one working day runs, and what Lark delivered names only people still in the branch, goes
// only to people still in it, and shows the transferred member in the new branch alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import type { SentMessage } from "../../src/double/index.ts";
import type { Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { settle } from "../visits/helpers.ts";
import { addTalk, at, seedTalkBranch, setLeader, startTalkHarness } from "./support.ts";

let h: Harness;
let b: Awaited<ReturnType<typeof seedTalkBranch>>;
let other: { orgId: number; secretary: SeededPerson; leader: SeededPerson };
let formerLeader: SeededPerson;
let helper: SeededPerson;
const who: Record<string, SeededPerson> = {};
const DEPARTED = ["转出乙", "去世丙", "停权戊"];
const text = (m: SentMessage) => JSON.stringify(m.content);

async function setUp(): Promise<void> {
  const p = h.db.prisma;
  b = await seedTalkBranch(h, { code: "dp", memberNames: ["在册甲", "转出乙", "去世丙", "转入丁", "停权戊", "在册己"], since: "2020-01-01", staffTalkOn: "2027-06-01" });
  for (const m of b.members) who[m.name] = m;
  const org2 = await seedOrg(p, "dp2", "第二党支部", b.upperOrgId);
  other = {
    orgId: org2.id,
    secretary: await seedPerson(p, h.double, { name: "二支书记", orgId: org2.id, roles: ["SECRETARY", "LEADER"] }),
    leader: await seedPerson(p, h.double, { name: "二支委员", orgId: org2.id, roles: ["LEADER"] }),
  };
  await addTalk(h, { orgId: org2.id, memberId: other.secretary.id, leaderId: other.leader.id, heldOn: "2027-06-01" });
  await addTalk(h, { orgId: org2.id, memberId: other.leader.id, leaderId: other.secretary.id, heldOn: "2027-06-01" });
  helper = await seedPerson(p, h.double, { name: "帮扶人", orgId: b.orgId, roles: [] });
  await addTalk(h, { orgId: b.orgId, memberId: helper.id, leaderId: b.leaderA.id, heldOn: "2027-06-01" });
  formerLeader = await seedPerson(p, h.double, { name: "前支委", orgId: b.orgId, roles: ["LEADER"] });

  // Everyone old, mobile, in hardship, paired and looking for work: each sweep has something to say about each.
  for (const m of b.members) {
    await p.person.update({ where: { id: m.id }, data: { tags: ["OLD_MEMBER", "MOBILE"], whereabouts: "深圳", createdAt: new Date("2020-01-01T02:00:00Z") } });
    await setLeader(h, m.id, b.leaderA.id);
    await p.hardshipEntry.create({ data: { orgId: b.orgId, personId: m.id, causes: ["ILLNESS"], level: "GENERAL", household: "家庭情况", nextReviewOn: dayToDate("2027-06-24") } });
    await p.pairing.create({ data: { orgId: b.orgId, memberId: m.id, helperKind: "MEMBER", helperPersonId: helper.id, startOn: dayToDate("2027-01-01") } });
    await p.talkTask.create({ data: { orgId: b.orgId, memberId: m.id, leaderId: b.leaderA.id, reason: "FLAGGED", dueOn: dayToDate("2027-06-15") } });
    await p.visitTask.create({ data: { orgId: b.orgId, memberId: m.id, visitorId: b.leaderA.id, eventKind: "ILLNESS", reason: "住院", dueOn: dayToDate("2027-06-01") } });
    const c = await p.employmentCase.create({ data: { orgId: b.orgId, personId: m.id, registeredById: b.secretary.id, skills: "电工", kinds: ["SKILLED_TRADE"], openedOn: dayToDate("2027-04-01") } });
    const posting = await p.jobPosting.create({ data: { orgId: b.orgId, postedById: b.secretary.id, type: "JOB", title: `电工岗位${m.name}`, kinds: ["SKILLED_TRADE"], details: "详情" } });
    await p.jobPush.create({ data: { postingId: posting.id, personId: m.id, caseId: c.id } });
  }
  // 在册己's leader died: the member is the secretary's to place, and the dead leader hears nothing.
  await setLeader(h, who["在册己"]!.id, b.leaderB.id);
  await p.person.update({ where: { id: b.leaderB.id }, data: { deceasedOn: dayToDate("2027-06-05") } });

  const ended = { status: "ENDED" as const, endedOn: dayToDate("2027-06-10") };
  await p.membership.updateMany({ where: { personId: who["转出乙"]!.id }, data: ended });
  await p.membership.updateMany({ where: { personId: formerLeader.id }, data: ended });
  await p.person.update({ where: { id: who["去世丙"]!.id }, data: { deceasedOn: dayToDate("2027-06-15") } });
  await p.membership.updateMany({ where: { personId: who["停权戊"]!.id }, data: { status: "SUSPENDED", endedOn: dayToDate("2027-06-10") } });

  // 转入丁 moved to the second branch, with what moves along (as the lifecycle does): their
  // leader, hardship entry, pairing, tasks and case. The first branch's membership has the
  // lower id, which the talk sweep used to pick.
  const ding = who["转入丁"]!;
  await p.membership.updateMany({ where: { personId: ding.id, orgId: b.orgId }, data: ended });
  await p.membership.create({ data: { personId: ding.id, orgId: other.orgId, role: "MEMBER", since: dayToDate("2027-06-10") } });
  await setLeader(h, ding.id, other.leader.id);
  for (const table of ["hardshipEntry", "pairing", "talkTask", "visitTask", "employmentCase"] as const) {
    await (p[table] as unknown as { updateMany(a: object): Promise<unknown> }).updateMany({ where: { [table === "hardshipEntry" || table === "employmentCase" ? "personId" : "memberId"]: ding.id }, data: { orgId: other.orgId } });
  }
  await p.talkTask.updateMany({ where: { memberId: ding.id }, data: { leaderId: other.leader.id } });
  await p.visitTask.updateMany({ where: { memberId: ding.id }, data: { visitorId: other.leader.id } });
}

beforeAll(async () => {
  // A Monday: 七一 is within the planning window, reviews within their lead days, the month's contact reminders due.
  h = await startTalkHarness({ clockStart: at("2027-06-21", "10:30") });
  await setUp();
  for (const task of ["talk-sweep", "talk-urgent", "hardship-review", "visit-plan", "visit-overdue", "visit-contacts", "job-push-weekly", "employment-checkin"]) {
    await h.app.maintenance!.run(task);
  }
  await settle(h);
}, 120_000);
afterAll(async () => h?.close());

const all = () => h.double.messages({});
const to = (p: SeededPerson) => h.double.messages({ to: p.openId });

describe("scheduled pushes after departures", () => {
  it("name no departed member, in any message to anyone", () => {
    const sent = all();
    expect(sent.length).toBeGreaterThan(5);
    for (const name of DEPARTED) expect(sent.filter((m) => text(m).includes(name)).map((m) => m.receive_id)).toEqual([]);
  });

  it("go to no departed or dead person", () => {
    for (const p of [who["转出乙"]!, who["去世丙"]!, who["停权戊"]!, b.leaderB, formerLeader]) expect(to(p)).toEqual([]);
  });

  it("still name the members who stay, to their leader, helper and secretary", () => {
    const leaderA = to(b.leaderA).map(text).join("\n");
    for (const what of ["谈心", "走访", "流动党员"]) expect(leaderA).toContain(what);
    expect(leaderA).toContain("在册甲");
    expect(to(helper).map(text).join("\n")).toContain("在册甲");
    const secretary = to(b.secretary).map(text).join("\n");
    expect(secretary).toContain("在册甲");
    // The dead leader's member is the secretary's to place.
    expect(secretary).toContain("在册己");
    expect(to(who["在册甲"]!).map(text).join("\n")).toContain("电工岗位在册甲");
  });

  it("show the transferred member in the new branch only", async () => {
    const ding = "转入丁";
    // (The pairing moved with the member, so their helper, wherever they are, still visits them.)
    for (const p of [b.leaderA, b.secretary, b.upperSecretary]) expect(to(p).filter((m) => text(m).includes(ding)).map(text)).toEqual([]);
    expect(to(other.leader).map(text).join("\n")).toContain(ding);
    expect(to(other.secretary).map(text).join("\n")).toContain(ding);
    const visit = await h.db.prisma.visitTask.findFirst({ where: { memberId: who[ding]!.id, festival: "JULY_FIRST" } });
    expect(visit).toMatchObject({ orgId: other.orgId });
  });

  it("plan no festival visit for a departed member", async () => {
    const planned = await h.db.prisma.visitTask.findMany({ where: { festival: "JULY_FIRST" }, select: { memberId: true } });
    const ids = new Set(planned.map((v) => v.memberId));
    expect(ids.has(who["在册甲"]!.id)).toBe(true);
    for (const name of DEPARTED) expect(ids.has(who[name]!.id)).toBe(false);
  });

  it("give a former leader no role: a leader's command is refused", async () => {
    const said = await h.double.say({ from: formerLeader.openId, text: "谈心" });
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(text(reply)).toContain("没有");
    expect(text(reply)).not.toContain("谈心名单");
  });
});
