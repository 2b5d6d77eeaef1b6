// Sliding-window rate limits as Lark enforces them on sends: per app (50/s and 1000/min) and
// per receiving chat (5/s; a user's p2p chat stands for the user), plus 5/s per card update.
// Only accepted calls are counted, so a client that backs off as told gets through.

export interface QuotaConfig {
  appPerSec: number;
  appPerMin: number;
  perTargetPerSec: number;
  perMessagePatchPerSec: number;
  /** The length of the "per second" windows (app and receiver), 1000 unless a test makes Lark's windows differ from the bot's. */
  secondWindowMs?: number;
}

export type QuotaVerdict = { ok: true } | { ok: false; resetSeconds: number; limit: string };

class Window {
  private hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly spanMs: number,
  ) {}

  /** Milliseconds until a slot frees for `key`, or 0 when one is free now. */
  waitMs(key: string, now: number): number {
    const live = (this.hits.get(key) ?? []).filter((t) => t > now - this.spanMs);
    if (live.length === 0) this.hits.delete(key);
    else this.hits.set(key, live);
    if (live.length < this.limit) return 0;
    return live[live.length - this.limit]! + this.spanMs - now;
  }

  record(key: string, now: number): void {
    const list = this.hits.get(key) ?? [];
    list.push(now);
    this.hits.set(key, list);
  }

  clear(): void {
    this.hits.clear();
  }
}

export class Quotas {
  private appSec: Window;
  private appMin: Window;
  private target: Window;
  private patch: Window;
  /** Sends and updates refused for a quota since the start (or the last reset), by the limit named in the refusal. */
  readonly refusals = new Map<string, number>();

  constructor(
    readonly config: QuotaConfig,
    private now: () => number,
  ) {
    const second = config.secondWindowMs ?? 1000;
    this.appSec = new Window(config.appPerSec, second);
    this.appMin = new Window(config.appPerMin, 60_000);
    this.target = new Window(config.perTargetPerSec, second);
    this.patch = new Window(config.perMessagePatchPerSec, 1000);
  }

  /** A message send (create or reply) to the chat `targetChatId`. */
  trySend(targetChatId: string): QuotaVerdict {
    return this.take([
      [this.appSec, "app", `app ${this.config.appPerSec}/s`],
      [this.appMin, "app", `app ${this.config.appPerMin}/min`],
      [this.target, targetChatId, `receiver ${this.config.perTargetPerSec}/s`],
    ]);
  }

  tryPatch(messageId: string): QuotaVerdict {
    return this.take([[this.patch, messageId, `message update ${this.config.perMessagePatchPerSec}/s`]]);
  }

  reset(): void {
    for (const w of [this.appSec, this.appMin, this.target, this.patch]) w.clear();
    this.refusals.clear();
  }

  /** How many calls were refused for a quota (all limits together). */
  refused(): number {
    let n = 0;
    for (const v of this.refusals.values()) n += v;
    return n;
  }

  private take(checks: Array<[Window, string, string]>): QuotaVerdict {
    const now = this.now();
    for (const [w, key, limit] of checks) {
      const wait = w.waitMs(key, now);
      if (wait > 0) {
        this.refusals.set(limit, (this.refusals.get(limit) ?? 0) + 1);
        return { ok: false, resetSeconds: Math.max(1, Math.ceil(wait / 1000)), limit };
      }
    }
    for (const [w, key] of checks) w.record(key, now);
    return { ok: true };
  }
}
