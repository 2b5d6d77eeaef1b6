// Every visit card is a card Lark accepts (JSON 2.0 rules, form fields named, under 30 KB),
// including a digest at its longest, and every button names an action the router knows.
import { describe, expect, it } from "vitest";
import { VISIT_CARDS } from "../../cards/visit-catalog.ts";
import { CARD_CATALOG } from "../../cards/catalog.ts";
import { visitDigestCard } from "../../cards/visit-digest.ts";
import { visitListCard } from "../../cards/visit-list.ts";
import { MAX_CARD_BYTES, validateContent } from "../../src/double/cards.ts";
import { ACTIONS } from "../../src/bot/registry.ts";
import { buttons } from "./helpers.ts";

const actionIds = new Set(ACTIONS.map((a) => a.id));

describe("visit cards", () => {
  it.each(Object.keys(VISIT_CARDS))("%s is a valid card whose buttons reach a registered action", (name) => {
    const card = VISIT_CARDS[name]!();
    expect(() => validateContent("interactive", JSON.stringify(card))).not.toThrow();
    for (const b of buttons(card)) expect(actionIds.has(String(b.a)), String(b.a)).toBe(true);
    expect(CARD_CATALOG[name]).toBeDefined();
  });

  it("keeps the longest digest and list under Lark's card size limit", () => {
    const long = "欧阳".repeat(10);
    const lines = Array.from({ length: 30 }, (_, i) => ({ taskId: 2_000_000_000 + i, memberName: long, orgName: "磐东街道磐东居委第一党支部".repeat(2), reason: { zh: "老党员、老干部、老模范、困难党员、高龄", en: "veteran Party member, retired cadre, former model worker, member in hardship, elderly" } }));
    const digest = JSON.stringify(visitDigestCard({ visitorName: long, festival: { zh: "中秋", en: "Mid-Autumn Festival" }, year: 2027, date: "2027-09-15", total: 5000, lines }));
    expect(Buffer.byteLength(digest)).toBeLessThan(MAX_CARD_BYTES);
    const list = JSON.stringify(
      visitListCard({
        name: long,
        taskTotal: 500,
        tasks: Array.from({ length: 10 }, (_, i) => ({ taskId: i, memberName: long, what: { zh: "六必访·生病住院", en: "event visit: illness or hospitalisation" }, reason: { zh: "住".repeat(200), en: "住".repeat(200) }, dueOn: "2027-09-15", daysLate: 3 })),
        contactTotal: 40,
        contacts: Array.from({ length: 8 }, (_, i) => ({ memberId: i, memberName: long, kind: "MOBILE" as const, detail: { zh: "流动党员 · " + "深".repeat(60), en: "mobile member" }, lastContact: "2027-06-01" })),
      }),
    );
    expect(() => validateContent("interactive", list)).not.toThrow();
  });
});
