// The pure rules of a membership change: which kind may follow which standing, which dates are
// possible, the undo period, what happens to open items, reading the commands' words, and the
// branch settings.
import { describe, expect, it } from "vitest";
import {
  dispositionOf,
  effectiveOnProblem,
  effectLines,
  kindProblem,
  pairingLastDay,
  parseMemberDay,
  parseTransferIn,
  parseTransferOut,
  readRosterSettings,
  standingOf,
  undoProblem,
  undoUntil,
} from "../../src/domain/membership-change.ts";
import { problem } from "../../src/domain/problem.ts";

const usage = problem("usage", "用法", "usage");
const none = { talks: 0, talkTasks: 0, followUps: 0, visitTasks: 0, hardship: 0, pairings: 0, employment: 0, training: 0, aid: 0 };

describe("standing and kinds", () => {
  it("reads the standing from the roles' statuses", () => {
    expect(standingOf(["ENDED", "ACTIVE"])).toBe("ACTIVE");
    expect(standingOf(["SUSPENDED", "ENDED"])).toBe("SUSPENDED");
    expect(standingOf(["ENDED"])).toBe("ENDED");
    expect(standingOf([])).toBe("NONE");
  });

  it("allows each kind only from the standings it makes sense from", () => {
    expect(kindProblem("TRANSFER_OUT", "ACTIVE", "张三")).toBeNull();
    expect(kindProblem("TRANSFER_OUT", "SUSPENDED", "张三")?.code).toBe("suspended");
    expect(kindProblem("DEATH", "SUSPENDED", "张三")).toBeNull();
    expect(kindProblem("LEFT", "ENDED", "张三")?.code).toBe("not_on_roll");
    expect(kindProblem("RESTORED", "SUSPENDED", "张三")).toBeNull();
    expect(kindProblem("RESTORED", "ACTIVE", "张三")?.code).toBe("not_suspended");
    expect(kindProblem("TRANSFER_IN", "ENDED", "张三")).toBeNull();
    expect(kindProblem("TRANSFER_IN", "ACTIVE", "张三")?.code).toBe("already_member");
  });
});

describe("dates", () => {
  const f = { today: "2026-12-03", since: "2015-01-01", joinedPartyOn: "2001-07-01", birthDate: "1960-01-01", lastChangeOn: null };
  it("takes today and any day back to joining", () => {
    expect(effectiveOnProblem({ ...f, day: "2026-12-03" })).toBeNull();
    expect(effectiveOnProblem({ ...f, day: "2015-01-01" })).toBeNull();
  });
  it.each([
    ["2026-12-04", "date_in_future"],
    ["1959-12-31", "date_before_birth"],
    ["2001-06-30", "date_before_joining"],
    ["2014-12-31", "date_before_since"],
  ])("refuses %s (%s)", (day, code) => {
    expect(effectiveOnProblem({ ...f, day })?.code).toBe(code);
  });
  it("refuses a day before the member's last change", () => {
    expect(effectiveOnProblem({ ...f, day: "2026-11-30", lastChangeOn: "2026-12-01" })?.code).toBe("date_before_last_change");
  });
  it("ends a pairing the day before, never before it began", () => {
    expect(pairingLastDay("2026-01-01", "2026-12-01")).toBe("2026-11-30");
    expect(pairingLastDay("2026-12-01", "2026-12-01")).toBe("2026-12-01");
  });
});

describe("undo", () => {
  const u = { status: "APPLIED" as const, recordedOn: "2026-12-03", today: "2027-01-02", undoDays: 30, laterApplied: false, name: "张三" };
  it("is possible up to and including the last day of the period", () => {
    expect(undoUntil("2026-12-03", 30)).toBe("2027-01-02");
    expect(undoProblem(u)).toBeNull();
  });
  it("is refused after the period, twice, or under a later change", () => {
    expect(undoProblem({ ...u, today: "2027-01-03" })?.code).toBe("undo_expired");
    expect(undoProblem({ ...u, status: "REVERTED" })?.code).toBe("already_reverted");
    expect(undoProblem({ ...u, laterApplied: true })?.code).toBe("later_change");
  });
});

