// The branch analysis (分析 and the quarterly .xlsx ledger) includes training coverage and the
// open employment cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayIn } from "../../src/domain/calendar-day.ts";
import { command, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "wr", { prefix: "戊" });
});
afterAll(async () => h?.close());

describe("branch analysis", () => {
  it("shows training coverage and open employment cases", async () => {
    const today = dayIn(h.clock.now(), "Asia/Shanghai");
    const p = h.db.prisma;
    const s = await p.trainingSession.create({ data: { orgId: a.orgId, topic: "LAW", title: "民法典讲座", heldOn: new Date(`${today}T00:00:00Z`) } });
    await p.trainingAttendance.createMany({ data: [a.member.id, a.worker.id].map((personId) => ({ sessionId: s.id, personId })) });
    await p.employmentCase.create({ data: { orgId: a.orgId, personId: a.member2.id, registeredById: a.member2.id, skills: "电工", kinds: ["SKILLED_TRADE"], openedOn: new Date(`${today}T00:00:00Z`) } });
    const [card] = await command(h, a.secretary, "分析");
    const body = text(card!);
    expect(body).toContain("培训覆盖");
    expect(body).toContain("已参加培训 2 人");
    expect(body).toContain("党务工作者 1/1 人");
    expect(body).toContain("戊李四（登记 0 天");
  });
});
