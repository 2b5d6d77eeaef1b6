// A year of daily sweeps over a branch on a moved clock: on every working day each leader is
// reminded, in one digest, of exactly the members whose talk is due soon or overdue; nothing on
// rest days; a talk recorded stops that member's reminders; a member never talked with goes to
// the secretary after the grace period, as does a member nobody is responsible for. The
// expectation is computed independently of the SQL, from the rules in talk-cadence.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, dayToDate } from "../../src/domain/calendar-day.ts";
import { DEFAULT_TALK_RULES, talkDueOn, talkStanding } from "../../src/domain/talk-cadence.ts";
import { isWorkingDay } from "../../src/domain/working-days.ts";
import type { TalkSweepResult } from "../../src/jobs/talk-sweep.ts";
import type { Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";
import { addTalk, at, listedMembers, seedTalkBranch, setLeader, staged, startTalkHarness, type TalkBranch } from "./support.ts";

const SINCE = "2025-06-01";
const NAMES = ["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八"];
type Plan = { leader: "A" | "B" | "S" | null; last: string | null; hardship?: boolean };
// Members, then the staff (who are members too): their leader, last talk before the year, hardship.
const PLAN: Plan[] = [
  { leader: "A", last: "2025-03-10" }, // yearly, due 2026-03-10
  { leader: "A", last: "2025-07-20" }, // due 2026-07-20
  { leader: "A", last: "2025-12-15", hardship: true }, // quarterly, due 2026-03-15
  { leader: "B", last: null }, // never talked: due a year after joining, 2026-06-01
  { leader: "B", last: "2025-10-08" }, // due right after the National Day break
  { leader: "B", last: "2025-01-20" }, // due 2026-01-20 and never talked with: escalates
  { leader: null, last: "2025-09-01" }, // nobody responsible: the secretary's
  { leader: "A", last: "2025-12-20" }, // due 2026-12-20
  { leader: "A", last: "2025-11-11" }, // the secretary, with leader A
  { leader: "S", last: "2025-08-08" }, // leader A, with the secretary
  { leader: "S", last: "2025-04-04" }, // leader B, with the secretary
];
const NEVER = 5;

let h: Harness;
let b: TalkBranch;
let people: SeededPerson[];
const leaderOf = new Map<number, number | null>();

beforeAll(async () => {
  // Only the scheduler runs: a year of digests is asserted on the outbox, the durable record of
  // what is sent (delivery itself is covered in record.test.ts).
  h = await startTalkHarness({ clockStart: at("2026-01-04"), env: { ROLE: "scheduler" } });
  b = await seedTalkBranch(h, { code: "yr", memberNames: NAMES, since: SINCE });
  people = [...b.members, b.secretary, b.leaderA, b.leaderB];
  const leaders = { A: b.leaderA.id, B: b.leaderB.id, S: b.secretary.id };
  for (const [i, plan] of PLAN.entries()) {
    const m = people[i]!;
    leaderOf.set(m.id, plan.leader ? leaders[plan.leader] : null);
    await setLeader(h, m.id, leaderOf.get(m.id)!);
    if (plan.last) await addTalk(h, { orgId: b.orgId, memberId: m.id, leaderId: b.secretary.id, heldOn: plan.last });
    if (plan.hardship) {
      await h.db.prisma.hardshipEntry.create({
        data: { orgId: b.orgId, personId: m.id, causes: ["ILLNESS"], level: "SERIOUS", household: "测试", nextReviewOn: dayToDate("2026-12-01") },
      });
    }
  }
}, 60_000);
afterAll(async () => h?.close());

describe("a year of talk sweeps", () => {
  it("reminds every leader of exactly the members due, once a working day, until a talk is recorded", async () => {
    const last = new Map<number, string | null>(PLAN.map((p, i) => [people[i]!.id, p.last]));
    const listings = new Map<number, number>();
    const standing = (m: SeededPerson, day: string) => {
      const plan = PLAN[people.indexOf(m)]!;
      return talkStanding(talkDueOn({ lastTalkOn: last.get(m.id) ?? null, since: SINCE, inHardship: !!plan.hardship }, DEFAULT_TALK_RULES), day, DEFAULT_TALK_RULES);
    };
    let digests = 0;
    let restDays = 0;
    const escalatedOn: string[] = [];

    for (let day = "2026-01-05"; day <= "2026-12-31"; day = addDays(day, 1)) {
      h.clock.set(at(day, "09:00"));
      const r = (await h.app.maintenance!.run("talk-sweep")) as TalkSweepResult;
      const rows = await staged(h, "talk-");
      const today = rows.filter((x) => x.key.endsWith(`-${day}`));
      if (!isWorkingDay(day)) {
        restDays++;
        expect(r.skipped, day).toBe("rest-day");
        expect(today, day).toEqual([]);
        continue;
      }
      for (const leader of [b.leaderA, b.leaderB, b.secretary]) {
        const want = people.filter((m) => leaderOf.get(m.id) === leader.id && standing(m, day) !== "current").map((m) => m.id).sort((x, y) => x - y);
        const row = today.find((x) => x.key === `talk-digest-${leader.id}-${day}`);
        expect(row ? listedMembers(row.card) : [], `${leader.name} on ${day}`).toEqual(want);
        if (row) expect(row.receiveId).toBe(leader.openId);
      }
      // The secretary: overdue beyond the grace period, and members nobody is responsible for.
      const forSecretary = people.filter((m) => (leaderOf.get(m.id) === null ? standing(m, day) !== "current" : standing(m, day) === "escalated"));
      const esc = today.find((x) => x.key === `talk-escalation-${b.orgId}-${b.secretary.id}-${day}`);
      expect(!!esc, `secretary digest on ${day}`).toBe(forSecretary.length > 0);
      if (esc) {
        const card = JSON.stringify(esc.card);
        for (const m of people) expect(card.includes(`🟠 ${m.name} ·`) || card.includes(`⚪ ${m.name} ·`), `${m.name} in the secretary's digest on ${day}`).toBe(forSecretary.includes(m));
        escalatedOn.push(day);
      }
      expect(today.length, day).toBe(today.filter((x) => x.key.startsWith("talk-digest-")).length + (esc ? 1 : 0));
      digests += today.length;

      // Leaders record a talk after their third reminder of a member (one member is never talked with).
      for (const m of people) {
        const leader = leaderOf.get(m.id);
        if (leader === null || leader === undefined || m === b.members[NEVER] || standing(m, day) === "current") continue;
        const n = (listings.get(m.id) ?? 0) + 1;
        listings.set(m.id, n === 3 ? 0 : n);
        if (n === 3) {
          await addTalk(h, { orgId: b.orgId, memberId: m.id, leaderId: leader, heldOn: day });
          last.set(m.id, day);
        }
      }
      // A second run the same day, as a second scheduler or a retry would make, sends nothing.
      if (day.endsWith("-15")) expect(((await h.app.maintenance!.run("talk-sweep")) as TalkSweepResult).staged, day).toBe(0);
    }

    expect(restDays).toBeGreaterThan(100);
    expect(digests).toBeGreaterThan(50);
    // 吴六, due 2026-01-20 and never talked with, reached the secretary after 30 days' grace.
    expect(escalatedOn.some((d) => d >= "2026-02-20" && d <= "2026-02-24")).toBe(true);
    // Members with a leader were talked with in the year (the hardship member quarterly), except the one never talked with.
    const talks = await h.db.prisma.talk.groupBy({ by: ["memberId"], where: { heldOn: { gte: dayToDate("2026-01-01") } }, _count: true });
    const count = new Map(talks.map((t) => [t.memberId, t._count]));
    expect(count.get(b.members[2]!.id)).toBeGreaterThanOrEqual(4);
    expect(count.get(b.members[NEVER]!.id)).toBeUndefined();
  }, 180_000);
});
