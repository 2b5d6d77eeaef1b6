import { describe, expect, it } from "vitest";
import { causeForCategory, checkCauses, checkNextReview, defaultNextReview, reviewOverdue } from "../../src/domain/hardship-rules.ts";

describe("hardship archive rules", () => {
  it("sets the next review by level: special 3 months, serious 6, general 12", () => {
    expect(defaultNextReview("2026-03-15", "SPECIAL")).toBe("2026-06-15");
    expect(defaultNextReview("2026-03-15", "SERIOUS")).toBe("2026-09-15");
    expect(defaultNextReview("2026-03-15", "GENERAL")).toBe("2027-03-15");
  });

  it("takes a review date after today and within a year", () => {
    expect(checkNextReview("2026-03-16", "2026-03-15")).toEqual({ ok: true, value: "2026-03-16" });
    expect(checkNextReview("2027-03-15 +0800", "2026-03-15")).toEqual({ ok: true, value: "2027-03-15" });
    expect(checkNextReview("2026-03-15", "2026-03-15")).toMatchObject({ ok: false, problem: { code: "review_past" } });
    expect(checkNextReview("2027-03-16", "2026-03-15")).toMatchObject({ ok: false, problem: { code: "review_far" } });
    expect(checkNextReview("2026-02-30", "2026-01-15")).toMatchObject({ ok: false, problem: { code: "review_bad" } });
    expect(checkNextReview("", "2026-01-15")).toMatchObject({ ok: false, problem: { code: "review_missing" } });
    expect(checkNextReview(20260101, "2026-01-15")).toMatchObject({ ok: false, problem: { code: "review_missing" } });
  });

  it("checks causes: at least one, all known, no repeats", () => {
    expect(checkCauses(["ILLNESS", "OLD_AGE", "ILLNESS"])).toEqual({ ok: true, value: ["ILLNESS", "OLD_AGE"] });
    expect(checkCauses("DISASTER")).toEqual({ ok: true, value: ["DISASTER"] });
    expect(checkCauses([])).toMatchObject({ ok: false, problem: { code: "causes_missing" } });
    expect(checkCauses(undefined)).toMatchObject({ ok: false, problem: { code: "causes_missing" } });
    expect(checkCauses(["RICH"])).toMatchObject({ ok: false, problem: { code: "causes_bad" } });
    expect(checkCauses([1])).toMatchObject({ ok: false, problem: { code: "causes_bad" } });
  });

  it("suggests a cause from the request's category", () => {
    expect(causeForCategory("ILLNESS")).toBe("ILLNESS");
    expect(causeForCategory("EMPLOYMENT")).toBe("UNEMPLOYMENT");
    expect(causeForCategory("DISASTER")).toBe("DISASTER");
    expect(causeForCategory("TRAINING")).toBe("OTHER");
  });

  it("is overdue on the review day", () => {
    expect(reviewOverdue("2026-03-15", "2026-03-14")).toBe(false);
    expect(reviewOverdue("2026-03-15", "2026-03-15")).toBe(true);
  });
});