describe("what happens to open items", () => {
  it("moves the member's care inside the system and closes the old branch's business", () => {
    const d = dispositionOf("TRANSFER_OUT", true);
    expect([d.talks, d.hardship, d.visitTasks, d.pairings]).toEqual(["move", "move", "move", "move"]);
    expect([d.talkTasks, d.followUps, d.employment, d.training, d.aid]).toEqual(["close", "close", "close", "close", "close"]);
  });
  it("closes everything open on any other departure and keeps the talk history", () => {
    for (const k of ["TRANSFER_OUT", "DEATH", "LEFT", "SUSPENDED"] as const) {
      const d = dispositionOf(k, false);
      expect(d.talks).toBe("keep");
      expect(d.visitTasks).toBe("close");
    }
    expect(Object.values(dispositionOf("RESTORED", false))).toEqual(Array(9).fill("keep"));
  });
  it("lists only items there are, with counts", () => {
    expect(effectLines("DEATH", { ...none, visitTasks: 2, talks: 5 }, null, false, false)).toEqual([{ zh: "未完成的走访任务 2 项将关闭", en: "2 open visit tasks will be closed" }]);
    expect(effectLines("TRANSFER_OUT", { ...none, talks: 3 }, "第二党支部", true, true)[0]?.zh).toBe("谈心记录 3 项已随转至第二党支部");
  });
});

describe("reading the commands", () => {
  it("reads a member, an optional date and a note", () => {
    expect(parseMemberDay("张三 2026-11-30 因病", usage)).toEqual({ ok: true, value: { who: "张三", day: "2026-11-30", note: "因病" } });
    expect(parseMemberDay("张三#1234", usage)).toEqual({ ok: true, value: { who: "张三#1234", day: null, note: null } });
    expect(parseMemberDay("张三 2026年2月30日", usage)).toMatchObject({ ok: false, problem: { code: "bad_date" } });
    expect(parseMemberDay("", usage)).toMatchObject({ ok: false, problem: { code: "usage" } });
  });
  it("reads a transfer out inside the system and outside it", () => {
    expect(parseTransferOut("张三 到 第二党支部 2026-12-01", usage)).toEqual({ ok: true, value: { who: "张三", to: "第二党支部", outside: false, day: "2026-12-01", note: null } });
    expect(parseTransferOut("张三到系统外 某市某党支部 2026/12/1 随迁", usage)).toEqual({ ok: true, value: { who: "张三", to: "某市某党支部", outside: true, day: "2026-12-01", note: "随迁" } });
    expect(parseTransferOut("张三 第二党支部", usage)).toMatchObject({ ok: false });
  });
  it("reads a transfer in: name, mobile, date, where from", () => {
    expect(parseTransferIn("李四 +8613800001234 2026-12-01 来自 某市某党支部", usage)).toEqual({ ok: true, value: { name: "李四", mobile: "13800001234", day: "2026-12-01", from: "某市某党支部" } });
    expect(parseTransferIn("13800001234 李四", usage)).toMatchObject({ ok: false, problem: { code: "bad_name" } });
    expect(parseTransferIn("李四 1380000", usage)).toMatchObject({ ok: false, problem: { code: "bad_mobile" } });
  });
});

describe("branch settings", () => {
  it("defaults to 30 days and condolence visits, and falls back on a bad value", () => {
    expect(readRosterSettings({})).toEqual({ settings: { undoDays: 30, condolenceVisit: true } });
    expect(readRosterSettings({ roster: { undoDays: 14, condolenceVisit: false } }).settings).toEqual({ undoDays: 14, condolenceVisit: false });
    const bad = readRosterSettings({ roster: { undoDays: "三十" } });
    expect(bad.settings.undoDays).toBe(30);
    expect(bad.problem).toContain("roster.undoDays");
  });
});
