// A year in the life of a branch (issue 13, point 6): sixty people in branch A, a second branch
// in the same committee, twelve months of clock time from 2026-12-01, each day's scheduled tasks
// run at their cron minutes, people answering what the bot pushes through the cards' buttons,
// and the story's steps (money, the 2027 calendar, aid and a reversal, joins, a transfer inside
// the system, a death, a transfer out of it) taken from chat. At the end the year is judged on
// rows and on what the Lark double received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateToDay } from "../../src/domain/calendar-day.ts";
import type { Harness } from "../support/harness.ts";
import { seedCast } from "./cast.ts";
import { ledgerMismatches, messagesAfterDeparture, pushesOffHours, sentTwice, untalkedMembers } from "./checks.ts";
import { textOf, type Mailbox } from "./mailbox.ts";
import { isDayOff, OFFICIAL_2027_LINES } from "./official-2027.ts";
import { theStory, type Story } from "./story.ts";
import { liveYear, type YearRun } from "./year-loop.ts";
import { startWorld, World } from "./world.ts";

const FIRST_DAY = "2026-12-01";
const LAST_DAY = "2027-11-30";
const FESTIVALS = ["SPRING_FESTIVAL", "JULY_FIRST", "MID_AUTUMN", "DOUBLE_NINTH"];

let h: Harness;
let mail: Mailbox;
let w: World;
let story: Story;
let year: YearRun;

beforeAll(async () => {
  ({ h, mail } = await startWorld(FIRST_DAY));
  w = new World(h, mail, await seedCast(h));
  story = theStory(w);
  const started = Date.now();
  year = await liveYear(w, FIRST_DAY, LAST_DAY, story.steps);
  const ms = [...year.msByTask].map(([task, v]) => `${task} ${(v / 1000).toFixed(1)}`).join(", ");
  console.info(`year: ${year.days} days, ${year.runs.length} task runs, ${year.steps} steps, ${mail.all.length} messages in ${Math.round((Date.now() - started) / 1000)} s (seconds per task: ${ms}); people did ${JSON.stringify(w.doings)}`);
}, 600_000);
afterAll(async () => h?.close());

const p = () => h.db.prisma;
const branchOf = async (personId: number) => (await p().membership.findMany({ where: { personId, role: "MEMBER" }, select: { orgId: true, status: true, since: true, endedOn: true }, orderBy: { id: "asc" } })).map((m) => ({ ...m, since: m.since && dateToDay(m.since), endedOn: m.endedOn && dateToDay(m.endedOn) }));

describe("a year in the life of a branch", () => {
  it("lived the whole year, every step of the story through the bot", () => {
    expect(year.days).toBe(365);
    expect(story.gaps).toEqual([]);
  });

  it("talked with every active member in the last twelve months", async () => {
    expect(await untalkedMembers(h, LAST_DAY)).toEqual([]);
    expect(w.doings.talks).toBeGreaterThan(60);
  });

  it("sent nothing to or about a member after they left", async () => {
    expect(story.departures.map((d) => d.kind)).toEqual(["TRANSFER_INSIDE", "DEATH", "TRANSFER_OUT"]);
    // Each of them was in the bot's pushes before (digests, visits, reviews): the silence after is the bot's doing.
    for (const d of story.departures) {
      const before = mail.all.filter((m) => m.cause.kind === "task" && dateToDay(new Date(m.msg.create_time + 8 * 3600_000)) < d.effectiveOn && textOf(m.msg.content).includes(d.person.name));
      expect(before.length, d.person.name).toBeGreaterThan(0);
    }
    expect(await messagesAfterDeparture(h, mail.all, story.departures, w.cast)).toEqual([]);
  });

  it("pushed nothing on a day off of the entered 2027 schedule, nor at night", () => {
    expect(pushesOffHours(mail.all)).toEqual([]);
    expect(mail.all.filter((m) => m.cause.kind === "task").length).toBeGreaterThan(100);
  });

  it("kept every fund source's ledger equal to its balance", async () => {
    const { problems, sources } = await ledgerMismatches(h);
    expect(problems).toEqual([]);
    expect(sources).toBeGreaterThanOrEqual(4);
  });

  it("sent nothing twice", async () => {
    expect(sentTwice(mail.all)).toEqual([]);
    // Every message was delivered while its cause ran: the attribution the checks above rely on is exact.
    expect(mail.all.filter((m) => m.cause.kind === "action" && m.cause.label === "between causes").map((m) => m.key)).toEqual([]);
    expect(await p().outboxMessage.count({ where: { status: { not: "SENT" } } })).toBe(0);
  });
});

