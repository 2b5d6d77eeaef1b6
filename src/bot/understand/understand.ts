// Understanding what a person typed, without a network model: normalise (normalise.ts), find a
// command word, an alias or a phrase (phrases.ts) at the start, skipping polite wrappers in
// front ("请问", "我想", "帮我看看") and fillers behind ("一下", "吧"); and when nothing fits, rank
// the commands the text most likely meant (a slip of one key or one pinyin candidate first)
// for the suggestion card. A guess is never run: only exact words and phrases are.
//
// The registry's own words keep their old reading exactly: the longest name or alias that
// starts the text wins and the rest, as sent, is the argument ("谈心张三", "冲正 2026-0001 原因").
import type { Command } from "../context.ts";
import { meant, spells, withinOneEdit } from "./match.ts";
import { isHan, normalise } from "./normalise.ts";
import { FILLERS, GREETINGS, HINTS, PHRASES, QUESTION_OPENERS, THANKS, TROUBLE_WORDS, WRAPPERS } from "./phrases.ts";

export type Heard =
  | {
      kind: "command";
      command: Command;
      /** The text after the command's words, as sent (fillers alone count as nothing). */
      args: string;
      /** The registry word meant, with the arguments: what the command reads as the text said ("切换英文"). */
      said: string;
      /** Hello and the like: answered with the help card after a friendly line. */
      greeting?: true;
    }
  | { kind: "thanks" }
  | {
      kind: "unsure";
      /** What was sent, trimmed. */
      heard: string;
      /** Most likely first; every command at most once. */
      guesses: Guess[];
      /** The text speaks of trouble (illness, money, 帮忙): 求助 is first among the guesses. */
      trouble: boolean;
    };

export interface Guess {
  command: Command;
  /** Arguments to run it with, when the guess is a slip in the command word ("谈新 张三"). */
  args: string;
  /** typo: one slip away from its word; word: the text holds its word; hint: a looser hint. */
  why: "typo" | "trouble" | "word" | "hint";
}

interface Entry {
  word: string;
  command: Command;
  /** The registry word it stands for. */
  said: string;
  /** A registry word (name or alias), as opposed to a phrase from the table. */
  own: boolean;
}

const n = (s: string) => normalise(s).text;
const byLength = (a: string, b: string) => b.length - a.length;
const BOUNDARY = /^[\s,.!?~:;]/;
/** The deepest run of wrappers skipped before a wish ("你好,请问我想看看…"). */
const MAX_WRAPPERS = 4;
/** Long texts are scored on their start: a wish is said first, and a pasted page costs nothing. */
const SCORED_CHARS = 200;

