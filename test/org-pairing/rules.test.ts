// The 组织结对 rules (src/domain/org-pairing.ts): when a pairing is live at once, which partner
// and inputs can be used, the dates of a joint activity, and when a quarter's reminder is due.
import { describe, expect, it } from "vitest";
import { activityProblem, initialStatus, owesReminder, parseParticipants, partnerChoice, partnerContactProblem, phoneProblem, reminderQuarter, startProblem } from "../../src/domain/org-pairing.ts";
import { quarter } from "../../src/domain/quarter.ts";
import { workingDaysFrom } from "../../src/domain/working-days.ts";

const whose = { zh: "我方联系人", en: "Our contact" };

describe("initialStatus", () => {
  it("is live at once under one committee or with an outside unit, proposed across committees", () => {
    expect(initialStatus({ outside: false, sameRoot: true })).toBe("ACTIVE");
    expect(initialStatus({ outside: true, sameRoot: false })).toBe("ACTIVE");
    expect(initialStatus({ outside: false, sameRoot: false })).toBe("PROPOSED");
  });
});

describe("partnerChoice", () => {
  it("takes exactly one of an organisation and an outside unit", () => {
    expect(partnerChoice({ org: "pd-1", outside: null })).toEqual({ ok: true, value: { org: "pd-1" } });
    expect(partnerChoice({ org: null, outside: "磐东供电所" })).toEqual({ ok: true, value: { outside: "磐东供电所" } });
    expect(partnerChoice({ org: "pd-1", outside: "磐东供电所" })).toMatchObject({ ok: false, problem: { code: "two_partners" } });
    expect(partnerChoice({ org: null, outside: null })).toMatchObject({ ok: false, problem: { code: "no_partner" } });
    expect(partnerChoice({ org: null, outside: "单".repeat(61) })).toMatchObject({ ok: false, problem: { code: "partner_name_long" } });
  });
});

describe("startProblem", () => {
  it("takes a date up to a year ahead", () => {
    expect(startProblem("2027-03-01", "2027-03-10")).toBeNull();
    expect(startProblem("2028-03-01", "2027-03-10")).toBeNull();
    expect(startProblem(null, "2027-03-10")).toMatchObject({ code: "bad_date" });
    expect(startProblem("2028-03-12", "2027-03-10")).toMatchObject({ code: "start_far" });
    expect(startProblem("1999-12-31", "2027-03-10")).toMatchObject({ code: "start_old" });
  });
});

describe("contacts", () => {
  it("reads phone numbers as people write them", () => {
    for (const ok of [null, "13800001111", "0760-1234567", "+86 138 0000 1111", "(0760)1234567"]) expect(phoneProblem(ok, whose)).toBeNull();
    for (const bad of ["打电话", "12", "1-2-", "13800001111 转 8"]) expect(phoneProblem(bad, whose), bad).toMatchObject({ code: "bad_phone" });
  });

  it("wants an outside unit's contact named", () => {
    expect(partnerContactProblem({ outside: true, contactName: null })).toMatchObject({ code: "no_partner_contact" });
    expect(partnerContactProblem({ outside: true, contactName: "赵所长" })).toBeNull();
    expect(partnerContactProblem({ outside: false, contactName: null })).toBeNull();
  });
});

describe("activityProblem", () => {
  const base = { today: "2027-03-10", startOn: "2027-03-01", participants: null };
  it("takes a day from the pairing's start to today", () => {
    expect(activityProblem({ ...base, heldOn: "2027-03-10" })).toBeNull();
    expect(activityProblem({ ...base, heldOn: "2027-03-01" })).toBeNull();
    expect(activityProblem({ ...base, heldOn: null })).toMatchObject({ code: "bad_date" });
    expect(activityProblem({ ...base, heldOn: "2027-03-11" })).toMatchObject({ code: "activity_future" });
    expect(activityProblem({ ...base, heldOn: "2027-02-28" })).toMatchObject({ code: "activity_before_start" });
  });

  it("takes a positive whole number of participants", () => {
    expect(activityProblem({ ...base, heldOn: "2027-03-09", participants: "18" })).toBeNull();
    for (const bad of ["0", "-3", "2.5", "十八", "1000000"]) expect(activityProblem({ ...base, heldOn: "2027-03-09", participants: bad }), bad).toMatchObject({ code: "bad_participants" });
    expect(parseParticipants(" 18人")).toBe(18);
    expect(parseParticipants("100000")).toBe(100_000);
  });
});

describe("reminderQuarter", () => {
  // 2027 as entered: 2027-03-01 a day off (made up), so March's first working day is 03-02.
  const calendar = workingDaysFrom([{ year: 2027, source: "OFFICIAL" }], [{ day: "2027-03-01", kind: "HOLIDAY" }]);
  it("is due from the first working day of a quarter's last month to the quarter's end, on working days", () => {
    expect(reminderQuarter(calendar, "2027-02-26")).toBeNull();
    expect(reminderQuarter(calendar, "2027-03-01")).toBeNull();
    expect(reminderQuarter(calendar, "2027-03-02")?.label).toBe("2027Q1");
    expect(reminderQuarter(calendar, "2027-03-31")?.label).toBe("2027Q1");
    // A Saturday in March: no push.
    expect(reminderQuarter(calendar, "2027-03-06")).toBeNull();
    expect(reminderQuarter(calendar, "2027-04-01")).toBeNull();
    expect(reminderQuarter(calendar, "2027-12-01")?.label).toBe("2027Q4");
  });

  it("owes a pairing the reminder once, when active since before the month and with no activity in the quarter", () => {
    const q = quarter(2027, 1);
    const p = { status: "ACTIVE" as const, startOn: "2027-01-05", remindedQuarter: null, activitiesInQuarter: 0 };
    expect(owesReminder(p, q)).toBe(true);
    expect(owesReminder({ ...p, remindedQuarter: "2026Q4" }, q)).toBe(true);
    expect(owesReminder({ ...p, remindedQuarter: "2027Q1" }, q)).toBe(false);
    expect(owesReminder({ ...p, activitiesInQuarter: 1 }, q)).toBe(false);
    expect(owesReminder({ ...p, startOn: "2027-03-01" }, q)).toBe(false);
    expect(owesReminder({ ...p, status: "PROPOSED" }, q)).toBe(false);
    expect(owesReminder({ ...p, status: "ENDED" }, q)).toBe(false);
  });
});
