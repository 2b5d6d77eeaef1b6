// The festival planner and the overdue sweep over real PostgreSQL, Redis and the Lark double,
// with the clock moved to 14 days before 中秋 2027 (2027-09-15).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_FESTIVALS } from "../../src/domain/festivals.ts";
import { criteriaFor, reasonsFor } from "../../src/domain/visit-eligibility.ts";
import { DEFAULT_VISIT_SETTINGS } from "../../src/domain/visit-settings.ts";
import type { Harness } from "../support/harness.ts";
import { seedOrg, type SeededPerson } from "../support/seed.ts";
import { buttons, cardsTo, day, morning, person, settle, startVisitHarness } from "./helpers.ts";

let h: Harness;
let b1: number;
let b2: number;
const p: Record<string, SeededPerson> = {};

beforeAll(async () => {
  h = await startVisitHarness(morning("2027-09-01"));
  b1 = (await seedOrg(h.db.prisma, "b1", "第一党支部")).id;
  // The second branch plans only 7 days ahead: its settings, not the default, decide.
  b2 = (await h.db.prisma.organization.create({ data: { code: "b2", name: "第二党支部", kind: "BRANCH", settings: { visits: { leadDays: 7 } } } })).id;

  p.sec = await person(h, { name: "王书记", orgId: b1, roles: ["SECRETARY", "LEADER"], birth: "1968-03-12", joined: "1992-07-01" });
  p.l1 = await person(h, { name: "李明", orgId: b1, roles: ["LEADER"], birth: "1975-05-20", joined: "1998-06-15" });
  p.l2 = await person(h, { name: "陈芳", orgId: b1, roles: ["LEADER"], birth: "1980-11-02", joined: "2003-07-01" });
  p.offline = await person(h, { name: "不上线领导", orgId: b1, roles: ["LEADER"], noLark: true });
  p.helper = await person(h, { name: "帮扶人", orgId: b1, roles: [], birth: "1990-01-01", joined: "2015-07-01" });
  // Eligible at 中秋:
  p.tagged = await person(h, { name: "老党员甲", orgId: b1, tags: ["OLD_MEMBER"], birth: "1960-01-01", joined: "1990-01-01", leaderId: p.l1.id });
  p.standing = await person(h, { name: "党龄长", orgId: b1, birth: "1950-02-02", joined: "1977-09-15" });
  p.aged = await person(h, { name: "高龄党员", orgId: b1, birth: "1947-09-15", joined: "2000-01-01", leaderId: p.l2.id });
  p.cadre = await person(h, { name: "老干部乙", orgId: b1, tags: ["OLD_CADRE"], birth: "1955-01-01", joined: "1980-01-01", leaderId: p.l1.id });
  p.poor = await person(h, { name: "困难党员", orgId: b1, birth: "1985-02-14", joined: "2010-07-01", leaderId: p.l2.id });
  p.model = await person(h, { name: "老模范丙", orgId: b1, tags: ["OLD_MODEL"], birth: "1950-12-24", joined: "1985-07-01", leaderId: p.offline.id });
  // Not eligible at 中秋:
  p.young = await person(h, { name: "年轻党员", orgId: b1, birth: "1995-10-10", joined: "2019-07-01", leaderId: p.l1.id });
  p.almost = await person(h, { name: "差一天", orgId: b1, birth: "1947-09-16", joined: "1977-09-16", leaderId: p.l1.id });
  p.resolved = await person(h, { name: "已解困", orgId: b1, birth: "1985-01-01", joined: "2010-01-01", leaderId: p.l1.id });
  p.veteran = await person(h, { name: "退役军人", orgId: b1, tags: ["VETERAN"], birth: "1979-07-07", joined: "2005-07-01", leaderId: p.l2.id });
  p.elderly = await person(h, { name: "六十七岁", orgId: b1, birth: "1960-03-03", joined: "2001-01-01", leaderId: p.l2.id });
  // Branch 2.
  p.sec2 = await person(h, { name: "赵书记", orgId: b2, roles: ["SECRETARY"] });
  p.old2 = await person(h, { name: "二支部老党员", orgId: b2, tags: ["OLD_MEMBER"] });

  await h.db.prisma.hardshipEntry.create({ data: { orgId: b1, personId: p.poor.id, causes: ["ILLNESS"], level: "SERIOUS", household: "三口之家", nextReviewOn: day("2027-12-01") } });
  await h.db.prisma.hardshipEntry.create({ data: { orgId: b1, personId: p.resolved.id, causes: ["UNEMPLOYMENT"], level: "GENERAL", household: "-", status: "RESOLVED", nextReviewOn: day("2027-01-01") } });
  // The cadre's active pair helper visits them; an ended pairing of the tagged member does not count.
  await h.db.prisma.pairing.create({ data: { orgId: b1, memberId: p.cadre.id, helperKind: "MEMBER", helperPersonId: p.helper.id, startOn: day("2027-01-01") } });
  await h.db.prisma.pairing.create({ data: { orgId: b1, memberId: p.tagged.id, helperKind: "MEMBER", helperPersonId: p.helper.id, startOn: day("2026-01-01"), endOn: day("2026-12-31") } });
});
afterAll(async () => h?.close());

