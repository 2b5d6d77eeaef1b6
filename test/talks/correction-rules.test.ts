// The rule of correcting a talk record, pure: the author, within 7 days, not an imported talk;
// and which fields a correction changed (what the audit records instead of the notes).
import { describe, expect, it } from "vitest";
import { changedFields, correctableUntil, correctionRefusal } from "../../src/domain/talk-correction.ts";

const written = new Date("2027-03-01T08:00:00Z");
const talk = { leaderId: 7, leaderName: "李明", imported: false, createdAt: written, recordedAt: "2027-03-01 16:00" };
const later = (ms: number) => new Date(written.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

describe("who may correct a talk record, and until when", () => {
  it("its author, for 7 days after writing it", () => {
    expect(correctionRefusal(talk, 7, later(DAY))).toBeNull();
    expect(correctionRefusal(talk, 7, later(7 * DAY))).toBeNull();
    expect(correctableUntil(written).toISOString()).toBe("2027-03-08T08:00:00.000Z");
  });
  it("not after that, saying when it was written", () => expect(correctionRefusal(talk, 7, later(7 * DAY + 1))?.zh).toContain("这条记录于 2027-03-01 16:00 记录，已超过 7 天"));
  it("not by anyone else, naming the author", () => expect(correctionRefusal(talk, 8, later(DAY))?.zh).toContain("这条记录由李明记录"));
  it("not an imported talk", () => expect(correctionRefusal({ ...talk, imported: true }, 7, later(DAY))?.zh).toContain("名册导入"));
});

describe("what changed", () => {
  const before = { heldOn: "2027-03-01", form: "IN_PERSON", thinking: "稳定", work: null, life: "困难", concerns: null, concernAreas: ["LIFE", "WORK"] };
  it("names the fields that differ, in the form's order", () => {
    expect(changedFields(before, { ...before, life: "很困难", form: "PHONE" })).toEqual(["form", "life"]);
  });
  it("ignores blank against empty and the order of the areas", () => {
    expect(changedFields(before, { ...before, work: "  ", concernAreas: ["WORK", "LIFE"] })).toEqual([]);
  });
});