describe("what the year left in the rows", () => {
  it("worked on the days the entered schedule says, make-up weekends included, and rested on the others", async () => {
    expect(await p().calendarYear.findUnique({ where: { year: 2027 } })).toMatchObject({ source: "OFFICIAL", enteredById: w.cast.committee.worker.id });
    expect(await p().calendarDay.count({ where: { day: { gte: new Date("2027-01-01"), lt: new Date("2028-01-01") } } })).toBe(OFFICIAL_2027_LINES.length);
    // The day's first talk sweep (the later ones only catch up).
    const seen = new Set<string>();
    const sweeps = year.runs.filter((r) => r.task === "talk-sweep" && !seen.has(r.day) && seen.add(r.day));
    expect(sweeps).toHaveLength(365);
    const wrong = sweeps.filter((r) => ((r.result as { skipped?: string }).skipped === "rest-day") !== isDayOff(r.day)).map((r) => `${r.day} ${JSON.stringify(r.result)}`);
    expect(wrong).toEqual([]);
    // From November, the top organisation is reminded that 2028's schedule is missing.
    const { secretary, worker } = w.cast.committee;
    const reminded = mail.all.filter((m) => m.cause.kind === "task" && [secretary.openId, worker.openId].includes(m.msg.recipient_open_id ?? "") && textOf(m.msg.content).includes("2028"));
    expect(reminded.length).toBeGreaterThan(0);
    expect(reminded.every((m) => dateToDay(new Date(m.msg.create_time + 8 * 3600_000)) >= "2027-11-01")).toBe(true);
  });

  it("visited at the four festivals everyone due a visit, and no one who had left", async () => {
    const tasks = await p().visitTask.findMany({ where: { festival: { in: FESTIVALS }, year: 2027 }, select: { festival: true, status: true, memberId: true, orgId: true } });
    for (const f of FESTIVALS) expect(tasks.filter((t) => t.festival === f && t.status === "DONE").length, f).toBeGreaterThan(5);
    expect(tasks.filter((t) => t.status !== "DONE")).toEqual([]);
    const { dies, leavesSystem, movesToB } = w.cast.story;
    const after = (id: number, festivals: string[]) => tasks.filter((t) => t.memberId === id && festivals.includes(t.festival!));
    expect(after(dies.id, ["MID_AUTUMN", "DOUBLE_NINTH"])).toEqual([]);
    expect(after(leavesSystem.id, ["MID_AUTUMN", "DOUBLE_NINTH"])).toEqual([]);
    // The member in the hardship archive who moved is visited by the branch that now has them.
    expect(after(movesToB.id, ["JULY_FIRST", "MID_AUTUMN", "DOUBLE_NINTH"]).map((t) => t.orgId)).toEqual([w.cast.b.orgId, w.cast.b.orgId, w.cast.b.orgId]);
  });

  it("paid, refused and reversed aid as decided, and told the member of the reversal", async () => {
    const { aided, reversed, movesToB, refused } = story.aid;
    const req = (number: string | undefined) => p().aidRequest.findUniqueOrThrow({ where: { number: number! } });
    expect(await req(aided)).toMatchObject({ status: "APPROVED", approvedFen: 200_000 });
    expect(await req(refused)).toMatchObject({ status: "REJECTED" });
    const undone = await req(reversed);
    expect(undone).toMatchObject({ status: "REVERSED" });
    const paid = await p().fundEntry.findUniqueOrThrow({ where: { aidRequestId: undone.id } });
    expect(await p().fundEntry.findUniqueOrThrow({ where: { reversesId: paid.id } })).toMatchObject({ kind: "REVERSAL", amountFen: 80_000, source: "DONATION", orgId: w.cast.a.orgId });
    expect(await p().fundBalance.findUniqueOrThrow({ where: { orgId_source: { orgId: w.cast.a.orgId, source: "DONATION" } } })).toMatchObject({ balanceFen: 500_000 });
    const told = mail.all.filter((m) => m.msg.recipient_open_id === w.cast.story.reversed.openId && textOf(m.msg.content).includes(reversed!) && textOf(m.msg.content).includes("冲正"));
    expect(told.length).toBeGreaterThan(0);
    // Money stays where it was paid: the member who moved was paid by branch A, and A's books still say so.
    const moved = await req(movesToB);
    expect(await p().fundEntry.findUniqueOrThrow({ where: { aidRequestId: moved.id } })).toMatchObject({ orgId: w.cast.a.orgId, kind: "DISBURSEMENT" });
  });

  it("moved the member to branch B with their care, where a leader talked with them", async () => {
    const { movesToB } = w.cast.story;
    expect(await branchOf(movesToB.id)).toEqual([
      { orgId: w.cast.a.orgId, status: "ENDED", since: expect.any(String), endedOn: "2027-05-18" },
      { orgId: w.cast.b.orgId, status: "ACTIVE", since: "2027-05-18", endedOn: null },
    ]);
    expect(await p().hardshipEntry.findFirstOrThrow({ where: { personId: movesToB.id } })).toMatchObject({ orgId: w.cast.b.orgId, status: "ACTIVE" });
    const bStaff = [w.cast.b.secretary, ...w.cast.b.leaders].map((x) => x.id);
    const talksInB = await p().talk.findMany({ where: { memberId: movesToB.id, heldOn: { gt: new Date("2027-05-18") } } });
    expect(talksInB.length).toBeGreaterThan(0);
    for (const t of talksInB) expect(bStaff).toContain(t.leaderId);
  });

  it("recorded the death and the transfer out, and the condolence visit to the family was made", async () => {
    const { dies, leavesSystem } = w.cast.story;
    expect(dateToDay((await p().person.findUniqueOrThrow({ where: { id: dies.id } })).deceasedOn!)).toBe("2027-07-21");
    expect(await branchOf(dies.id)).toEqual([{ orgId: w.cast.a.orgId, status: "ENDED", since: expect.any(String), endedOn: "2027-07-21" }]);
    expect(await p().visitTask.findFirstOrThrow({ where: { memberId: dies.id, eventKind: "CONDOLENCE" } })).toMatchObject({ status: "DONE" });
    expect(await branchOf(leavesSystem.id)).toEqual([{ orgId: w.cast.a.orgId, status: "ENDED", since: expect.any(String), endedOn: "2027-08-17" }]);
    expect(await p().membershipChange.findFirstOrThrow({ where: { personId: leavesSystem.id } })).toMatchObject({ kind: "TRANSFER_OUT", otherOrgId: null, otherOrgName: "外省某市某党支部", status: "APPLIED" });
  });

  it("helped the two members looking for work until one found a job and the other left", async () => {
    const cases = await p().employmentCase.findMany({ include: { events: true } });
    const of = (id: number) => cases.find((c) => c.personId === id);
    expect(of(w.cast.a.members[35]!.id)).toMatchObject({ status: "EMPLOYED", outcome: "同心快递站分拣员" });
    expect(of(w.cast.story.leavesSystem.id)).toMatchObject({ status: "CLOSED" });
    // The second posting of a week waited for the next weekly card, which a task pushed.
    expect(mail.all.filter((m) => m.cause.kind === "task" && m.key.startsWith("job-push-") && textOf(m.msg.content).includes("灵活就业社保补贴申领指南")).length).toBeGreaterThan(0);
    expect(w.doings.checkIns).toBeGreaterThan(0);
  });

  it("took the newcomers from the re-imported roster, bound to Lark, with their last talk elsewhere", async () => {
    expect(story.joined).toHaveLength(3);
    for (const j of story.joined) {
      expect(await branchOf(j.id), j.name).toEqual([{ orgId: w.cast.a.orgId, status: "ACTIVE", since: expect.any(String), endedOn: null }]);
      expect(await p().talk.findFirst({ where: { memberId: j.id, imported: true } }), j.name).not.toBeNull();
    }
    expect(await p().rosterReview.count()).toBe(0);
  });
});