const tasks = () => h.db.prisma.visitTask.findMany({ where: { festival: "MID_AUTUMN", year: 2027 }, orderBy: { memberId: "asc" } });

describe("14 days before 中秋", () => {
  it("gives every eligible member exactly one task, with the right visitor and reasons", async () => {
    const r = (await h.app.maintenance!.run("visit-plan")) as { created: number; festivals: string[] };
    expect(r.festivals).toEqual(["MID_AUTUMN-2027"]);
    const got = await tasks();
    const byMember = new Map(got.map((t) => [t.memberId, t]));
    const expected: [SeededPerson, SeededPerson, string][] = [
      [p.tagged!, p.l1!, "OLD_MEMBER"],
      [p.standing!, p.sec!, "OLD_MEMBER"],
      [p.aged!, p.l2!, "OLD_MEMBER"],
      [p.cadre!, p.helper!, "OLD_CADRE"],
      [p.poor!, p.l2!, "HARDSHIP"],
      [p.model!, p.sec!, "OLD_MODEL"],
    ];
    expect(got).toHaveLength(expected.length);
    for (const [member, visitor, reason] of expected) {
      const t = byMember.get(member.id);
      expect(t, member.name).toBeDefined();
      expect(t!.visitorId, member.name).toBe(visitor.id);
      expect(t!.reason, member.name).toBe(reason);
      expect(t!.dueOn.toISOString().slice(0, 10)).toBe("2027-09-15");
      expect(t!.orgId).toBe(b1);
    }
    expect(r.created).toBe(expected.length);
  });

  it("agrees with the pure rule for every member of the branch", async () => {
    const c = criteriaFor(BUILTIN_FESTIVALS.MID_AUTUMN, "2027-09-15", DEFAULT_VISIT_SETTINGS);
    const members = await h.db.prisma.person.findMany({ where: { memberships: { some: { orgId: b1, role: "MEMBER" } } } });
    const active = new Set((await h.db.prisma.hardshipEntry.findMany({ where: { status: "ACTIVE" } })).map((e) => e.personId));
    const ymd = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
    const planned = new Set((await tasks()).map((t) => t.memberId));
    for (const m of members) {
      const reasons = reasonsFor({ tags: m.tags, birthDate: ymd(m.birthDate), joinedPartyOn: ymd(m.joinedPartyOn), hardshipActive: active.has(m.id) }, c);
      expect(planned.has(m.id), m.name).toBe(reasons.length > 0);
    }
  });

  it("sends each visitor one digest card listing their members", async () => {
    await settle(h);
    const digest = "中秋走访慰问安排";
    expect(cardsTo(h, p.l1!.openId, digest)).toHaveLength(1);
    expect(cardsTo(h, p.l2!.openId, digest)).toHaveLength(1);
    expect(cardsTo(h, p.helper!.openId, digest)).toHaveLength(1);
    const secCards = cardsTo(h, p.sec!.openId, digest);
    expect(secCards).toHaveLength(1);
    expect(JSON.stringify(secCards[0]!.content)).toContain("党龄长");
    expect(JSON.stringify(secCards[0]!.content)).toContain("老模范丙");
    expect(JSON.stringify(cardsTo(h, p.l2!.openId, digest)[0]!.content)).toContain("困难党员");
    // Branch 2 plans 7 days ahead: nothing yet.
    expect(cardsTo(h, p.sec2!.openId, digest)).toHaveLength(0);
    expect(await h.db.prisma.visitTask.count({ where: { orgId: b2 } })).toBe(0);
  });

  it("creates and sends nothing new when the planner runs again", async () => {
    const before = { tasks: await h.db.prisma.visitTask.count(), outbox: await h.db.prisma.outboxMessage.count() };
    const r = (await h.app.maintenance!.run("visit-plan")) as { created: number; digests: number };
    expect(r).toMatchObject({ created: 0, digests: 0 });
    await Promise.all([h.app.maintenance!.run("visit-plan"), h.app.maintenance!.run("visit-plan")]);
    expect(await h.db.prisma.visitTask.count()).toBe(before.tasks);
    expect(await h.db.prisma.outboxMessage.count()).toBe(before.outbox);
  });

  it("adds a member who became eligible later with a short addition, and other branches by their own lead time", async () => {
    h.clock.set(morning("2027-09-08"));
    await h.db.prisma.person.update({ where: { id: p.young!.id }, data: { tags: ["OLD_MODEL"] } });
    const r = (await h.app.maintenance!.run("visit-plan")) as { created: number };
    expect(r.created).toBe(2);
    await settle(h);
    expect(await h.db.prisma.visitTask.count({ where: { orgId: b2, memberId: p.old2!.id, visitorId: p.sec2!.id } })).toBe(1);
    expect(cardsTo(h, p.sec2!.openId, "中秋走访慰问安排")).toHaveLength(1);
    const l1 = cardsTo(h, p.l1!.openId, "中秋走访慰问安排");
    expect(l1).toHaveLength(2);
    expect(JSON.stringify(l1[1]!.content)).toContain("新增 1 位");
    expect(JSON.stringify(l1[1]!.content)).toContain("年轻党员");
  });
});

