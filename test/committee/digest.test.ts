// The weekly committee digest (各支部逾期事项周报) over the Lark double with real PostgreSQL and
// Redis: nothing on a rest day; on the first working day of the week one card to each committee's
// secretary with what is overdue where, per branch and counts only, the branches with nothing
// overdue in one line; a committee with nothing overdue gets a short all-clear; a second run
// that day, or another day that week, sends nothing; the next week sends again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "../aid/support.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { at, namesOf, SECRETS, seedCommitteeWithWork, startCommitteeHarness } from "./support.ts";

let h: Harness;
let busy: Committee;
let quiet: Committee;

beforeAll(async () => {
  // Saturday 2027-03-13: a rest day.
  h = await startCommitteeHarness("2027-03-13");
  busy = await seedCommitteeWithWork(h, "cd", "周");
  quiet = await seedCommittee(h, "cq", "清");
}, 120_000);
afterAll(async () => h?.close());

async function run(day: string, hhmm = "09:10"): Promise<Record<string, unknown>> {
  h.clock.set(at(day, hhmm));
  return (await h.app.maintenance!.run("committee-digest")) as Record<string, unknown>;
}
const digestRows = () => h.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "committee-digest-" } }, orderBy: { id: "asc" } });
const digestsTo = (openId: string) => h.double.messages({ to: openId }).filter((m) => text(m).includes("各支部逾期事项周报"));

describe("the committee-digest task", () => {
  it("sends nothing on a rest day", async () => {
    expect(await run("2027-03-13")).toMatchObject({ week: "2027-W10", skipped: "rest-day", staged: 0 });
    expect(await digestRows()).toHaveLength(0);
  });

  it("sends each committee's secretary one card on the first working day of the week: what is overdue where, counts only", async () => {
    expect(await run("2027-03-15")).toMatchObject({ week: "2027-W11", committees: 2, clear: 1, staged: 2 });
    const rows = await digestRows();
    expect(rows.map((r) => r.idempotencyKey).sort()).toEqual([`committee-digest-${busy.orgId}-2027-W11-${busy.secretary.id}`, `committee-digest-${quiet.orgId}-2027-W11-${quiet.secretary.id}`].sort());

    const [card] = await eventually(() => {
      const got = digestsTo(busy.secretary.openId);
      return got.length > 0 ? got : undefined;
    });
    const said = text(card!);
    const [b1, b2] = busy.branches;
    const name = (b: typeof b1) => b.secretary.name.replace("书记", "党支部");
    expect(said).toContain("2027-W11");
    expect(said).toContain(`**${name(b1)}**：谈心逾期 1 人，走访逾期 1 项，求助待审超过 2 个工作日 1 件，困难档案复核逾期 1 份，组织结对本季度无共建活动 1 个`);
    expect(said).toContain(`**${name(b2)}**：谈心逾期 1 人，意见建议超过 5 个工作日未答复 1 条，上报党委待办 1 件`);
    expect(said).toContain("其余 1 个党支部没有逾期事项");
    expect(said).toContain("合计：谈心逾期 2 人，走访逾期 1 项");
    for (const n of namesOf(busy)) expect(said).not.toContain(n);
    for (const secret of SECRETS) expect(said).not.toContain(secret);

    const [clear] = await eventually(() => {
      const got = digestsTo(quiet.secretary.openId);
      return got.length > 0 ? got : undefined;
    });
    expect(text(clear!)).toContain("下辖 3 个党支部都没有逾期事项");
    // Nobody else: not the committee's affairs worker, not a branch's secretary.
    for (const who of [busy.worker, b1.secretary, quiet.branches[0].secretary]) expect(digestsTo(who.openId)).toHaveLength(0);
  });

  it("sends nothing more that week, however often it runs", async () => {
    expect(await run("2027-03-15", "15:10")).toMatchObject({ week: "2027-W11", committees: 0, staged: 0 });
    expect(await run("2027-03-16")).toMatchObject({ week: "2027-W11", staged: 0 });
    expect(await digestRows()).toHaveLength(2);
  });

  it("sends again the next week", async () => {
    expect(await run("2027-03-22")).toMatchObject({ week: "2027-W12", committees: 2, staged: 2 });
    expect(await digestRows()).toHaveLength(4);
  });
});
