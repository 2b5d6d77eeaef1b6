// What every command and card action receives: one object with the actor, the open
// transaction, and ways to answer. Outgoing messages are staged here and only sent after
// the transaction commits.
import type { Card, Text } from "../../cards/kit.ts";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Day } from "../domain/calendar-day.ts";
import type { Actor, RoleGrant, RoleName } from "../domain/roles.ts";
import type { Lang } from "../domain/text.ts";
import type { InboundCardAction, InboundEvent } from "../lark/events.ts";
import type { Logger } from "../log.ts";
import type { AuditEntry } from "../store/audit.ts";
import type { HotWrite, NewOutgoing, SealedRecipient } from "../store/outbox.ts";
import type { Stores } from "../store/stores.ts";
import type { Tx } from "../store/tx.ts";
import type { z } from "zod";
import { dayIn } from "../domain/zoned-time.ts";

export interface Outgoing {
  card?: Card;
  text?: Text;
  /** A file the handler wrote with store.exportFiles.createExportFile, sent as a file message. */
  file?: { exportFileId: number };
  /**
   * The language to draw it in, when the handler knows better than the router (an answer to a
   * language switch is in the new one). Else: a reply in the sender's, a send in the recipient's.
   */
  lang?: Lang;
}

export interface BaseContext {
  actor: Actor;
  /** Every statement a handler runs, bound to its transaction (src/store/stores.ts). */
  store: Stores;
  /** The open transaction; only the router and src/store/ use it (see docs/conventions.md). */
  tx: Tx;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Stage a message to a person or chat; `key` makes it idempotent across retries. */
  send(to: { openId: string } | { chatId: string } | SealedRecipient, msg: Outgoing, key: string): void;
  /** Stage an update of a card the bot sent earlier. */
  patch(messageId: string, card: Card, key: string): void;
  /** Queue work for the attachment worker once the transaction has committed (src/jobs/attachment-worker.ts). */
  queueAttachmentWork(work: AttachmentWork): void;
  audit(entry: Omit<AuditEntry, "actorId" | "actorOpenId" | "eventKey">): Promise<void>;
}

/** A member's picture or file to download and check, or a kept PDF to send a decider as a file message. */
export type AttachmentWork = { fetch: number } | { sendFile: { attachmentId: number; openId: string; key: string } };

export interface CommandContext extends BaseContext {
  inbound: InboundEvent;
  /** The text after the command word. */
  args: string;
  /** Every command in registry order (help lists them; the registry imports the commands, not the other way). */
  commands: readonly Command[];
  /**
   * The person opened with a greeting ("你好"), understood as 帮助: the answer greets back in
   * the same message (two messages to one chat may arrive in either order).
   */
  greeted?: boolean;
  /** Answer the sender: in the same chat (a reply) for messages, privately otherwise. */
  reply(msg: Outgoing): void;
}

export interface Command {
  name: string;
  aliases: readonly string[];
  summary: Text;
  /** Roles that may use it; "anyone" means anyone in the roster. */
  roles: readonly RoleName[] | "anyone";
  /**
   * Which of those roles count, when the level of the organisation matters: a committee's view
   * asks for a role held in a 党委 or 党总支 (aboveBranches). Help lists a command only to those
   * it lets through, and the router refuses the rest as it refuses a missing role.
   */
  grants?: (g: RoleGrant) => boolean;
  /** A command with personal details answers only in a private chat. */
  privateOnly?: boolean;
  /** What someone whose roles do not allow it can do instead: the refusal offers it (src/bot/refusal.ts). */
  instead?: Instead;
  run(ctx: CommandContext): Promise<void>;
}

/**
 * Where a refusal points. `commands` are offered in this order, each only if the person may run
 * it (visible-commands.ts insteadFor); `ask` names whom to ask when no command of theirs does it
 * (the branch's secretary by name when the roster knows one).
 */
export interface Instead {
  commands?: readonly string[];
  ask?: "SECRETARY";
}

export type Toast = { type: "success" | "error" | "info" | "warning"; text: Text };
export interface ActionResult {
  toast?: Toast;
  card?: Card;
  /** The language the toast and card are drawn in, when not the clicker's stored one (a language switch). */
  lang?: Lang;
}

export interface ActionContext extends BaseContext {
  inbound: InboundCardAction;
  /**
   * Runs step after the handler's messages are written, before its audit lines (whose INSERT
   * locks the organisation's audit chain head until the commit) and the commit. For writes to a
   * row that many clicks contend for (a fund's balance): its lock is then held for two round
   * trips, not for the rest of the handler.
   * A UserError thrown by the step rolls everything back and becomes the toast, as from run.
   */
  last(step: (tx: Tx) => Promise<void>): void;
  /**
   * The one write of the click to a row every click of a branch contends for (a fund's balance),
   * as its store statement not yet run (`ctx.store.aidFund.withdrawal(…)`). The router runs it in
   * the statement that writes the handler's messages and audit lines, the hot row first, and
   * commits (on a plain-pg transaction, in the same round trip): the row is locked for that
   * statement and the commit only. A write that changed no row refuses the click: everything is
   * rolled back, and `check` is called with 0 and must throw the UserError that says why (it
   * becomes the toast, as from run); on a plain-pg transaction its reads run after the rollback.
   */
  lastWrite(write: HotWrite, check: (changed: number) => Promise<void>): void;
  /**
   * Runs a command for the clicker as if they had typed it (a button of the suggestion or help
   * card): the router checks the role, answers a private-only command in the private chat and
   * anything else in the card's chat, and turns the command's UserError into that answer.
   */
  runCommand(name: string, args: string, where: { group: boolean }): Promise<ActionResult>;
}

/** A card action: the button value carries `a: id`; `value` and `form` are checked by zod. */
export interface CardAction<V = unknown, F = unknown> {
  id: string;
  value: z.ZodType<V>;
  form?: z.ZodType<F>;
  /**
   * True when the click must not be stored as sent (an anonymous suggestion): the inbox row then
   * keeps only its dedupe key, with no operator, no value and no form text. Read from the raw
   * callback, before it is parsed.
   */
  redact?(value: unknown, form: Record<string, unknown> | undefined): boolean;
  /**
   * True when every statement the action can run, on every path, is plain SQL (no Prisma model
   * call): the router then runs its transaction on a plain pg connection (src/store/plain-tx.ts),
   * which costs less CPU per statement. For the hot clicks (an approval); a model call on that
   * transaction throws.
   */
  plainSql?: boolean;
  run(ctx: ActionContext, input: { value: V; form: F }): Promise<ActionResult>;
}

export function defineAction<V, F = undefined>(a: CardAction<V, F>): CardAction<V, F> {
  return a;
}

export type { NewOutgoing };

/** The handler's today: the calendar day it is now in the configured zone. */
export function todayOf(ctx: Pick<BaseContext, "clock" | "config">): Day {
  return dayIn(ctx.clock.now(), ctx.config.timezone);
}
