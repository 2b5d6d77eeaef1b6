// Sweeps keep to working days and daytime: over the 2026 National Day break nothing is pushed,
// the first working day after it carries what fell due meanwhile, the make-up Saturday (调休)
// counts as a working day, and a sweep at night sends nothing. The schedulers read their cron
// patterns in Asia/Shanghai.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TalkSweepResult } from "../../src/jobs/talk-sweep.ts";
import type { Harness } from "../support/harness.ts";
import { addTalk, at, listedMembers, seedTalkBranch, setLeader, staged, startTalkHarness, type TalkBranch } from "./support.ts";

let h: Harness;
let b: TalkBranch;
const text = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2026-09-30", "09:00") });
  b = await seedTalkBranch(h, { code: "hd", memberNames: ["陈一"], since: "2020-01-01", staffTalkOn: "2026-06-01" });
  await setLeader(h, b.members[0]!.id, b.leaderA.id);
  await addTalk(h, { orgId: b.orgId, memberId: b.members[0]!.id, leaderId: b.leaderA.id, heldOn: "2025-10-02" }); // due 2026-10-02, in the break
}, 60_000);
afterAll(async () => h?.close());

async function sweep(day: string, time = "09:00"): Promise<TalkSweepResult> {
  h.clock.set(at(day, time));
  return (await h.app.maintenance!.run("talk-sweep")) as TalkSweepResult;
}

describe("sweeps over the National Day break", () => {
  it("sends nothing on the holidays", async () => {
    for (const day of ["2026-10-01", "2026-10-04", "2026-10-07"]) {
      expect(await sweep(day), day).toMatchObject({ skipped: "rest-day", staged: 0 });
      expect(await staged(h, `talk-digest-${b.leaderA.id}-${day}`)).toEqual([]);
    }
  });

  it("moves to the first working day after, with what fell due during the break", async () => {
    expect(await sweep("2026-10-08")).toMatchObject({ leaders: 1, staged: 1 });
    const digest = await h.double.waitForMessage({ to: b.leaderA.openId, where: (m) => text(m.content).includes("10月8日") });
    expect(listedMembers(digest.content)).toEqual([b.members[0]!.id]);
    expect(text(digest.content)).toContain("已逾期 6 天");
    expect(h.double.messages({ to: b.leaderA.openId })).toHaveLength(1);
  });

  it("counts the make-up Saturday as a working day, and the Sunday after as rest", async () => {
    expect(await sweep("2026-10-10")).toMatchObject({ leaders: 1, staged: 1 });
    expect(await sweep("2026-10-11")).toMatchObject({ skipped: "rest-day" });
  });

  it("sends nothing at night, and the morning's run does", async () => {
    expect(await sweep("2026-10-12", "07:30")).toMatchObject({ skipped: "night", staged: 0 });
    expect(await sweep("2026-10-12", "22:15")).toMatchObject({ skipped: "night", staged: 0 });
    expect(await staged(h, `talk-digest-${b.leaderA.id}-2026-10-12`)).toEqual([]);
    expect(await sweep("2026-10-12", "09:00")).toMatchObject({ staged: 1 });
  });

  it("honours a branch's own night hours", async () => {
    await h.db.prisma.organization.update({ where: { id: b.orgId }, data: { settings: { nightHours: { start: "18:00", end: "09:30" } } } });
    expect(await sweep("2026-10-13", "09:00")).toMatchObject({ skipped: "night" });
    expect(await sweep("2026-10-13", "11:00")).toMatchObject({ staged: 1 });
  });
});

describe("the schedulers", () => {
  it("are upserted with their cron pattern read in Asia/Shanghai", async () => {
    const s = await h.app.queues.maintenance.getJobScheduler("talk-sweep");
    expect(s).toMatchObject({ pattern: "0 9,11,15 * * *", tz: "Asia/Shanghai" });
    for (const task of ["talk-urgent", "hardship-review", "branch-report"]) expect(await h.app.queues.maintenance.getJobScheduler(task), task).toBeTruthy();
  });
});
