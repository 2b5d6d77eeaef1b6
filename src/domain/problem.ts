// The answer of a rule when input cannot be used: a code for logs and tests, and the sentence
// (Text) telling the person what to fix. Handlers turn it into a toast or reply
// (src/bot/errors.ts `must`, `fromProblem`); rules never throw it.
import type { Text } from "./text.ts";

export interface Problem extends Text {
  code: string;
}

export const problem = (code: string, zh: string, en: string): Problem => ({ code, zh, en });

/** A typed value read from a person's input, or the problem that says what to fix. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };
