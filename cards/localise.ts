// Draws a staged message in one language at delivery. Until then a message carries both sides
// (cards: `content` = Chinese with `i18n_content`; text: `{text: zh, i18n: {en_us: en}}`), so a
// person who switches language gets their pending messages in the new one. Lark itself would
// pick a card's side by the client's locale; the stored preference wins instead, so what leaves
// here has a single side and no i18n left for Lark to choose from.
import type { Lang } from "../src/domain/text.ts";

const LOCALE: Record<Lang, "zh_cn" | "en_us"> = { ZH: "zh_cn", EN: "en_us" };

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The side of a locale map `{zh_cn, en_us}` for `lang`, Chinese when that side is missing. */
function side(map: Json, lang: Lang): Json {
  if (!isObj(map)) return undefined;
  return map[LOCALE[lang]] ?? map.zh_cn;
}

/**
 * One card node in one language: a text object's `content` becomes its `i18n_content` side;
 * `i18n_*` siblings of a field (Lark 1.0's `i18n_elements`, `i18n_header`, a title's
 * `i18n_title` …) replace the field with their side.
 */
function cardNode(node: Json, lang: Lang): Json {
  if (Array.isArray(node)) return node.map((x) => cardNode(x, lang));
  if (!isObj(node)) return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("i18n_")) out[k] = cardNode(v, lang);
  for (const [k, v] of Object.entries(node)) {
    if (!k.startsWith("i18n_")) continue;
    const field = k.slice("i18n_".length);
    const chosen = side(v, lang);
    // Text objects keep `content` as the zh side; anything else (elements, header) is replaced.
    if (chosen !== undefined) out[field] = cardNode(chosen, lang);
  }
  return out;
}

/** A staged text message's content in one language: `{text}` only, which is all Lark's text message takes. */
function textContent(content: Json, lang: Lang): Json {
  if (!isObj(content)) return content;
  const chosen = side(content.i18n, lang);
  return { text: typeof chosen === "string" && chosen !== "" ? chosen : content.text };
}

/** What Lark is sent for a staged message drawn in `lang`. Other message kinds pass unchanged. */
export function localise(content: Json, msgType: string, lang: Lang): Json {
  if (msgType === "interactive") return withoutLocales(cardNode(content, lang));
  if (msgType === "text") return textContent(content, lang);
  return content;
}

/** `config.locales` lists the languages a client may pick among; a card drawn in one has none. */
function withoutLocales(card: Json): Json {
  if (!isObj(card) || !isObj(card.config) || !("locales" in card.config)) return card;
  const { locales: _dropped, ...config } = card.config;
  return { ...card, config };
}
