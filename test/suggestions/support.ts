// Helpers for the 意见建议 tests: ask for the form, submit it, and find the cards the bot sent,
// driven through the Lark double as people would.
import type { SentMessage } from "../../src/double/index.ts";
import type { Logger } from "../../src/log.ts";
import { buttonValue, hasButton, text } from "../aid/support.ts";
import { eventually, startHarness, type Harness } from "../support/harness.ts";

/** Shanghai wall time as an instant. */
export const at = (day: string, time = "10:00") => new Date(`${day}T${time}:00+08:00`);

export function startSuggestionHarness(opts: { clockStart: Date; log?: Logger }): Promise<Harness> {
  return startHarness({
    env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500", ...(opts.log ? { LOG_LEVEL: "debug" } : {}) },
    double: { quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 20_000, perMessagePatchPerSec: 50 } },
    clockStart: opts.clockStart,
    ...(opts.log ? { log: opts.log } : {}),
  });
}

/** The form card answering `say` (意见建议, or 意见建议 <text>) in the private chat. */
export async function askForForm(h: Harness, who: { openId: string }, say = "意见建议"): Promise<SentMessage> {
  const said = await h.double.say({ from: who.openId, text: say });
  return h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId && hasButton(m.content, "suggestion-submit") }, 30_000);
}

export async function submit(h: Harness, who: { openId: string }, form: SentMessage, formValue: Record<string, unknown>) {
  return h.double.click({ from: who.openId, messageId: form.message_id, value: buttonValue(form.content, "suggestion-submit"), formValue, tag: "button" });
}

/** The number on the card a submission answered with. */
export function numberOf(card: unknown): string {
  const n = /(\d{4}-\d{4,})/.exec(text({ content: card }))?.[1];
  if (!n) throw new Error(`no number in ${text({ content: card }).slice(0, 300)}`);
  return n;
}

/** The card the bot sent `to` that mentions `words` (waits for delivery). */
export function cardTo(h: Harness, to: { openId: string }, words: string): Promise<SentMessage> {
  return eventually(() => h.double.messages({ to: to.openId }).find((m) => text(m).includes(words)), 30_000);
}
