// Every work-care card in the catalog is a JSON 2.0 card the sandbox renders without an unknown
// element, bilingual, and its buttons call actions that exist.
import { describe, expect, it } from "vitest";
import { WORK_CARDS } from "../../cards/work-catalog.ts";
import { WORK_ACTION } from "../../cards/work-common.ts";
import { ACTIONS } from "../../src/bot/registry.ts";
import { renderCard } from "../../src/sandbox/page/render-card.ts";

const actionIds = (x: unknown): string[] => {
  if (typeof x !== "object" || x === null) return [];
  if (Array.isArray(x)) return x.flatMap(actionIds);
  const o = x as Record<string, unknown>;
  const own = o.tag === "button" && Array.isArray(o.behaviors) ? [String((o.behaviors[0] as { value: { a: string } }).value.a)] : [];
  return [...own, ...Object.values(o).flatMap(actionIds)];
};

describe("work-care cards", () => {
  it.each(Object.entries(WORK_CARDS))("%s renders, in Chinese and English", (_name, build) => {
    const c = build();
    expect(c.schema).toBe("2.0");
    expect(renderCard(c).unknown).toEqual([]);
    const json = JSON.stringify(c);
    expect(json).toMatch(/[\u4e00-\u9fa5]/);
    expect(json).toContain("en_us");
    expect(json.length).toBeLessThan(30_000);
    const known = new Set(ACTIONS.map((a) => a.id));
    for (const id of actionIds(c)) expect(known.has(id), `button action ${id}`).toBe(true);
  });

  it("registers every work action id exactly once", () => {
    const ids = ACTIONS.map((a) => a.id);
    for (const id of Object.values(WORK_ACTION)) expect(ids.filter((x) => x === id)).toHaveLength(1);
  });
});
