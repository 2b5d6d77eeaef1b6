// Hardship-archive reviews (动态管理): the secretary gets a review card a week before an entry's
// review day and keeps (new level, notes, next day), resolves (reason) or refers it upward;
// a review left undone past its day goes to the upper organisation's secretary. Each decision
// and each escalation is one line in the entry's history; a card is sent once per review day.
import { opened, openedJson } from "../support/sealed.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import type { SentMessage } from "../../src/double/index.ts";
import { forgeClick } from "../aid/support.ts";
import type { Harness } from "../support/harness.ts";
import { at, buttonValues, seedTalkBranch, startTalkHarness, type TalkBranch } from "./support.ts";
import type { SeededPerson } from "../support/seed.ts";

let h: Harness;
let b: TalkBranch & { upperSecretary: SeededPerson };
const entries: Record<string, number> = {};
const text = (x: unknown) => JSON.stringify(x);

beforeAll(async () => {
  h = await startTalkHarness({ clockStart: at("2027-03-01", "09:00") });
  b = await seedTalkBranch(h, { code: "rv", memberNames: ["张三", "李四", "王五", "赵六"], since: "2020-01-01", staffTalkOn: "2027-01-04" });
  const plan: [string, string, "GENERAL" | "SERIOUS"][] = [
    ["张三", "2027-03-05", "SERIOUS"],
    ["李四", "2027-03-06", "GENERAL"],
    ["王五", "2027-02-10", "SERIOUS"], // 19 days overdue: goes upward too
    ["赵六", "2027-06-01", "GENERAL"], // not yet
  ];
  for (const [name, next, level] of plan) {
    const m = b.members.find((x) => x.name === name)!;
    const e = await h.db.prisma.hardshipEntry.create({
      data: { orgId: b.orgId, personId: m.id, causes: ["ILLNESS"], level, household: `${name}家庭情况`, nextReviewOn: dayToDate(next) },
    });
    entries[name] = e.id;
  }
}, 60_000);
afterAll(async () => h?.close());

const run = async () => (await h.app.maintenance!.run("hardship-review")) as { due: number; escalated: number; staged: number };
const reviewCard = (to: SeededPerson, name: string, where: (m: SentMessage) => boolean = () => true) =>
  h.double.waitForMessage({ to: to.openId, where: (m) => text(m.content).includes(`困难党员档案复核 · ${name}`) && where(m) });
const decide = (who: SeededPerson, msg: SentMessage, decision: "keep" | "resolve" | "refer", formValue: Record<string, unknown>) => {
  const value = buttonValues(h.double.message(msg.message_id)!.content, "hardship-review").find((v) => v.d === decision)!;
  return h.double.click({ from: who.openId, messageId: msg.message_id, value, tag: "button", formValue });
};
const history = async (name: string) =>
  (await h.db.prisma.hardshipHistory.findMany({ where: { entryId: entries[name]! }, orderBy: { id: "asc" } })).map((x) => ({ ...x, changes: openedJson("HardshipHistory.changes", x.changes) }));