export function buildUnderstanding(commands: readonly Command[]): (raw: string) => Heard {
  const registry = new Map<string, { command: Command; said: string }>();
  const entries: Entry[] = [];
  for (const command of commands) {
    for (const said of [command.name, ...command.aliases]) {
      const word = n(said);
      if (!word || registry.has(word)) continue;
      registry.set(word, { command, said });
      entries.push({ word, command, said, own: true });
    }
  }
  for (const [key, phrases] of Object.entries(PHRASES)) {
    const target = registry.get(n(key));
    if (!target) continue;
    for (const p of phrases) {
      const word = n(p);
      if (word && !registry.has(word)) entries.push({ word, ...target, own: false });
    }
  }
  // Longest first; on a tie the registry's own word.
  entries.sort((a, b) => b.word.length - a.word.length || Number(b.own) - Number(a.own));
  const help = commands.find((c) => c.name === "帮助");
  const greetings = new Set(GREETINGS.map(n));
  const thanks = new Set(THANKS.map(n));
  const wrappers = WRAPPERS.map(n).sort(byLength);
  const fillers = FILLERS.map(n).sort(byLength);
  const trouble = TROUBLE_WORDS.map(n);
  const aid = commands.find((c) => c.name === "求助");
  const openers = Object.entries(QUESTION_OPENERS).flatMap(([key, words]) => {
    const command = registry.get(n(key))?.command;
    return command ? words.map((w) => ({ word: n(w), command })).sort((a, b) => byLength(a.word, b.word)) : [];
  });

  /** The text with trailing fillers and punctuation taken off ("求助一下吧" → "求助"); never to nothing. */
  const withoutFillers = (s: string): string => {
    let out = s.trim();
    for (let again = true; again; ) {
      again = false;
      const bare = out.replace(/[\s,.!?~:;]+$/, "");
      if (bare !== out && bare) [out, again] = [bare, true];
      for (const f of fillers) {
        if (out.length > f.length && out.endsWith(f)) {
          out = out.slice(0, -f.length).trim();
          again = true;
          break;
        }
      }
    }
    return out;
  };
  const isNothing = (rest: string): boolean => withoutFillers(`x${rest}`) === "x";

  /** The entry that starts at p: a registry word with anything after it, a phrase with nothing or a break after it. */
  const matchHere = (t: string, p: number): { entry: Entry; end: number } | null => {
    for (const entry of entries) {
      const end = spells(t, p, entry.word);
      if (end < 0) continue;
      const rest = t.slice(end);
      if (!entry.own && rest && !BOUNDARY.test(rest) && !isNothing(rest)) continue;
      return { entry, end };
    }
    return null;
  };

  /** Every place a wish may start: 0, then after each run of wrappers. */
  const starts = (t: string): number[] => {
    const found = new Set<number>([0]);
    const walk = (p: number, depth: number) => {
      if (depth >= MAX_WRAPPERS) return;
      for (const w of wrappers) {
        let q = spells(t, p, w);
        if (q < 0) continue;
        while (q < t.length && /[\s,.!?~:;]/.test(t[q]!)) q++;
        if (q >= t.length || found.has(q)) continue;
        found.add(q);
        walk(q, depth + 1);
      }
    };
    walk(0, 0);
    return [...found].sort((a, b) => a - b);
  };

  const argsFrom = (raw: string, at: number[], end: number, t: string): string => {
    if (isNothing(t.slice(end))) return "";
    return raw.slice(at[end]).trim().replace(/^[\s,，。.:：;；、!！?？~～]+/, "");
  };

  return (raw) => {
    const { text: t, at } = normalise(raw);
    const core = withoutFillers(t);
    if (help && (greetings.has(t) || greetings.has(core))) return { kind: "command", command: help, args: "", said: help.name, greeting: true };
    if (thanks.has(t) || thanks.has(core)) return { kind: "thanks" };
    const places = t ? starts(t) : [];
    for (const p of places) {
      const m = matchHere(t, p);
      if (!m) continue;
      const args = argsFrom(raw, at, m.end, t);
      return { kind: "command", command: m.entry.command, args, said: args ? `${m.entry.said} ${args}` : m.entry.said };
    }
    // Emoji alone read as nothing: the card asks for words.
    return { kind: "unsure", heard: t ? raw.trim() : "", ...guess(t, raw, at, places) };
  };

  function guess(t: string, raw: string, at: number[], places: number[]): { guesses: Guess[]; trouble: boolean } {
    const scored = new Map<Command, { score: number; guess: Guess }>();
    const offer = (command: Command, score: number, why: Guess["why"], args = "") => {
      const had = scored.get(command);
      if (!had || had.score < score) scored.set(command, { score, guess: { command, args, why } });
    };
    // A slip in the command word: one pinyin candidate ("谈新张三") or one keystroke ("hepl").
    for (const p of places) {
      const s = t.slice(p);
      const heard = meant(s);
      const token = withoutFillers(s.split(" ")[0] ?? "");
      const whole = withoutFillers(s);
      for (const e of entries) {
        const chinese = isHan(e.word[0]);
        if (e.word.length < (chinese ? 2 : 4)) continue;
        const end = chinese && heard !== s ? spells(heard, 0, meant(e.word)) : -1;
        if (end > 0 && spells(s, 0, e.word) < 0) {
          const rest = s.slice(end);
          if (e.own || !rest || BOUNDARY.test(rest) || isNothing(rest)) offer(e.command, 300 + e.word.length, "typo", argsFrom(raw, at, p + end, t));
          continue;
        }
        const space = s.indexOf(" ");
        if (token !== e.word && withinOneEdit(token, e.word)) offer(e.command, 200 + e.word.length, "typo", space > 0 ? argsFrom(raw, at, p + space, t) : "");
        else if (whole !== e.word && withinOneEdit(whole, e.word)) offer(e.command, 200 + e.word.length, "typo");
      }
    }
    // A question in their own words: offered with its text, one click from being asked.
    for (const p of places) {
      for (const o of openers) {
        const end = spells(t, p, o.word);
        // The opener that reaches furthest ("问一下", not "想问") leaves the question itself.
        if (end > 0 && !isNothing(t.slice(end))) offer(o.command, 400 + end, "typo", argsFrom(raw, at, end, t));
      }
    }
    // Words and hints the text holds anywhere ("我想看看最近的谈心记录").
    const squeezed = t.slice(0, SCORED_CHARS).replace(/ /g, "");
    for (const e of entries) if (e.word.length >= 2 && squeezed.includes(e.word.replace(/ /g, ""))) offer(e.command, 100 + e.word.length, "word");
    for (const [name, hints] of Object.entries(HINTS)) {
      const command = registryCommand(name);
      if (!command) continue;
      for (const h of hints) if (squeezed.includes(n(h))) offer(command, 50 + h.length, "hint");
    }
    const troubled = !!aid && trouble.some((w) => squeezed.includes(w));
    if (troubled && aid) offer(aid, 1000, "trouble");
    const guesses = [...scored.values()].sort((a, b) => b.score - a.score).map((x) => x.guess);
    return { guesses, trouble: troubled };
  }

  function registryCommand(word: string): Command | undefined {
    return registry.get(n(word))?.command;
  }
}
