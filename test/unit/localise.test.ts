// A staged message drawn in one language (cards/localise.ts): every card of the catalog, in
// Chinese and in English, keeps only the chosen side of each text, and text messages keep one.
import { describe, expect, it } from "vitest";
import { CARD_CATALOG } from "../../cards/catalog.ts";
import { table } from "../../cards/kit.ts";
import { localise } from "../../cards/localise.ts";

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every key anywhere in a JSON value. */
function keysOf(v: Json, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) keysOf(x, out);
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) out.push(k), keysOf(x, out);
  return out;
}

/**
 * Walks the card as staged and as drawn side by side (same shape but for i18n keys) and yields
 * each text object's two forms.
 */
function* texts(staged: Json, drawn: Json, path = ""): Generator<{ path: string; staged: Record<string, Json>; drawn: Record<string, Json> }> {
  if (Array.isArray(staged)) {
    expect(Array.isArray(drawn), path).toBe(true);
    for (let i = 0; i < staged.length; i++) yield* texts(staged[i], (drawn as Json[])[i], `${path}[${i}]`);
  } else if (isObj(staged)) {
    expect(isObj(drawn), path).toBe(true);
    const d = drawn as Record<string, Json>;
    if (typeof staged.content === "string") yield { path, staged, drawn: d };
    for (const [k, v] of Object.entries(staged)) if (!k.startsWith("i18n")) yield* texts(v, d[k], `${path}.${k}`);
  }
}

describe("localise: a card drawn in one language", () => {
  it.each(Object.entries(CARD_CATALOG))("%s in Chinese keeps the Chinese side and no i18n", (_name, build) => {
    const card = build();
    const zh = localise(card, "interactive", "ZH");
    expect(keysOf(zh).filter((k) => k.startsWith("i18n"))).toEqual([]);
    let n = 0;
    for (const t of texts(card, zh)) {
      const side = (t.staged.i18n_content as { zh_cn?: string } | undefined)?.zh_cn ?? t.staged.content;
      expect(t.drawn.content, t.path).toBe(side);
      n++;
    }
    expect(n).toBeGreaterThan(0);
    expect(card, "the staged card itself is left as it was").toEqual(build());
  });

  it.each(Object.entries(CARD_CATALOG))("%s in English shows the English side of every text, no Chinese where English exists", (_name, build) => {
    const card = build();
    const en = localise(card, "interactive", "EN");
    expect(keysOf(en).filter((k) => k.startsWith("i18n"))).toEqual([]);
    const withoutEnglish: string[] = [];
    for (const t of texts(card, en)) {
      const english = (t.staged.i18n_content as { en_us?: string } | undefined)?.en_us;
      if (english === undefined) {
        // A text with no English side may only be data that reads the same in both (names, numbers).
        if (CJK.test(String(t.staged.content))) withoutEnglish.push(`${t.path}: ${String(t.staged.content)}`);
        continue;
      }
      expect(t.drawn.content, t.path).toBe(english);
    }
    expect(withoutEnglish, "Chinese texts without an English side").toEqual([]);
  });
});

describe("localise: text messages and other shapes", () => {
  const staged = { text: "已切换为中文。", i18n: { en_us: "Switched to English." } };
  it("keeps the chosen side of a staged text, and only {text}", () => {
    expect(localise(staged, "text", "ZH")).toEqual({ text: "已切换为中文。" });
    expect(localise(staged, "text", "EN")).toEqual({ text: "Switched to English." });
  });
  it("sends a text staged with one side as it is, in either language", () => {
    expect(localise({ text: "hello" }, "text", "EN")).toEqual({ text: "hello" });
    expect(localise({ text: "你好" }, "text", "ZH")).toEqual({ text: "你好" });
  });
  it("falls back to Chinese where a card text has no English side", () => {
    const card = { header: { title: { tag: "plain_text", content: "标题", i18n_content: { zh_cn: "标题" } } } };
    expect(localise(card, "interactive", "EN")).toEqual({ header: { title: { tag: "plain_text", content: "标题" } } });
  });
  it("draws Lark 1.0 i18n_elements / i18n_header and drops config.locales", () => {
    const card = {
      config: { update_multi: true, locales: ["zh_cn", "en_us"] },
      i18n_header: { zh_cn: { title: { tag: "plain_text", content: "中文" } }, en_us: { title: { tag: "plain_text", content: "English" } } },
      i18n_elements: { zh_cn: [{ tag: "markdown", content: "正文" }], en_us: [{ tag: "markdown", content: "Body" }] },
    };
    expect(localise(card, "interactive", "EN")).toEqual({
      config: { update_multi: true },
      header: { title: { tag: "plain_text", content: "English" } },
      elements: [{ tag: "markdown", content: "Body" }],
    });
    expect(localise(card, "interactive", "ZH")).toMatchObject({ header: { title: { content: "中文" } }, elements: [{ content: "正文" }] });
  });
  it("draws a table's column titles and cells (their English travels as i18n_ siblings) in one language", () => {
    const card = { body: { elements: [table({ columns: [{ name: "source", title: { zh: "资金来源", en: "Source" } }], rows: [{ source: { zh: "党费", en: "Party dues" } }] })] } };
    for (const [lang, title, cell] of [["EN", "Source", "Party dues"], ["ZH", "资金来源", "党费"]] as const) {
      const drawn = localise(card, "interactive", lang) as { body: { elements: { columns: { display_name: string }[]; rows: Record<string, string>[] }[] } };
      expect(keysOf(drawn).filter((k) => k.startsWith("i18n"))).toEqual([]);
      expect(drawn.body.elements[0]!.columns[0]!.display_name).toBe(title);
      expect(drawn.body.elements[0]!.rows).toEqual([{ source: cell }]);
    }
  });
  it("passes other message kinds unchanged", () => {
    expect(localise({ image_key: "img_1" }, "image", "EN")).toEqual({ image_key: "img_1" });
  });
});