describe("review cards", () => {
  it("go to the secretary for entries due within a week, and upward for one overdue, once", async () => {
    expect(await run()).toMatchObject({ due: 3, escalated: 1, staged: 4 });
    for (const name of ["张三", "李四", "王五"]) await reviewCard(b.secretary, name);
    const up = await reviewCard(b.upperSecretary, "王五");
    expect(text(up.content)).toContain("复核已逾期 19 天");
    expect(h.double.messages({ to: b.secretary.openId }).filter((m) => text(m.content).includes("赵六"))).toEqual([]);
    expect((await history("王五")).map((x) => x.action)).toEqual(["ESCALATED"]);

    h.clock.set(at("2027-03-01", "15:00"));
    expect(await run()).toMatchObject({ due: 3, escalated: 0, staged: 0 });
    expect((await history("王五")).map((x) => x.action)).toEqual(["ESCALATED"]);
  });

  it("keep: a new level, notes and the next review day, in the history and the audit", async () => {
    const card = await reviewCard(b.secretary, "张三");
    const r = await decide(b.secretary, card, "keep", { level: "SPECIAL", next: "2027-06-01 +0800", notes: "病情加重，需继续帮扶" });
    expect(text(r.toast)).toContain("已复核");
    expect(text(r.card)).toContain("继续帮扶");
    const e = await h.db.prisma.hardshipEntry.findUniqueOrThrow({ where: { id: entries["张三"]! } });
    expect(e).toMatchObject({ status: "ACTIVE", level: "SPECIAL" });
    expect(e.nextReviewOn.toISOString().slice(0, 10)).toBe("2027-06-01");
    const [line] = await history("张三");
    expect(line).toMatchObject({ action: "REVIEWED", actorId: b.secretary.id });
    expect(line!.changes).toMatchObject({ decision: "KEEP", level: ["SERIOUS", "SPECIAL"], nextReviewOn: ["2027-03-05", "2027-06-01"], notes: "病情加重，需继续帮扶" });
    expect(await h.db.prisma.auditLog.count({ where: { action: "hardship.review.keep", subjectId: String(entries["张三"]) } })).toBe(1);

    // The same card clicked again (a stale copy): refused, nothing changes.
    const again = await h.double.click({ from: b.secretary.openId, messageId: card.message_id, value: buttonValues(card.content, "hardship-review")[0]!, tag: "button", formValue: { level: "GENERAL" } });
    expect(text(again.toast)).toContain("已复核或已销档");
    expect(await history("张三")).toHaveLength(1);
  });

  it("resolve: needs a reason, then closes the entry", async () => {
    const card = await reviewCard(b.secretary, "李四");
    const bad = await decide(b.secretary, card, "resolve", {});
    expect(text(bad.toast)).toContain("写明原因");
    expect((await h.db.prisma.hardshipEntry.findUniqueOrThrow({ where: { id: entries["李四"]! } })).status).toBe("ACTIVE");
    const ok = await decide(b.secretary, card, "resolve", { notes: "已稳定就业，收入恢复" });
    expect(text(ok.card)).toContain("已解困销档");
    expect(opened("HardshipEntry", await h.db.prisma.hardshipEntry.findUniqueOrThrow({ where: { id: entries["李四"]! } }))).toMatchObject({ status: "RESOLVED", resolvedReason: "已稳定就业，收入恢复" });
    expect((await history("李四")).map((x) => x.action)).toEqual(["RESOLVED"]);
  });

  it("refer: goes to the upper organisation's secretary, who may decide it", async () => {
    const card = await reviewCard(b.secretary, "王五");
    const r = await decide(b.secretary, card, "refer", { next: "2027-04-01", notes: "医疗费用超出支部能力" });
    expect(text(r.card)).toContain("已上报上级党组织");
    const referred = await reviewCard(b.upperSecretary, "王五", (m) => text(m.content).includes("医疗费用超出支部能力"));
    expect((await history("王五")).map((x) => x.action)).toEqual(["ESCALATED", "REFERRED"]);

    const kept = await decide(b.upperSecretary, referred, "keep", { level: "SPECIAL", next: "2027-05-01", notes: "街道党工委专项帮扶" });
    expect(text(kept.toast)).toContain("已复核");
    expect((await history("王五")).map((x) => x.action)).toEqual(["ESCALATED", "REFERRED", "REVIEWED"]);
  });

  it("a leader who is not a secretary may not decide, even with a forged callback", async () => {
    const r = await forgeClick(h, b.leaderA.openId, { a: "hardship-review", e: entries["赵六"]!, r: "2027-06-01", d: "resolve" }, { notes: "伪造" });
    expect(text(r.toast)).toContain("没有进行此操作的权限");
    expect((await h.db.prisma.hardshipEntry.findUniqueOrThrow({ where: { id: entries["赵六"]! } })).status).toBe("ACTIVE");
    expect(await history("赵六")).toEqual([]);
  });
});
