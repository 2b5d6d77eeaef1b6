// Every aid card is one Lark accepts: JSON 2.0 components only, named form fields, under 30 KB
// even with the longest texts the forms allow.
import { describe, expect, it } from "vitest";
import { approvalCard } from "../../cards/aid-approval.ts";
import { AID_CARDS } from "../../cards/aid-catalog.ts";
import { CARD_CATALOG } from "../../cards/catalog.ts";
import { MAX_CARD_BYTES, validateContent } from "../../src/double/cards.ts";

describe("aid cards", () => {
  it.each(Object.keys(AID_CARDS))("%s is a valid card and listed in the catalog", (name) => {
    const card = AID_CARDS[name]!();
    expect(() => validateContent("interactive", JSON.stringify(card))).not.toThrow();
    expect(CARD_CATALOG[name]).toBeDefined();
  });

  it("an approval card with the longest description and a long conversation stays under Lark's 30 KB", () => {
    const long = "难".repeat(1000);
    const card = approvalCard({
      requestId: 1,
      basics: { number: "2026-0001", category: "OTHER", urgency: "URGENT", description: long, requestedFen: 1 },
      status: "NEEDS_INFO",
      member: { name: "欧阳".repeat(5), branch: "磐东居委第一党支部".repeat(3), tags: ["OLD_MEMBER", "OLD_CADRE", "OLD_MODEL", "MOBILE", "VETERAN"] },
      filedAt: "2026-03-05 14:07",
      filedBy: "李明",
      year: 2026,
      received: { totalFen: 99_999_999, count: 99 },
      hardship: { status: "ACTIVE", level: "SPECIAL", nextReviewOn: "2026-09-30" },
      balances: { LOCAL_FINANCE: 2_000_000_000, PARTY_FEE: 2_000_000_000, DONATION: 2_000_000_000 },
      conversation: Array.from({ length: 20 }, (_, i) => ({ at: "2026-03-05 15:00", type: i % 2 ? ("INFO_PROVIDED" as const) : ("INFO_REQUESTED" as const), actor: "王建国", note: "问".repeat(500) })),
      decision: null,
      ceilingFen: 5_000_000,
    });
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThan(MAX_CARD_BYTES);
    expect(() => validateContent("interactive", JSON.stringify(card))).not.toThrow();
  });
});
