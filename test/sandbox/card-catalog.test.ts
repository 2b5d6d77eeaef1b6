// Every card the bot can send (cards/catalog.ts, with sample data) renders in the sandbox with
// no element falling back to the "unsupported" placeholder.
import { describe, expect, it } from "vitest";
import { CARD_CATALOG } from "../../cards/catalog.ts";
import { renderCard } from "../../src/sandbox/page/render-card.ts";
import { findAll, textOf } from "../../src/sandbox/page/vnode.ts";

describe("card catalog in the sandbox renderer", () => {
  it("has cards to render", () => {
    expect(Object.keys(CARD_CATALOG).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(CARD_CATALOG))("%s renders every element", (_name, build) => {
    const cardJson = build();
    const { node, unknown } = renderCard(cardJson);
    expect(unknown, `elements the sandbox cannot render: ${unknown.map((u) => `${u.tag} at ${u.path}`).join(", ")}`).toEqual([]);
    expect(findAll(node, (e) => String(e.attrs.class ?? "").includes("unknown-element"))).toEqual([]);
    // A card shows its title and some body text, in Chinese.
    const title = findAll(node, (e) => e.attrs.class === "card-title")[0];
    expect(title && textOf(title).trim()).toBeTruthy();
    expect(textOf(node)).toMatch(/[\u4e00-\u9fa5]/);
  });
});
