// The simulated world: the bot started against its own database, queue prefix and the Lark
// double on a movable clock, the cast, and what people do (say a command, click a button), each
// as a cause the mailbox files the bot's answers under. The bot's own job schedulers are
// removed: the year runs each task at its cron minutes itself (cron.ts), so a queue timer on
// real time never fires in the middle of simulated night.
import type { Day } from "../../src/domain/calendar-day.ts";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import type { ClickOutcome, SentMessage } from "../../src/double/index.ts";
import { startHarness, type Harness } from "../support/harness.ts";
import type { Cast, Person } from "./cast.ts";
import { Mailbox, textOf } from "./mailbox.ts";

export const TZ = "Asia/Shanghai";

type Json = Record<string, unknown>;

export async function startWorld(start: Day): Promise<{ h: Harness; mail: Mailbox }> {
  const h = await startHarness({
    clockStart: startOfDayIn(start, TZ),
    // Hundreds of cards a day go to a few leaders: Lark's 5/s per chat would only slow the year.
    env: { SEND_RATE_TARGET_PER_SEC: "500", SEND_RATE_APP_PER_SEC: "1000", SCHEDULER_REFRESH_MS: String(24 * 3600_000) },
    double: { quotas: { perTargetPerSec: 500, appPerSec: 1000, appPerMin: 100_000, perMessagePatchPerSec: 100 } },
  });
  for (const s of await h.app.queues.maintenance.getJobSchedulers()) await h.app.queues.maintenance.removeJobScheduler(s.key);
  return { h, mail: new Mailbox(h) };
}

/** What people did in answer to the bot's pushes over the year. */
export interface Doings {
  talks: number;
  urgentTalks: number;
  visits: number;
  contacts: number;
  reviews: number;
  assignments: number;
  checkIns: number;
}

export class World {
  today: Day = "";
  minute = 0;
  readonly byOpenId: Map<string, Person>;
  readonly doings: Doings = { talks: 0, urgentTalks: 0, visits: 0, contacts: 0, reviews: 0, assignments: 0, checkIns: 0 };

  constructor(
    readonly h: Harness,
    readonly mail: Mailbox,
    readonly cast: Cast,
  ) {
    this.byOpenId = new Map(cast.everyone.map((p) => [p.openId, p]));
  }

  /** Moves the clock to a Shanghai wall time of a day. */
  setTime(day: Day, minute: number): void {
    this.today = day;
    this.minute = minute;
    this.h.clock.set(new Date(startOfDayIn(day, TZ).getTime() + minute * 60_000));
  }

  /** A person doing something: what the bot sends meanwhile is filed under `label`. */
  act<T>(label: string, fn: () => Promise<T>): Promise<T> {
    return this.mail.during({ kind: "action", label }, fn);
  }

  /** Says a command in the private chat and returns the bot's answer. */
  async say(who: Person, text: string): Promise<SentMessage> {
    const said = await this.h.double.say({ from: who.openId, text });
    return this.h.double.waitForMessage({ where: (m) => m.parent_id === said.messageId }, 15_000);
  }

  /** Clicks a button of a card; a refusal (an error toast) is a failure of the simulation. */
  async click(who: Person, messageId: string, value: Json, formValue?: Json): Promise<ClickOutcome> {
    const r = await this.h.double.click({ from: who.openId, messageId, value, tag: "button", ...(formValue ? { formValue } : {}) });
    const toast = r.toast as { type?: string; content?: string } | undefined;
    if (r.status !== 200 || toast?.type === "error") throw new Error(`${who.name} clicked ${String(value.a)} on ${this.today}: ${r.status} ${textOf(r.toast)}`);
    return r;
  }

  /** The Lark date picker's value for today. */
  get pickedToday(): string {
    return `${this.today} +0800`;
  }
}

/** Every callback value of the buttons for `action` in a card, in order. */
export function buttonValues(card: unknown, action: string): Json[] {
  const out: Json[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Json;
    if (o.tag === "button" && Array.isArray(o.behaviors)) {
      const v = (o.behaviors[0] as { value?: Json } | undefined)?.value;
      if (v?.a === action) out.push(v);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}
