// The rule for a record of a talk between two members (党员之间相互谈心): another member of the
// branch, a day that has come and is at most 90 days back, notes of at most 500 characters.
import { describe, expect, it } from "vitest";
import { earliestPeerTalkDay, PEER_TALK_DAYS_BACK, PEER_TALK_NOTES_MAX, peerTalkProblem, type PeerTalkDraft } from "../../src/domain/peer-talk.ts";

const today = "2027-03-10";
const draft = (d: Partial<PeerTalkDraft> = {}): PeerTalkDraft => ({ recorderId: 1, peerId: 2, peerInBranch: true, heldOn: today, notes: null, ...d });
const code = (d: Partial<PeerTalkDraft>) => peerTalkProblem(draft(d), today)?.code ?? null;

describe("peerTalkProblem", () => {
  it("accepts a talk today, one 90 days back, with or without notes", () => {
    expect(code({})).toBeNull();
    expect(code({ heldOn: "2026-12-10", notes: "交流学习体会" })).toBeNull();
    expect(code({ notes: "谈".repeat(PEER_TALK_NOTES_MAX) })).toBeNull();
  });

  it("refuses oneself before anything else, in words that say what to do", () => {
    const p = peerTalkProblem(draft({ peerId: 1, peerInBranch: false, heldOn: "2027-03-11" }), today);
    expect(p?.code).toBe("peer_self");
    expect(p?.zh).toContain("不能选择自己");
  });

  it("refuses someone who is not an active member of the branch", () => {
    expect(code({ peerInBranch: false })).toBe("peer_not_in_branch");
  });

  it("refuses a day after today and one more than 90 days back", () => {
    expect(code({ heldOn: "2027-03-11" })).toBe("peer_future");
    expect(code({ heldOn: "2026-12-09" })).toBe("peer_too_old");
    expect(earliestPeerTalkDay(today)).toBe("2026-12-10");
    expect(PEER_TALK_DAYS_BACK).toBe(90);
  });

  it("counts the notes' length in characters, not UTF-16 units", () => {
    expect(code({ notes: "𠀀".repeat(PEER_TALK_NOTES_MAX) })).toBeNull();
    expect(code({ notes: "谈".repeat(PEER_TALK_NOTES_MAX + 1) })).toBe("peer_notes_long");
  });
});
