// How a word is found in normalised text: spaces between Chinese characters are skipped ("求 助"
// spells 求助), a Latin word must end at a word boundary ("helpful" is not "help"), and slips of
// one keystroke or one pinyin candidate are measured for suggestions.
import { isHan } from "./normalise.ts";
import { HOMOPHONES } from "./phrases.ts";

/** Where `word` ends if `text` spells it from `from` (spaces between Chinese skipped); -1 if not. */
export function spells(text: string, from: number, word: string): number {
  let i = from;
  for (let k = 0; k < word.length; k++) {
    const w = word[k];
    if (k > 0 && text[i] === " " && w !== " " && isHan(text[i - 1]) && isHan(text[i + 1])) i++;
    if (text[i] !== w) return -1;
    i++;
  }
  if (/[a-z0-9]$/.test(word) && /[a-z0-9]/.test(text[i] ?? "")) return -1;
  return i;
}

/** The text with each pinyin slip put back to the character a command uses ("谈新" → "谈心"). */
export const meant = (text: string): string => [...text].map((ch) => HOMOPHONES[ch] ?? ch).join("");

/**
 * Whether a and b differ by at most one keystroke: one character changed, added, dropped, or
 * two neighbours swapped ("hepl" for "help").
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i === x.length && i === y.length) return true;
  const tail = (p: number, q: number) => x.slice(p).join("") === y.slice(q).join("");
  if (x.length === y.length) return tail(i + 1, i + 1) || (x[i] === y[i + 1] && x[i + 1] === y[i] && tail(i + 2, i + 2));
  return x.length > y.length ? tail(i + 1, i) : tail(i, i + 1);
}
