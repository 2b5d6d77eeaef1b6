// The pure rules of work care: job matching, the week a push counts against, the weekly limit,
// the monthly check-in, and the training form and grant checks.
import { describe, expect, it } from "vitest";
import { areasFit, checkInDue, matches, mayPush, weekOf } from "../../src/domain/job-match.ts";
import { checkGrant, checkTrainingForm } from "../../src/domain/training-rules.ts";
import { percent } from "../../src/domain/work-report.ts";

describe("job matching", () => {
  it("sends a job to seekers who wished for one of its kinds, in a place that fits", () => {
    const job = { type: "JOB" as const, kinds: ["SKILLED_TRADE" as const], area: "揭阳市榕城区" };
    expect(matches(job, { kinds: ["SKILLED_TRADE", "LOGISTICS"], area: "榕城" })).toBe(true);
    expect(matches(job, { kinds: ["OFFICE"], area: "榕城" })).toBe(false);
    expect(matches(job, { kinds: ["SKILLED_TRADE"], area: "广州天河区" })).toBe(false);
    expect(matches(job, { kinds: [], area: null })).toBe(true); // no wishes: anything
    expect(matches({ ...job, area: null }, { kinds: ["SKILLED_TRADE"], area: "广州" })).toBe(true);
  });

  it("sends a policy note to everyone looking for work", () => {
    expect(matches({ type: "POLICY", kinds: [], area: "榕城区" }, { kinds: ["OFFICE"], area: "广州" })).toBe(true);
  });

  it("compares places by name without their 市/区/县 endings", () => {
    expect(areasFit("天河", "广州市天河区")).toBe(true);
    expect(areasFit("榕城区、揭东区", "揭东")).toBe(true);
    expect(areasFit("普宁市", "榕城区")).toBe(false);
    expect(areasFit(" ", "榕城区")).toBe(true);
  });
});

describe("one card a week", () => {
  it("names a week by its Monday", () => {
    expect(weekOf("2027-03-01")).toBe("2027-03-01"); // Monday
    expect(weekOf("2027-03-07")).toBe("2027-03-01"); // Sunday
    expect(weekOf("2027-03-08")).toBe("2027-03-08");
    expect(weekOf("2027-01-01")).toBe("2026-12-28"); // across a year
  });

  it("allows a card only in a week that had none", () => {
    expect(mayPush(null, "2027-03-01")).toBe(true);
    expect(mayPush("2027-03-01", "2027-03-01")).toBe(false);
    expect(mayPush("2027-02-22", "2027-03-01")).toBe(true);
  });

  it("owes a check-in a month after registration or the last one", () => {
    expect(checkInDue("2027-01-31", null, "2027-02-27")).toBe(false);
    expect(checkInDue("2027-01-31", null, "2027-02-28")).toBe(true); // month end clamps
    expect(checkInDue("2027-01-10", "2027-03-10", "2027-04-09")).toBe(false);
    expect(checkInDue("2027-01-10", "2027-03-10", "2027-04-10")).toBe(true);
  });
});

describe("training support", () => {
  const form = { course: "电工", provider: "技校", start: "2027-03-01 +0800", end: "2027-04-01", cost: "1,000", asks: ["SUBSIDY", "TIME_OFF"], amount: "600", reason: "岗位需要" };

  it("takes a complete form", () => {
    expect(checkTrainingForm(form, 500000)).toEqual({
      ok: true,
      value: { course: "电工", provider: "技校", startOn: "2027-03-01", endOn: "2027-04-01", costFen: 100000, asks: ["SUBSIDY", "TIME_OFF"], requestedFen: 60000, reason: "岗位需要" },
    });
  });

  it("says what to fix", () => {
    const problem = (f: Record<string, unknown>, ceiling = 500000) => {
      const r = checkTrainingForm({ ...form, ...f }, ceiling);
      return r.ok ? null : r.problem.zh;
    };
    expect(problem({ course: "" })).toContain("请填写课程名称");
    expect(problem({ start: "明天" })).toContain("开始日期格式不正确");
    expect(problem({ end: "2030-04-02" })).toContain("不能超过三年");
    expect(problem({ amount: "" })).toContain("请填写申请补贴金额");
    expect(problem({ amount: "600" }, 50000)).toContain("申请补贴超过单笔上限 500.00 元");
    expect(problem({ asks: "WISHES" })).toContain("申请事项选项无效");
    expect(problem({ reason: " " })).toContain("请填写申请理由");
  });

  it("grants only what was asked, a subsidy with an amount", () => {
    expect(checkGrant(["TIME_OFF", "SUBSIDY"], { granted: "TIME_OFF" })).toEqual({ ok: true, value: { granted: ["TIME_OFF"], subsidyFen: null, note: null } });
    expect(checkGrant(["TIME_OFF", "SUBSIDY"], { granted: ["SUBSIDY"], amount: "300.5", note: " 按标准 " })).toEqual({ ok: true, value: { granted: ["SUBSIDY"], subsidyFen: 30050, note: "按标准" } });
    const noAmount = checkGrant(["SUBSIDY"], { granted: ["SUBSIDY"], amount: "" });
    expect(noAmount.ok ? null : noAmount.problem.zh).toContain("请填写补贴金额");
    const none = checkGrant(["SUBSIDY"], { granted: [] });
    expect(none.ok ? null : none.problem.zh).toContain("请至少选择一项同意事项");
  });
});

describe("coverage", () => {
  it("is a percentage with one decimal; nobody owed is full coverage", () => {
    expect(percent(2, 7)).toBe(28.6);
    expect(percent(0, 0)).toBe(100);
  });
});
