// A roster re-import never removes anyone by itself: it reports who is missing from the file,
// who it now lists in another branch and which roles it no longer gives, writes a RosterReview
// and sends the branch secretary a card. 确认移除 ends those memberships (ENDED, endedOn today,
// 名册移除) in one transaction and audits it; 暂不处理 changes nothing; nobody is deleted.
// Over PostgreSQL, Redis and the Lark double, with the whole bot running.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import { dayIn } from "../../src/domain/zoned-time.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { importRoster } from "../../src/roster/import.ts";
import { formatReport } from "../../src/roster/report.ts";
import { storesOn } from "../../src/store/stores.ts";
import type { Harness } from "../support/harness.ts";
import { eventually, startHarness } from "../support/harness.ts";
import { forgeClick } from "../aid/support.ts";
import { openedAll } from "../support/sealed.ts";
import { at } from "../talks/support.ts";
import { buttons, text, titleOf } from "../visits/helpers.ts";

let h: Harness;
const openId: Record<string, string> = {};
const HEADER = "姓名,手机号,党组织编码,所在党组织,角色,联系领导";
const FIRST = [
  "王书记,13900000001,rv-1,第一党支部,党员、支部书记,",
  "李委员,13900000002,rv-1,,党员、支委,王书记",
  "张三,13900000003,rv-1,,党员,李委员",
  "李四,13900000004,rv-1,,党员,李委员",
  "王五,13900000005,rv-1,,党员,李委员",
  "赵书记,13900000006,rv-2,第二党支部,党员、支部书记,",
];
// 张三 is gone, 李四 now belongs to the second branch, 李委员 is no longer 支委.
const SECOND = [
  "王书记,13900000001,rv-1,,党员、支部书记,",
  "李委员,13900000002,rv-1,,党员,王书记",
  "王五,13900000005,rv-1,,党员,王书记",
  "赵书记,13900000006,rv-2,,党员、支部书记,",
  "李四,13900000004,rv-2,,党员,赵书记",
];

const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode([HEADER, ...lines].join("\n")) });
const importFile = (name: string, lines: string[]) => importRoster({ prisma: h.db.prisma, file: csv(name, lines), now: h.clock.now() });
const person = (mobile: string) => h.db.prisma.person.findUniqueOrThrow({ where: { mobile }, include: { memberships: { include: { org: true }, orderBy: { id: "asc" } } } });
const standing = async (mobile: string) => (await person(mobile)).memberships.map((m) => `${m.org.code}:${m.role}:${m.status}${m.endedOn ? `:${m.endedOn.toISOString().slice(0, 10)}` : ""}`);

/** What the recovery sweep does after its grace period: hand the staged rows to delivery. */
async function deliverStaged(): Promise<void> {
  const pending = await h.db.prisma.outboxMessage.findMany({ where: { status: "PENDING" }, select: { id: true } });
  await h.app.enqueue.delivery(pending.map((p) => p.id));
}

/** The secretary's `nth` review card, once delivered. */
const reviewCard = (to: string, nth = 0) => eventually(() => h.double.messages({ to: openId[to]! }).filter((m) => titleOf(m).includes("名册变动"))[nth]);
const click = (who: string, card: SentMessage, d: "confirm" | "discard") =>
  h.double.click({ from: openId[who]!, messageId: card.message_id, value: buttons(card.content).find((v) => v.d === d)!, tag: "button" });

beforeAll(async () => {
  h = await startHarness({ clockStart: at("2026-12-03", "10:00") });
  const first = await importFile("第一次.csv", FIRST);
  expect(first.errors).toEqual([]);
  for (const p of await h.db.prisma.person.findMany()) {
    const user = h.double.addUser({ name: p.name, mobile: p.mobile! });
    await h.db.prisma.person.update({ where: { id: p.id }, data: { larkOpenId: user.open_id } });
    openId[p.name] = user.open_id;
  }
  const zhang = await person("13900000003");
  const li4 = await person("13900000004");
  const rv1 = zhang.memberships[0]!.orgId;
  const lw = await person("13900000002");
  await h.db.prisma.talkTask.create({ data: { orgId: rv1, memberId: zhang.id, leaderId: lw.id, reason: "FLAGGED", dueOn: dayToDate("2026-12-10") } });
  await h.db.prisma.talk.create({ data: { orgId: rv1, memberId: li4.id, leaderId: lw.id, heldOn: dayToDate("2026-06-01"), form: "IN_PERSON" } });
}, 60_000);
afterAll(async () => h?.close());

