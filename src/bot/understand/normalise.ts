// What people type, in the one form the phrase matching reads: full-width letters and
// punctuation as half-width (every Chinese phone keyboard types "？" and "，"), quotes and
// emoji dropped, Latin lower-cased, runs of spaces as one, and trailing punctuation gone.
// Spaces between Chinese characters are kept here ("谈心 张三" separates a command from its
// argument) and skipped by the matcher instead ("求 助" = 求助, see match.ts).
//
// Arguments are never taken from this form: `at` maps each character back to the text as
// sent, so a reason, a question or a pasted schedule reaches its command exactly as typed.

export interface Normalised {
  text: string;
  /** at[i] = index in the original of text[i]; at[text.length] = the original's length. */
  at: number[];
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
export const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

// Marks that only decorate: people quote command words (「求助」) and add emoji (求助😭).
const DROPPED = /[「」『』【】《》〈〉“”‘’"'\u200b\u200d\ufe0e\ufe0f\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;
// Chinese punctuation NFKC leaves alone, said the way the rest of the text is.
const EXTRA: Record<string, string> = { "。": ".", "、": ",", "～": "~", "〜": "~", "—": "-", "…": "...", "·": " " };
const PUNCT = /^[\s.,!?~:;\-…]$/;

export function normalise(raw: string): Normalised {
  const chars: string[] = [];
  const at: number[] = [];
  let i = 0;
  for (const cp of raw) {
    const from = i;
    i += cp.length;
    if (DROPPED.test(cp)) continue;
    const half = (EXTRA[cp] ?? cp.normalize("NFKC")).toLowerCase();
    for (const ch of half) {
      const space = /\s/.test(ch);
      if (space && (chars.length === 0 || chars[chars.length - 1] === " ")) continue;
      chars.push(space ? " " : ch);
      at.push(from);
    }
  }
  // Leading and trailing spaces and punctuation say nothing ("求助！！", "？求助"); a text that is
  // nothing else keeps its first mark ("？" asks for help).
  let start = 0;
  let end = chars.length;
  while (start < end && PUNCT.test(chars[start]!)) start++;
  while (end > start && PUNCT.test(chars[end - 1]!)) end--;
  if (start === end && chars.length > 0) {
    const first = chars.findIndex((c) => c !== " ");
    if (first >= 0) [start, end] = [first, first + 1];
  }
  const kept = at.slice(start, end);
  kept.push(end < chars.length ? at[end]! : raw.length);
  return { text: chars.slice(start, end).join(""), at: kept };
}
