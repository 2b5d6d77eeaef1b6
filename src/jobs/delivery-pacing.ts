// When a delivery may call Lark: the bot's windows are exactly Lark's (50/s and 1000/min per
// app, 5/s per receiver), with each send counted from Lark's answer (rate-limit.ts), so the
// quota is used to the full without Lark refusing. What a send does while it waits decides how
// close to the quota the bot gets and what the wait costs:
// - a wait on the app's windows (everyone waits) up to a couple of seconds is slept in place:
//   the job is the next to go, and sleeping costs one Redis call per place that frees;
// - a receiver's window beyond a short wait hands out turns, one per place in that window, so
//   two hundred messages to one person wake one by one instead of all at once, and the worker's
//   slots go to other people meanwhile;
// - anything longer (the minute window) delays the job in the queue.
import type { Config } from "../config.ts";
import type { SendFailure } from "../lark/send-errors.ts";
import type { SlidingWindowLimiter, Window } from "./rate-limit.ts";

/** Waits this short are slept in place whatever the window. */
const SHORT_WAIT_MS = 300;
/** Waits on the app's windows up to this long are slept in place; also a receiver's, by a job woken for its turn. */
const APP_WAIT_IN_PLACE_MS = 2_000;
/**
 * Turns in a receiver's queue are a window's share apart plus this. A place frees its window
 * only after Lark's answer, so the places come a little slower than the turns: a job woken for
 * its turn waits for its place in place, and the turns never hold the sends back. (Turns that
 * added the time to Lark's answer, smoothed, were fixed by the first sends' answers and came
 * slower than the places: 0.93x of 5/s.)
 */
const TURN_SLACK_MS = 2;
/**
 * A job delayed for its turn is woken this much before it, and waits the rest in place: a
 * delayed job starts a little late, and each send's lateness would push back the place the
 * sends after it wait for.
 */
const TURN_WAKE_EARLY_MS = 50;

export interface Admission {
  windows: Window[];
  member: string;
}

export type Admit = { go: Admission } | { delayMs: number; window: string; turn: boolean };

/** The windows a delivery to `rateKey` counts in: Lark's own lengths, no margin. */
export function sendWindows(config: Pick<Config, "send">, rateKey: string): Window[] {
  return [
    { key: "app", limit: config.send.appPerSec, windowMs: 1000 },
    { key: "app-min", limit: config.send.appPerSec * 20, windowMs: 60_000 },
    { key: `t:${rateKey}`, name: "target", limit: config.send.targetPerSec, windowMs: 1000 },
  ];
}

const isAppWide = (window: string | undefined) => window === "app" || window === "app-min" || window === "hold:app";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One job of a process at a time waits in place for the app's windows, the others queue behind
 * it: every waiter would otherwise wake when the same place frees and all but one go back to
 * sleep (16 calls to Redis for each of 50 places a second, measured as most of the worker's CPU).
 */
class Gate {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release: () => void = () => undefined;
    const mine = new Promise<void>((r) => (release = r));
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }
}
const gates = new WeakMap<SlidingWindowLimiter, Gate>();

/**
 * Takes a place in every window for a send to `rateKey`, sleeping in place through short waits;
 * otherwise says how long to delay the job.
 */
export async function admit(
  limiter: SlidingWindowLimiter,
  config: Pick<Config, "send">,
  rateKey: string,
  opts: { onWait?: (window: string, ms: number) => void; hadTurn?: boolean } = {},
): Promise<Admit> {
  const windows = sendWindows(config, rateKey);
  let gate = gates.get(limiter);
  if (!gate) gates.set(limiter, (gate = new Gate()));
  let leave: (() => void) | undefined;
  try {
    for (;;) {
      const now = Date.now();
      const r = await limiter.check(windows, now, ["app", `t:${rateKey}`]);
      if (r.member) return { go: { windows, member: r.member } };
      const window = r.window ?? "unknown";
      opts.onWait?.(window, r.waitMs);
      // A job woken for its turn is the one whose place frees next: it waits for it in place (the
      // answers Lark gives take a little longer than a turn's slack), not at the back of the queue.
      const inPlace = isAppWide(window) || (window === "target" && opts.hadTurn) ? APP_WAIT_IN_PLACE_MS : SHORT_WAIT_MS;
      if (r.waitMs <= inPlace) {
        // The app's windows: wait behind the process's other waiters, then look again at once.
        if (isAppWide(window) && !leave) leave = await gate.acquire();
        else await sleep(r.waitMs);
        continue;
      }
      if (window === "target") {
        const spacing = Math.ceil(1000 / config.send.targetPerSec) + TURN_SLACK_MS;
        const at = await limiter.turn(`t:${rateKey}`, now + r.waitMs, spacing, now);
        return { delayMs: Math.max(1, at - now - TURN_WAKE_EARLY_MS), window, turn: true };
      }
      return { delayMs: r.waitMs, window, turn: false };
    }
  } finally {
    leave?.();
  }
}

/** Lark accepted the send. */
export async function accepted(limiter: SlidingWindowLimiter, a: Admission): Promise<void> {
  await limiter.settle(a.windows, a.member, Date.now());
}

/**
 * The send failed. A request Lark answered with a refusal (or one that never left) is not
 * counted by Lark, so its place is given back; a request with no answer (a timeout, a reset
 * connection) may have been counted and keeps it, counted from now. A rate-limit answer also closes the scope
 * Lark named for every worker until its reset: 230020 is a receiver's limit, 99991400/429 the app's.
 */
export async function refused(limiter: SlidingWindowLimiter, a: Admission, rateKey: string, failure: SendFailure | undefined, reachedLark: boolean): Promise<void> {
  // No answer: counted from now, as if Lark had accepted it at the last moment it could have.
  if (reachedLark && failure?.status === undefined) return limiter.settle(a.windows, a.member, Date.now());
  await limiter.release(a.windows, a.member);
  if (failure?.kind === "rate_limited") {
    const now = Date.now();
    await limiter.hold(failure.code === 230020 ? `t:${rateKey}` : "app", now + failure.retryAfterMs, now);
  }
}
