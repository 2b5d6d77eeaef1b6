// A branch with no secretary on Lark is not left unheard: what would go to its secretary (talks
// overdue beyond grace, members with no leader, late urgent talks) goes to the secretary of the
// organisation above it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import type { Harness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { addTalk, at, setLeader, staged, startTalkHarness } from "./support.ts";

let h: Harness;
let orgId: number;
let upperSecretary: SeededPerson;
let leader: SeededPerson;
let unassigned: SeededPerson;
let flagged: SeededPerson;
const text = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "09:00") });
  const p = h.db.prisma;
  const upper = await p.organization.create({ data: { code: "es-up", name: "东区党总支", kind: "GENERAL_BRANCH" } });
  orgId = (await seedOrg(p, "es", "东区第三党支部", upper.id)).id;
  upperSecretary = await seedPerson(p, h.double, { name: "总支书记", orgId: upper.id, roles: ["SECRETARY"] });
  leader = await seedPerson(p, h.double, { name: "支委丙", orgId, roles: ["LEADER"] });
  unassigned = await seedPerson(p, h.double, { name: "无人联系", orgId, roles: [] });
  flagged = await seedPerson(p, h.double, { name: "困难党员", orgId, roles: [] });
  await p.membership.updateMany({ data: { createdAt: at("2020-01-01") } });
  await setLeader(h, flagged.id, leader.id);
  await setLeader(h, leader.id, leader.id);
  await addTalk(h, { orgId, memberId: leader.id, leaderId: leader.id, heldOn: "2027-01-10" });
  await addTalk(h, { orgId, memberId: flagged.id, leaderId: leader.id, heldOn: "2027-01-10" });
  await addTalk(h, { orgId, memberId: unassigned.id, leaderId: leader.id, heldOn: "2026-03-05" }); // due 2027-03-05
  await p.talkTask.create({ data: { orgId, memberId: flagged.id, leaderId: leader.id, reason: "FLAGGED", note: "失业", dueOn: dayToDate("2027-02-26"), createdAt: at("2027-02-23") } });
}, 60_000);
afterAll(async () => h?.close());

describe("a branch without a secretary", () => {
  it("sends its secretary digest to the upper organisation's secretary", async () => {
    await h.app.maintenance!.run("talk-sweep");
    const [row] = await staged(h, `talk-escalation-${orgId}-${upperSecretary.id}-2027-03-01`);
    expect(row?.receiveId).toBe(upperSecretary.openId);
    expect(text(row!.card)).toContain("东区第三党支部");
    expect(text(row!.card)).toContain("⚪ 无人联系 ·");
    expect(text(row!.card)).toContain("🔴 困难党员（困难上报）");
  });

  it("and a late urgent talk", async () => {
    const r = (await h.app.maintenance!.run("talk-urgent")) as { staged: number };
    expect(r.staged).toBeGreaterThanOrEqual(1);
    const late = await h.double.waitForMessage({ to: upperSecretary.openId, where: (m) => text(m.content).includes("紧急谈心逾期 · 困难党员") });
    expect(text(late.content)).toContain("已逾期 3 天");
  });
});
