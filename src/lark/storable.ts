// Text Lark may send that PostgreSQL cannot store. jsonb refuses the escape "\u0000" and text
// columns refuse NUL bytes; JSON.stringify writes a lone UTF-16 surrogate as "\ud800", which
// jsonb refuses too. One such message in a batched inbox INSERT used to fail the whole batch.
//
// The rule, applied to the normalised event before anything stores it: U+0000 and lone
// surrogates become U+FFFD (the replacement character). Replaced rather than dropped, so what
// the person sent keeps its length and a reader of the stored row sees that something was
// there; it is what a UTF-8 decoder does with a lone surrogate anyway. Neither can be typed on
// purpose in a message or a card form, so no command's meaning changes.

const UNSTORABLE = /[\u0000\ud800-\udfff]/;
const NUL_OR_LONE_SURROGATE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The string with U+0000 and lone surrogates replaced by U+FFFD (the same string when clean). */
export function storableText(s: string): string {
  // Most text has neither; emoji (surrogate pairs) pass the test and the replace keeps them.
  return UNSTORABLE.test(s) ? s.replace(NUL_OR_LONE_SURROGATE, "\ufffd") : s;
}

/**
 * Nesting allowed in a card's callback value or form value. The bot's own buttons carry flat
 * objects and forms carry strings and lists of strings; a signed callback nested deeper than this
 * is refused (and the limit keeps this walk, JSON.stringify and jsonb clear of their stack limits).
 */
export const MAX_VALUE_DEPTH = 32;

/** A JSON value with every string (and key) made storable; undefined when nested past maxDepth. */
export function storableJson(value: unknown, maxDepth = MAX_VALUE_DEPTH): { value: unknown } | undefined {
  const TOO_DEEP = Symbol("too deep");
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return storableText(v);
    if (typeof v !== "object" || v === null) return v;
    if (depth >= maxDepth) throw TOO_DEEP;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    // fromEntries defines own properties, so a "__proto__" key stays a plain key, as JSON.parse made it.
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableText(k), walk(x, depth + 1)]));
  };
  try {
    return { value: walk(value, 0) };
  } catch (err) {
    if (err === TOO_DEEP) return undefined;
    throw err;
  }
}

/** The object with each of its own string fields made storable (normalised events are flat). */
export function storableFields<T extends object>(o: T): T {
  // Copied only when a field changes: this runs on every acknowledged delivery.
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string" && UNSTORABLE.test(v)) (out ??= { ...o } as Record<string, unknown>)[k] = storableText(v);
  }
  return (out ?? o) as T;
}