describe("overdue visits", () => {
  it("reminds the visitor the day after, then escalates to the secretary once", async () => {
    const open = await h.db.prisma.visitTask.findFirstOrThrow({ where: { memberId: p.poor!.id } });
    expect(open.visitorId).toBe(p.l2!.id);
    // Everyone else's visits are done, so only 陈芳's two tasks stay open.
    await h.db.prisma.visitTask.updateMany({ where: { visitorId: { not: p.l2!.id } }, data: { status: "DONE", visitedOn: day("2027-09-10") } });

    h.clock.set(morning("2027-09-15"));
    expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ late: 0, reminded: 0, escalated: 0 });

    h.clock.set(morning("2027-09-16"));
    expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ late: 2, reminded: 1, escalated: 0 });
    expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ reminded: 1, escalated: 0 });
    await settle(h);
    expect(cardsTo(h, p.l2!.openId, "走访任务已逾期")).toHaveLength(1);

    h.clock.set(morning("2027-09-17"));
    expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ reminded: 0, escalated: 0 });

    h.clock.set(morning("2027-09-22"));
    expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ late: 2, escalated: 2 });
    const escalated = await h.db.prisma.visitTask.findMany({ where: { visitorId: p.l2!.id, escalatedAt: { not: null } } });
    expect(escalated).toHaveLength(2);
    const at = escalated[0]!.escalatedAt!.getTime();

    h.clock.set(morning("2027-09-23"));
    expect(await h.app.maintenance!.run("visit-overdue")).toMatchObject({ escalated: 0 });
    expect((await h.db.prisma.visitTask.findFirstOrThrow({ where: { id: escalated[0]!.id } })).escalatedAt!.getTime()).toBe(at);
    await settle(h);
    const report = cardsTo(h, p.sec!.openId, "走访逾期报告");
    expect(report).toHaveLength(1);
    expect(JSON.stringify(report[0]!.content)).toContain("困难党员");
    expect(JSON.stringify(report[0]!.content)).toContain("陈芳");
    expect(cardsTo(h, p.sec2!.openId, "走访逾期报告")).toHaveLength(0);
    // The secretary may record an escalated visit on the visitor's behalf, straight from the report.
    const onBehalf = buttons(report[0]!.content).find((b) => b.a === "visit-open" && b.task === open.id)!;
    const form = await h.double.click({ from: p.sec!.openId, messageId: report[0]!.message_id, value: onBehalf });
    expect(JSON.stringify(form.card)).toContain("记录走访：困难党员");
  });
});
