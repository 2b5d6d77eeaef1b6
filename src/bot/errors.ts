// Errors a user caused and can fix. They carry the words to show; the router is the one place
// that turns them into a toast or a reply (and rolls the transaction back, so nothing changes).
import type { Text } from "../../cards/kit.ts";
import type { Problem } from "../domain/problem.ts";

export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly text: Text,
  ) {
    super(`${code}: ${text.en}`);
    this.name = "UserError";
  }
}

/**
 * A role check failed. `instead` names commands to point to (those the person may run are
 * offered); without it the router points to the refused command's own `instead`, or to 帮助
 * (src/bot/refusal.ts), so a refusal always says what the person can do.
 */
export class NotAllowed extends UserError {
  constructor(readonly instead: readonly string[] = []) {
    super("forbidden", { zh: "您在该支部没有进行此操作的权限。", en: "Your role in this branch does not allow this." });
    this.name = "NotAllowed";
  }
}

export const notAllowed = (instead?: readonly string[]) => new NotAllowed(instead);

/** A domain check's problem, as the refusal the router shows (and rolls back for). */
export const fromProblem = (p: Problem): UserError => new UserError(p.code, { zh: p.zh, en: p.en });

/** Unwraps a domain parse, throwing its problem for the user to fix. */
export function must<T>(r: { ok: true; value: T } | { ok: false; problem: Problem }): T {
  if (!r.ok) throw fromProblem(r.problem);
  return r.value;
}
