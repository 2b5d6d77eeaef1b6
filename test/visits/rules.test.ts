// The pure visit rules: who is visited, when a task nags and escalates, event kinds, contact.
import { describe, expect, it } from "vitest";
import { BUILTIN_FESTIVALS } from "../../src/domain/festivals.ts";
import { isActivePairing, pairingProblem } from "../../src/domain/pairing.ts";
import { addDays, addMonths, daysBetween, minusYears, parseDay } from "../../src/domain/calendar-day.ts";
import { dayIn } from "../../src/domain/zoned-time.ts";
import { criteriaFor, reasonsFor, reasonText, type MemberFacts } from "../../src/domain/visit-eligibility.ts";
import { classifyEvent } from "../../src/domain/visit-events.ts";
import { contactReminderDue, isLostContact } from "../../src/domain/visit-contact.ts";
import { overdueStep } from "../../src/domain/visit-overdue.ts";
import { DEFAULT_VISIT_SETTINGS, readVisitSettings } from "../../src/domain/visit-settings.ts";

const base: MemberFacts = { tags: [], birthDate: "1990-01-01", joinedPartyOn: "2015-07-01", hardshipActive: false };

describe("who is visited", () => {
  const midAutumn = criteriaFor(BUILTIN_FESTIVALS.MID_AUTUMN, "2027-09-15", DEFAULT_VISIT_SETTINGS);
  const doubleNinth = criteriaFor(BUILTIN_FESTIVALS.DOUBLE_NINTH, "2027-10-08", DEFAULT_VISIT_SETTINGS);
  const armyDay = criteriaFor(BUILTIN_FESTIVALS.ARMY_DAY, "2027-08-01", DEFAULT_VISIT_SETTINGS);

  it("counts party standing and age on the festival day", () => {
    expect(midAutumn.oldMemberJoinedBy).toBe("1977-09-15");
    expect(midAutumn.oldMemberBornBy).toBe("1947-09-15");
    expect(reasonsFor({ ...base, joinedPartyOn: "1977-09-15" }, midAutumn)).toEqual(["OLD_MEMBER"]);
    expect(reasonsFor({ ...base, joinedPartyOn: "1977-09-16" }, midAutumn)).toEqual([]);
    expect(reasonsFor({ ...base, birthDate: "1947-09-15" }, midAutumn)).toEqual(["OLD_MEMBER"]);
    expect(reasonsFor({ ...base, birthDate: "1947-09-16" }, midAutumn)).toEqual([]);
  });

  it("visits tagged old members, cadres, models and members in hardship at core festivals", () => {
    expect(reasonsFor({ ...base, tags: ["OLD_MEMBER"] }, midAutumn)).toEqual(["OLD_MEMBER"]);
    expect(reasonsFor({ ...base, tags: ["OLD_CADRE", "OLD_MODEL"] }, midAutumn)).toEqual(["OLD_CADRE", "OLD_MODEL"]);
    expect(reasonsFor({ ...base, hardshipActive: true }, midAutumn)).toEqual(["HARDSHIP"]);
    expect(reasonsFor({ ...base, tags: ["MOBILE", "VETERAN"] }, midAutumn)).toEqual([]);
  });

  it("adds the elderly at 重阳 and veterans at 八一 only", () => {
    expect(reasonsFor({ ...base, birthDate: "1957-10-08" }, doubleNinth)).toEqual(["ELDERLY"]);
    expect(reasonsFor({ ...base, birthDate: "1957-10-09" }, doubleNinth)).toEqual([]);
    expect(reasonsFor({ ...base, birthDate: "1957-10-08" }, midAutumn)).toEqual([]);
    expect(reasonsFor({ ...base, tags: ["VETERAN"] }, armyDay)).toEqual(["VETERAN"]);
    expect(reasonsFor({ ...base, tags: ["OLD_MEMBER"], hardshipActive: true }, armyDay)).toEqual([]);
  });

  it("takes thresholds from settings and can switch a rule off", () => {
    const { settings } = readVisitSettings({ visits: { elderlyMinAge: 60, oldMember: { minPartyYears: 40, minAge: null }, hardship: false } });
    const c = criteriaFor(BUILTIN_FESTIVALS.DOUBLE_NINTH, "2027-10-08", settings);
    expect(reasonsFor({ ...base, birthDate: "1967-10-08" }, c)).toEqual(["ELDERLY"]);
    expect(reasonsFor({ ...base, joinedPartyOn: "1987-10-08" }, c)).toEqual(["OLD_MEMBER"]);
    expect(reasonsFor({ ...base, birthDate: "1930-01-01" }, criteriaFor(BUILTIN_FESTIVALS.MID_AUTUMN, "2027-09-15", settings))).toEqual([]);
    expect(reasonsFor({ ...base, hardshipActive: true }, c)).toEqual([]);
  });

  it("reads stored reasons back as words", () => {
    expect(reasonText("OLD_MEMBER,HARDSHIP")).toEqual({ zh: "老党员、困难党员", en: "veteran Party member, member in hardship" });
  });
});