describe("a re-import with people and roles missing", () => {
  let report: Awaited<ReturnType<typeof importRoster>>;
  let card: SentMessage;

  it("changes nothing yet, reports the removals and says how to confirm", async () => {
    report = await importFile("第二次.csv", SECOND);
    expect(report.errors).toEqual([]);
    expect(report.review.reviews.map((r) => [r.orgName, r.sentTo, r.items.map((i) => `${i.kind}:${i.name}:${i.roles.join("+")}:${i.toOrgName ?? ""}`)])).toEqual([
      ["第一党支部", ["王书记"], ["missing:张三:MEMBER:", "moved:李四:MEMBER:第二党支部", "roles:李委员:LEADER:"]],
    ]);
    const out = formatReport(report);
    expect(out).toContain("张三（13900000003）：名册中没有此人，将移出本组织（党员）");
    expect(out).toContain("李四（13900000004）：名册列在「第二党支部」，将转出本组织（党员）");
    expect(out).toContain("已发送「名册变动待确认」卡片给 王书记：在飞书中点「确认移除」后生效");
    // Nothing ended: 李四 is in both branches until the secretary confirms.
    expect(await standing("13900000003")).toEqual(["rv-1:MEMBER:ACTIVE"]);
    expect(await standing("13900000004")).toEqual(["rv-1:MEMBER:ACTIVE", "rv-2:MEMBER:ACTIVE"]);
    expect(await standing("13900000002")).toEqual(["rv-1:MEMBER:ACTIVE", "rv-1:LEADER:ACTIVE"]);
    // Meanwhile the talk sweep already counts 李四 in the branch that now lists them (the newest membership).
    const store = storesOn(h.db);
    const li4 = await person("13900000004");
    // The memberships' rows were written at the machine's time (their createdAt stands in for a
    // missing joining day), which may already be a later day in Shanghai than the test's clock.
    const today = [dayIn(h.clock.now(), "Asia/Shanghai"), dayIn(new Date(), "Asia/Shanghai")].sort().at(-1)!;
    const [due] = await store.talkDue.findDueTalks({ today, timeZone: "Asia/Shanghai", branches: [...(await store.branchRules.loadBranchRules()).values()], horizon: "all", memberIds: [li4.id] });
    expect(due?.orgId).toBe(li4.memberships[1]!.orgId);
    expect(await h.db.prisma.rosterReview.count({ where: { status: "PENDING" } })).toBe(1);
  });

  it("sends the secretary a card listing them, with 确认移除 and 暂不处理", async () => {
    await deliverStaged();
    card = await reviewCard("王书记");
    const body = text(card);
    for (const name of ["张三", "李四", "李委员", "第二党支部"]) expect(body).toContain(name);
    expect(buttons(card.content).map((v) => v.d)).toEqual(["confirm", "discard"]);
    // Only the secretary of the branch the removals are in is asked.
    expect(h.double.messages({ to: openId["赵书记"]! }).filter((m) => titleOf(m).includes("名册变动"))).toEqual([]);
  });

  it("refuses anyone but a secretary of that branch, and changes nothing", async () => {
    // Someone else cannot see the secretary's private card: they forge its button's callback.
    const value = buttons(card.content).find((v) => v.d === "confirm")!;
    for (const who of ["李委员", "赵书记"]) {
      const r = await forgeClick(h, openId[who]!, value);
      expect(JSON.stringify(r.toast)).toContain("没有进行此操作的权限");
    }
    expect(await h.db.prisma.rosterReview.count({ where: { status: "PENDING" } })).toBe(1);
    expect(await standing("13900000003")).toEqual(["rv-1:MEMBER:ACTIVE"]);
  });

  it("确认移除 ends them today as 名册移除, closes and moves what they had, audits, and deletes nobody", async () => {
    const people = await h.db.prisma.person.count();
    const r = await click("王书记", card, "confirm");
    expect(JSON.stringify(r.toast)).toContain("已按名册生效");
    expect(JSON.stringify(r.card)).toContain("已确认");

    expect(await standing("13900000003")).toEqual(["rv-1:MEMBER:ENDED:2026-12-03"]);
    expect(await standing("13900000004")).toEqual(["rv-1:MEMBER:ENDED:2026-12-03", "rv-2:MEMBER:ACTIVE"]);
    expect(await standing("13900000002")).toEqual(["rv-1:MEMBER:ACTIVE", "rv-1:LEADER:ENDED:2026-12-03"]);
    expect(await h.db.prisma.person.count()).toBe(people);

    const changes = openedAll("MembershipChange", await h.db.prisma.membershipChange.findMany({ orderBy: { id: "asc" } }));
    expect(changes.map((c) => [c.kind, c.note, c.otherOrgId !== null])).toEqual([
      ["LEFT", "名册移除", false],
      ["TRANSFER_OUT", "名册移除", true],
    ]);
    const zhang = await person("13900000003");
    expect(await h.db.prisma.talkTask.findFirst({ where: { memberId: zhang.id } })).toMatchObject({ status: "CANCELLED", closedReason: "名册移除" });
    // 李四's talk history went with them to the second branch.
    const li4 = await person("13900000004");
    expect((await h.db.prisma.talk.findFirstOrThrow({ where: { memberId: li4.id } })).orgId).toBe(li4.memberships[1]!.orgId);

    const review = await h.db.prisma.rosterReview.findFirstOrThrow();
    expect(review).toMatchObject({ status: "APPLIED", decidedById: (await person("13900000001")).id });
    const audits = await h.db.prisma.auditLog.findMany({ where: { action: { in: ["roster.review.confirm", "roster.remove"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["roster.remove", "roster.remove", "roster.remove", "roster.review.confirm"]);
    expect(audits[0]!.changes).toMatchObject({ reason: "名册移除", kind: "missing" });
  });

  it("refuses a second 确认 on the same card, and changes nothing", async () => {
    const before = await h.db.prisma.membershipChange.count();
    const r = await click("王书记", card, "confirm");
    expect(JSON.stringify(r.toast)).toContain("已确认过");
    expect(await h.db.prisma.membershipChange.count()).toBe(before);
  });

  it("a role the review ended grants nothing: 李委员 is refused a leader's command", async () => {
    const said = await h.double.say({ from: openId["李委员"]!, text: "谈心" });
    const reply = await h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId });
    expect(text(reply)).toContain("没有");
  });
});

describe("暂不处理, and a newer file", () => {
  it("暂不处理 leaves everyone as they are", async () => {
    const r3 = await importFile("第三次.csv", SECOND.filter((l) => !l.startsWith("王五")));
    expect(r3.review.reviews.flatMap((r) => r.items.map((i) => i.name))).toEqual(["王五"]);
    await deliverStaged();
    const card = await reviewCard("王书记", 1);
    const r = await click("王书记", card, "discard");
    expect(JSON.stringify(r.toast)).toContain("已暂不处理");
    expect(await standing("13900000005")).toEqual(["rv-1:MEMBER:ACTIVE"]);
    expect(await h.db.prisma.rosterReview.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ status: "DISCARDED" });
  });

  it("a newer import replaces a pending list; the old card is refused", async () => {
    await importFile("第四次.csv", SECOND.filter((l) => !l.startsWith("王五")));
    await deliverStaged();
    const old = await reviewCard("王书记", 2);
    await importFile("第五次.csv", SECOND.filter((l) => !l.startsWith("王五")));
    const r = await click("王书记", old, "confirm");
    expect(JSON.stringify(r.toast)).toContain("已被新导入的名册取代");
    expect(await standing("13900000005")).toEqual(["rv-1:MEMBER:ACTIVE"]);
    expect(await h.db.prisma.rosterReview.count({ where: { status: "PENDING" } })).toBe(1);
  });

  it("proposes nothing when rows have errors, and says so", async () => {
    const r = await importFile("有错.csv", [...SECOND.filter((l) => !l.startsWith("王五")), "坏行,123,rv-1,,党员,"]);
    expect(r.review.status).toBe("skipped");
    expect(formatReport(r)).toContain("文件中有错误的行，本次不核对名册中缺少的人员");
  });
});
