// The 意见建议 rules (src/domain/suggestion.ts) and the keyed digest that dedupes an anonymous form.
import { describe, expect, it } from "vitest";
import { builtInWorkingDays } from "../../src/domain/working-days.ts";
import { checkSuggestionAnswer, checkSuggestionBody, suggestionReminderDue, workingDaysOpen } from "../../src/domain/suggestion.ts";
import { keyringFrom, newDataKey } from "../../src/lib/sealing.ts";
import { testKeyring } from "../support/sealed.ts";

describe("a suggestion's text", () => {
  it("is trimmed, needs a few characters and at most 1000", () => {
    expect(checkSuggestionBody("  建议周末开会  ")).toEqual({ ok: true, value: "建议周末开会" });
    expect(checkSuggestionBody("   ")).toMatchObject({ ok: false, problem: { code: "suggestion_missing" } });
    expect(checkSuggestionBody(undefined)).toMatchObject({ ok: false, problem: { code: "suggestion_missing" } });
    expect(checkSuggestionBody("不好")).toMatchObject({ ok: false, problem: { code: "suggestion_short" } });
    expect(checkSuggestionBody("长".repeat(1000))).toMatchObject({ ok: true });
    expect(checkSuggestionBody("长".repeat(1001))).toMatchObject({ ok: false, problem: { code: "suggestion_long", zh: "意见建议不能超过 1000 字（现有 1001 字）。" } });
    expect(checkSuggestionBody(42)).toMatchObject({ ok: false, problem: { code: "suggestion_type" } });
  });

  it("an answer is required", () => {
    expect(checkSuggestionAnswer(" 好的 ")).toEqual({ ok: true, value: "好的" });
    expect(checkSuggestionAnswer("")).toMatchObject({ ok: false, problem: { code: "answer_missing" } });
    expect(checkSuggestionAnswer("答".repeat(1001))).toMatchObject({ ok: false, problem: { code: "answer_long" } });
  });
});

describe("the reminder", () => {
  it("is due after five working days open, once", () => {
    // Thursday 3 December 2026: Fri, Mon, Tue, Wed, Thu.
    expect(workingDaysOpen(builtInWorkingDays, "2026-12-03", "2026-12-09")).toBe(4);
    expect(suggestionReminderDue(builtInWorkingDays, "2026-12-03", "2026-12-09", false)).toBe(false);
    expect(suggestionReminderDue(builtInWorkingDays, "2026-12-03", "2026-12-10", false)).toBe(true);
    expect(suggestionReminderDue(builtInWorkingDays, "2026-12-03", "2026-12-10", true)).toBe(false);
    // The National Day week does not count.
    expect(workingDaysOpen(builtInWorkingDays, "2026-09-30", "2026-10-08")).toBeLessThan(5);
  });
});

describe("the keyed digest", () => {
  it("is the same for the same value and purpose, differs otherwise, and needs the key", () => {
    const d = testKeyring.digest("Suggestion.formKey", "om_abc");
    expect(d).toBe(testKeyring.digest("Suggestion.formKey", "om_abc"));
    expect(d).not.toBe(testKeyring.digest("Suggestion.formKey", "om_abd"));
    expect(d).not.toBe(testKeyring.digest("Other.purpose", "om_abc"));
    expect(d).not.toContain("om_abc");
    const other = keyringFrom(newDataKey("k2"), "k2");
    expect(other.digest("Suggestion.formKey", "om_abc")).not.toBe(d);
  });
});
