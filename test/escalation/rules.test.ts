// The pure rules of 上报: how the words after the command are read, who may raise what, and the
// committee's answer.
import { describe, expect, it } from "vitest";
import { checkClosingNote, parseRaise, raiseRoles } from "../../src/domain/escalation.ts";

describe("parseRaise", () => {
  it("reads a request number and the note after it", () => {
    expect(parseRaise("2026-0007 医药费超出支部能力")).toEqual({ ok: true, value: { target: { number: "2026-0007" }, note: "医药费超出支部能力" } });
    expect(parseRaise(" 2026-0007 ")).toEqual({ ok: true, value: { target: { number: "2026-0007" }, note: null } });
  });

  it("reads a member's name, a mobile tail that tells two apart, and a note of several words", () => {
    expect(parseRaise("张三")).toEqual({ ok: true, value: { target: { name: "张三", tail: null }, note: null } });
    expect(parseRaise("张三 1234 住院 费用高")).toEqual({ ok: true, value: { target: { name: "张三", tail: "1234" }, note: "住院 费用高" } });
    expect(parseRaise("张三 医药费超出支部能力")).toEqual({ ok: true, value: { target: { name: "张三", tail: null }, note: "医药费超出支部能力" } });
  });

  it("says what is missing or wrong", () => {
    const empty = parseRaise("  ");
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problem.zh).toContain("编号或党员姓名");
    const bad = parseRaise("26-7 说明");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.zh).toContain("不是有效的编号");
    const long = parseRaise(`2026-0007 ${"很".repeat(501)}`);
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.problem.code).toBe("raise_note_long");
  });
});

describe("raiseRoles", () => {
  it("lets an aid delegate raise an aid request, and only a secretary anything else", () => {
    expect(raiseRoles("AidRequest")).toEqual(["SECRETARY", "AID_DELEGATE"]);
    for (const s of ["HardshipEntry", "TrainingApplication", "Suggestion"] as const) expect(raiseRoles(s)).toEqual(["SECRETARY"]);
  });
});

describe("checkClosingNote", () => {
  it("needs an answer of at most 500 characters", () => {
    expect(checkClosingNote("  已协调民政救助 ")).toEqual({ ok: true, value: "已协调民政救助" });
    expect(checkClosingNote(undefined).ok).toBe(false);
    expect(checkClosingNote("   ").ok).toBe(false);
    expect(checkClosingNote("很".repeat(501)).ok).toBe(false);
  });
});
