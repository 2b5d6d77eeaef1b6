// The care rules: when a talk is due, what stands out, urgent talks, reviews, quarters, what a
// talk record must hold, and the branch settings that tune them.
import { describe, expect, it } from "vitest";
import { coveragePercent } from "../../src/domain/branch-analysis.ts";
import { parseQuarter, previousQuarter, quarterName, quarterOf } from "../../src/domain/quarter.ts";
import { DEFAULT_REVIEW_RULES, reviewStage } from "../../src/domain/review-due.ts";
import { DEFAULT_TALK_RULES, talkDueOn, talkStanding, urgentDueOn, urgentReminderDay } from "../../src/domain/talk-cadence.ts";
import { talkRecordProblem } from "../../src/domain/talk-record.ts";
import { readRules } from "../../src/domain/care-settings.ts";

const R = DEFAULT_TALK_RULES;

describe("talk cadence", () => {
  it("is yearly from the last talk, quarterly in the hardship archive, from joining when there is none", () => {
    expect(talkDueOn({ lastTalkOn: "2026-03-10", since: "2020-01-01", inHardship: false }, R)).toBe("2027-03-10");
    expect(talkDueOn({ lastTalkOn: "2026-03-10", since: "2020-01-01", inHardship: true }, R)).toBe("2026-06-10");
    expect(talkDueOn({ lastTalkOn: null, since: "2026-05-31", inHardship: false }, R)).toBe("2027-05-31");
    expect(talkDueOn({ lastTalkOn: "2026-11-30", since: "2020-01-01", inHardship: true }, { ...R, hardshipCadenceMonths: 3 })).toBe("2027-02-28");
  });

  it("stands current, soon (within 14 days), overdue, escalated (beyond 30 days' grace)", () => {
    expect(talkStanding("2027-03-10", "2027-02-23", R)).toBe("current");
    expect(talkStanding("2027-03-10", "2027-02-24", R)).toBe("soon");
    expect(talkStanding("2027-03-10", "2027-03-10", R)).toBe("soon");
    expect(talkStanding("2027-03-10", "2027-03-11", R)).toBe("overdue");
    expect(talkStanding("2027-03-10", "2027-04-09", R)).toBe("overdue");
    expect(talkStanding("2027-03-10", "2027-04-10", R)).toBe("escalated");
    expect(talkStanding("2027-03-10", "2027-03-01", { ...R, dueSoonDays: 0 })).toBe("current");
  });

  it("gives urgent talks three days and reminds the day before, unless that is the day it was opened", () => {
    expect(urgentDueOn("2027-03-01", R)).toBe("2027-03-04");
    expect(urgentReminderDay({ openedOn: "2027-03-01", dueOn: "2027-03-04" })).toBe("2027-03-03");
    expect(urgentReminderDay({ openedOn: "2027-03-01", dueOn: "2027-03-02" })).toBeNull();
  });
});

describe("hardship reviews", () => {
  it("are due a week ahead and go upward a week late", () => {
    expect(reviewStage("2027-03-10", "2027-03-02", DEFAULT_REVIEW_RULES)).toBe("later");
    expect(reviewStage("2027-03-10", "2027-03-03", DEFAULT_REVIEW_RULES)).toBe("due");
    expect(reviewStage("2027-03-10", "2027-03-17", DEFAULT_REVIEW_RULES)).toBe("due");
    expect(reviewStage("2027-03-10", "2027-03-18", DEFAULT_REVIEW_RULES)).toBe("escalate");
  });
});

describe("quarters", () => {
  it("parse, contain days, and step back across a year", () => {
    expect(parseQuarter("2027Q1")).toMatchObject({ start: "2027-01-01", end: "2027-03-31" });
    expect(parseQuarter("2028q4")).toMatchObject({ start: "2028-10-01", end: "2028-12-31" });
    expect(parseQuarter("2027Q5")).toBeNull();
    expect(parseQuarter("Q1")).toBeNull();
    expect(quarterOf("2027-05-20").label).toBe("2027Q2");
    expect(previousQuarter(quarterOf("2027-01-04")).label).toBe("2026Q4");
    expect(quarterName(quarterOf("2027-08-01")).zh).toBe("2027年第三季度");
  });
  it("coverage is a percentage with one decimal", () => {
    expect(coveragePercent(2, 3)).toBe(66.7);
    expect(coveragePercent(0, 0)).toBe(100);
  });
});

describe("a talk record", () => {
  const ok = { heldOn: "2027-03-01", notes: { life: "家中老人住院" }, followUps: [] };
  it("is accepted with one note and a day not in the future", () => {
    expect(talkRecordProblem(ok, "2027-03-01")).toBeNull();
  });
  it("is refused when dated tomorrow, or more than a year back, or with nothing learned", () => {
    expect(talkRecordProblem({ ...ok, heldOn: "2027-03-02" }, "2027-03-01")?.zh).toMatch(/不能晚于今天/);
    expect(talkRecordProblem({ ...ok, heldOn: "2026-02-27" }, "2027-03-01")?.zh).toMatch(/一年前/);
    expect(talkRecordProblem({ ...ok, notes: {} }, "2027-03-01")?.zh).toMatch(/至少填写/);
  });
  it("needs both a description and a day for each follow-up, not before the talk", () => {
    expect(talkRecordProblem({ ...ok, followUps: [{ description: "联系培训", dueOn: undefined }] }, "2027-03-01")?.zh).toMatch(/跟进事项 1 选择完成日期/);
    expect(talkRecordProblem({ ...ok, followUps: [{ description: undefined, dueOn: "2027-03-05" }] }, "2027-03-01")?.zh).toMatch(/填写跟进事项 1/);
    expect(talkRecordProblem({ ...ok, followUps: [{ description: "a", dueOn: "2027-03-05" }, { description: "b", dueOn: "2027-02-01" }] }, "2027-03-01")?.zh).toMatch(/跟进事项 2 的完成日期/);
  });
});

describe("branch settings (Organization.settings)", () => {
  it("default to yearly, quarterly in hardship, 30 days' grace, nights 21:00-08:00", () => {
    const r = readRules({});
    expect(r.talk).toEqual(DEFAULT_TALK_RULES);
    expect(r.night).toEqual({ startMinute: 1260, endMinute: 480 });
    expect(r.problems).toEqual([]);
  });
  it("take a branch's own values and keep other features' keys out of the way", () => {
    const r = readRules({ talks: { cadenceMonths: 6, graceDays: 10 }, nightHours: { start: "22:30", end: "07:00" }, aid: { ceiling: 1 } });
    expect(r.talk).toMatchObject({ cadenceMonths: 6, graceDays: 10, hardshipCadenceMonths: 3 });
    expect(r.night).toEqual({ startMinute: 22 * 60 + 30, endMinute: 7 * 60 });
  });
  it("fall back per section, and say why, when a value is malformed", () => {
    const r = readRules({ talks: { cadenceMonths: "twelve" }, nightHours: { start: "25:00" }, hardshipReview: { leadDays: 3 } });
    expect(r.talk).toEqual(DEFAULT_TALK_RULES);
    expect(r.night).toEqual({ startMinute: 1260, endMinute: 480 });
    expect(r.review.leadDays).toBe(3);
    expect(r.problems.join("\n")).toMatch(/talks\.cadenceMonths/);
    expect(r.problems.join("\n")).toMatch(/nightHours\.start/);
  });
});