describe("overdue tasks", () => {
  const s = { remindEveryDays: 3, escalateAfterDays: 7 };
  it("reminds the day after the due date and every third day, escalates from day 7", () => {
    const days = Array.from({ length: 11 }, (_, i) => overdueStep("2027-09-15", addDays("2027-09-15", i), s));
    expect(days.map((d) => d.remind)).toEqual([false, true, false, false, true, false, false, true, false, false, true]);
    expect(days.map((d) => d.escalate)).toEqual([false, false, false, false, false, false, false, true, true, true, true]);
    expect(overdueStep("2027-09-15", "2027-09-10", s)).toEqual({ daysLate: -5, remind: false, escalate: false });
  });
});

describe("event visits (六必访)", () => {
  it.each([
    ["住院做手术", "ILLNESS"],
    ["父亲因病去世", "BEREAVEMENT"],
    ["家中遭遇火灾", "DISASTER"],
    ["下岗后生活困难", "HARDSHIP"],
    ["最近思想有波动", "THOUGHT"],
    ["看望一下", "OTHER"],
  ])("%s -> %s", (text, kind) => expect(classifyEvent(text)).toBe(kind));
});

describe("contact", () => {
  it("reminds once a month from the reminder day when nothing was logged this month", () => {
    expect(contactReminderDue(null, "2027-09-01", 1)).toBe(true);
    expect(contactReminderDue("2027-08-20", "2027-09-01", 1)).toBe(true);
    expect(contactReminderDue("2027-09-01", "2027-09-02", 1)).toBe(false);
    expect(contactReminderDue("2027-08-20", "2027-09-04", 5)).toBe(false);
  });

  it("calls a mobile member lost after three months without contact", () => {
    expect(isLostContact("2027-06-10", "2020-01-01", "2027-09-09", 3)).toBe(false);
    expect(isLostContact("2027-06-10", "2020-01-01", "2027-09-10", 3)).toBe(true);
    expect(isLostContact(null, "2027-08-01", "2027-09-10", 3)).toBe(false);
    expect(isLostContact(null, "2027-05-31", "2027-08-31", 3)).toBe(true);
  });
});

describe("pairing", () => {
  it("is active from its start through its end day", () => {
    expect(isActivePairing({ startOn: "2027-01-01", endOn: null }, "2027-01-01")).toBe(true);
    expect(isActivePairing({ startOn: "2027-01-01", endOn: "2027-06-30" }, "2027-06-30")).toBe(true);
    expect(isActivePairing({ startOn: "2027-01-01", endOn: "2027-06-30" }, "2027-07-01")).toBe(false);
    expect(isActivePairing({ startOn: "2027-02-01", endOn: null }, "2027-01-31")).toBe(false);
  });

  it("refuses a department link without a name, a helper who is the member, an end before the start", () => {
    const d = { kind: "MEMBER" as const, memberId: 1, helperPersonId: 2, departmentName: null, startOn: "2027-01-01", endOn: null };
    expect(pairingProblem(d)).toBeNull();
    expect(pairingProblem({ ...d, kind: "DEPARTMENT", helperPersonId: null })?.code).toBe("department_missing");
    expect(pairingProblem({ ...d, helperPersonId: 1 })?.code).toBe("helper_is_member");
    expect(pairingProblem({ ...d, endOn: "2026-12-31" })?.code).toBe("end_before_start");
  });
});

describe("days", () => {
  it("does calendar arithmetic in the branch's timezone", () => {
    expect(dayIn(new Date("2027-08-31T16:30:00Z"), "Asia/Shanghai")).toBe("2027-09-01");
    expect(daysBetween("2027-12-30", "2028-01-02")).toBe(3);
    expect(minusYears("2028-02-29", 1)).toBe("2027-02-28");
    expect(addMonths("2027-05-31", 3)).toBe("2027-08-31");
    expect(parseDay("2027-09-10 +0800")).toBe("2027-09-10");
    expect(parseDay("2027/9/10")).toBe("2027-09-10");
    expect(parseDay("2027-02-30")).toBeNull();
  });
});
