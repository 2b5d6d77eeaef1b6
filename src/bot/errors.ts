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

export const notAllowed = () =>
  new UserError("forbidden", {
    zh: "您在该支部没有进行此操作的权限。",
    en: "Your role in this branch does not allow this.",
  });

/** A domain check's problem, as the refusal the router shows (and rolls back for). */
export const fromProblem = (p: Problem): UserError => new UserError(p.code, { zh: p.zh, en: p.en });

/** Unwraps a domain parse, throwing its problem for the user to fix. */
export function must<T>(r: { ok: true; value: T } | { ok: false; problem: Problem }): T {
  if (!r.ok) throw fromProblem(r.problem);
  return r.value;
}
