// Everything the bot sent over the simulated year, as the Lark double received it, each message
// with what caused it: a scheduled task's run (a push the bot made on its own) or a person's
// action (an answer, or a notice that action sent). The world runs one cause at a time and
// waits for the delivery worker to send all it staged before the next, so the cause of each
// message is known exactly and the double's timestamp (the movable clock) is the moment it was
// pushed.
import type { SentMessage } from "../../src/double/index.ts";
import { eventually, type Harness } from "../support/harness.ts";

export type Cause = { kind: "task"; tasks: string[] } | { kind: "action"; label: string };

export interface Delivered {
  msg: SentMessage;
  cause: Cause;
  /** The outbox row's idempotency key (Lark's uuid is the key, or its hash when the key is long). */
  key: string;
}

export class Mailbox {
  readonly all: Delivered[] = [];
  private cause: Cause = { kind: "action", label: "seeding" };
  private read = 0;

  constructor(private readonly h: Harness) {
    h.double.on("sent", (msg) => this.all.push({ msg, cause: this.cause, key: "" }));
  }

  /** Runs fn as `cause`, then waits until the bot has delivered everything fn made it stage. */
  async during<T>(cause: Cause, fn: () => Promise<T>): Promise<T> {
    this.cause = cause;
    try {
      const out = await fn();
      await this.drain();
      return out;
    } finally {
      this.cause = { kind: "action", label: "between causes" };
    }
  }

  async drain(): Promise<void> {
    await eventually(async () => (await this.h.db.prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0, 30_000);
    const keyless = this.all.filter((d) => !d.key);
    if (keyless.length === 0) return;
    const rows = await this.h.db.prisma.outboxMessage.findMany({ where: { larkMessageId: { in: keyless.map((d) => d.msg.message_id) } }, select: { larkMessageId: true, idempotencyKey: true } });
    const keys = new Map(rows.map((r) => [r.larkMessageId, r.idempotencyKey]));
    for (const d of keyless) d.key = keys.get(d.msg.message_id) ?? "";
  }

  /** Messages delivered since the last call, to be answered by the people who got them. */
  unread(): Delivered[] {
    const out = this.all.slice(this.read);
    this.read = this.all.length;
    return out;
  }

  /** The message as it stands now (cards change when clicked). */
  current(messageId: string): SentMessage {
    const m = this.h.double.message(messageId);
    if (!m) throw new Error(`no message ${messageId}`);
    return m;
  }
}

export const textOf = (x: unknown) => JSON.stringify(x);

/** The key the bot's outbox gave the message. */
export const keyOf = (d: Delivered) => d.key;

/** Who a message reached: the open_id of a p2p message (a group message reaches no one person). */
export const recipientOf = (m: SentMessage) => m.recipient_open_id ?? (m.receive_id_type === "open_id" ? m.receive_id : undefined);
