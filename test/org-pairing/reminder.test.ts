// The quarterly 组织结对 reminder over the double: from the first working day of a quarter's last
// month, each active pairing with no joint activity in the quarter reminds the secretaries of
// both sides (an outside unit's side has none), once per pairing and quarter however often the
// task runs; a pairing with an activity, one set up this month, a proposal or an ended one is
// not reminded; the next quarter reminds again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import { buttonValue, startAidHarness, text } from "../aid/support.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import { eventually, type Harness } from "../support/harness.ts";
import type { SeededPerson } from "../support/seed.ts";

const at = (day: string, hhmm = "09:50") => {
  const [hh, mm] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, "Asia/Shanghai").getTime() + (hh * 60 + mm) * 60_000);
};

let h: Harness;
let c: Committee;
const ids: Record<"quiet" | "busy" | "outside" | "fresh" | "proposed" | "ended", number> = { quiet: 0, busy: 0, outside: 0, fresh: 0, proposed: 0, ended: 0 };

async function run(day: string, hhmm = "09:50"): Promise<Record<string, unknown>> {
  h.clock.set(at(day, hhmm));
  return (await h.app.maintenance!.run("org-pairing-reminder")) as Record<string, unknown>;
}

const reminders = (who: SeededPerson) => h.double.messages({ to: who.openId }).filter((m) => text(m).includes("结对共建提醒"));
const keys = (prefix: string) => h.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: prefix } } });

beforeAll(async () => {
  h = await startAidHarness({ clockStart: at("2027-02-20", "10:00") });
  c = await seedCommittee(h, "rq", "季");
  const [b1, b2, b3] = c.branches;
  const p = h.db.prisma;
  const pairing = (data: { orgId: number; partnerOrgId?: number; partnerName?: string; status?: "ACTIVE" | "PROPOSED" | "ENDED"; startOn: string }) =>
    p.orgPairing.create({ data: { kind: "URBAN_RURAL", proposedById: c.secretary.id, status: "ACTIVE", ...data, startOn: new Date(`${data.startOn}T00:00:00Z`) }, select: { id: true } }).then((r) => r.id);
  ids.quiet = await pairing({ orgId: b1.orgId, partnerOrgId: b2.orgId, startOn: "2027-01-05" });
  ids.busy = await pairing({ orgId: b1.orgId, partnerOrgId: b3.orgId, startOn: "2027-01-05" });
  ids.outside = await pairing({ orgId: b3.orgId, partnerName: "磐东供电所", startOn: "2026-06-01" });
  ids.fresh = await pairing({ orgId: b2.orgId, partnerName: "区文化馆", startOn: "2027-03-01" });
  ids.proposed = await pairing({ orgId: b2.orgId, partnerOrgId: b3.orgId, status: "PROPOSED", startOn: "2027-01-05" });
  ids.ended = await pairing({ orgId: c.orgId, partnerName: "旧单位", status: "ENDED", startOn: "2026-01-05" });
  // An activity this quarter (the busy pairing) and one last quarter (the quiet one: it still owes one for this quarter).
  await p.orgPairingActivity.createMany({
    data: [
      { pairingId: ids.busy, orgId: b3.orgId, heldOn: new Date("2027-02-10T00:00:00Z"), content: "联合党课", recordedById: b3.secretary.id },
      { pairingId: ids.quiet, orgId: b1.orgId, heldOn: new Date("2026-12-20T00:00:00Z"), content: "走访慰问", recordedById: b1.secretary.id },
    ],
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe("the org-pairing-reminder task", () => {
  it("sends nothing before the quarter's last month", async () => {
    expect(await run("2027-02-26")).toMatchObject({ skipped: "not-due", staged: 0 });
    expect(await keys("org-pairing-remind-")).toBe(0);
  }, 60_000);

  it("on the first working day of March reminds both sides of the quiet pairing and the outside unit's side, once each", async () => {
    const [b1, b2, b3] = c.branches;
    expect(await run("2027-03-01")).toMatchObject({ quarter: "2027Q1", pairings: 2, staged: 3 });
    const card = await eventually(() => reminders(b1.secretary)[0]);
    expect(text(card)).toContain("季二党支部");
    expect(text(card)).toContain("2027年第一季度");
    expect(buttonValue(card.content, "org-pairing-activity-open")).toMatchObject({ pairing: ids.quiet });
    await eventually(() => reminders(b2.secretary)[0]);
    const outside = await eventually(() => reminders(b3.secretary)[0]);
    expect(text(outside)).toContain("磐东供电所");
    // The busy pairing, the fresh one, the proposal and the ended one are stamped with nothing.
    const rows = await h.db.prisma.orgPairing.findMany({ select: { id: true, remindedQuarter: true } });
    const stamped = Object.fromEntries(rows.map((r) => [r.id, r.remindedQuarter]));
    expect(stamped).toEqual({ [ids.quiet]: "2027Q1", [ids.outside]: "2027Q1", [ids.busy]: null, [ids.fresh]: null, [ids.proposed]: null, [ids.ended]: null });
    expect(reminders(b1.worker)).toHaveLength(0);
  }, 60_000);

  it("sends nothing more when run again that day or later in the month", async () => {
    expect(await run("2027-03-01", "15:50")).toMatchObject({ pairings: 0, staged: 0 });
    expect(await run("2027-03-02")).toMatchObject({ pairings: 0, staged: 0 });
    expect(await keys("org-pairing-remind-")).toBe(3);
    expect(reminders(c.branches[0].secretary)).toHaveLength(1);
  }, 60_000);

  it("reminds again in the next quarter, unless an activity was held in it", async () => {
    const [b1, , b3] = c.branches;
    await h.db.prisma.orgPairingActivity.create({ data: { pairingId: ids.outside, orgId: b3.orgId, heldOn: new Date("2027-04-15T00:00:00Z"), content: "安全用电讲座", recordedById: b3.secretary.id } });
    // 2027-06-01 is a Tuesday: the first working day of June.
    expect(await run("2027-06-01")).toMatchObject({ quarter: "2027Q2" });
    const rows = await h.db.prisma.orgPairing.findMany({ select: { id: true, remindedQuarter: true } });
    const stamped = Object.fromEntries(rows.map((r) => [r.id, r.remindedQuarter]));
    expect(stamped[ids.quiet]).toBe("2027Q2");
    expect(stamped[ids.outside]).toBe("2027Q1");
    // The busy pairing held nothing in Q2 and the fresh one began before June: both reminded now.
    expect(stamped[ids.busy]).toBe("2027Q2");
    expect(stamped[ids.fresh]).toBe("2027Q2");
    await eventually(() => reminders(b1.secretary)[1]);
    expect(await keys(`org-pairing-remind-${ids.quiet}-2027Q2-`)).toBe(2);
  }, 60_000);
});
