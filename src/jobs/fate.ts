// Lark de-duplicates a message's uuid for one hour from the first request that carried it. A
// send or reply first handed to Lark longer ago than that, whose outcome never came back (a crash during the call, a call abandoned as hung), could arrive twice if it
// were sent again: the delivery worker fails it with this reason and reports it instead.
import type { OutboxRow } from "../store/outbox.ts";

/** Five minutes short of Lark's hour, for the time in flight and clocks that differ. */
export const FATE_WINDOW_MS = 55 * 60_000;

export const FATE_UNKNOWN =
  "fate unknown after Lark's dedupe window: first handed to Lark over 55 minutes ago and never answered; not re-sent (it may have arrived)";

/**
 * True when the row was handed to Lark before (attempts > 0; `sentAt` of a PENDING row is the
 * first attempt Lark did not answer with a refusal, store/outbox.ts markAttempting and markAttemptFailed) and the uuid window is (nearly) over. A patch
 * carries no uuid and sets the same content again, so repeating one is harmless.
 */
export function fateUnknown(row: Pick<OutboxRow, "kind" | "attempts" | "sentAt" | "status">, now: Date): boolean {
  return row.status === "PENDING" && row.kind !== "PATCH" && row.attempts > 0 && row.sentAt !== null && now.getTime() - row.sentAt.getTime() >= FATE_WINDOW_MS;
}
