// The double's records. Field names follow Lark's wire names (snake_case) where the record is
// something Lark itself would show, so a test can compare them with what the bot sees.
import type { LongConnectionOptions } from "./long-connection.ts";

export interface DoubleUser {
  open_id: string;
  union_id: string;
  user_id: string;
  name: string;
  mobile?: string;
  email?: string;
  /** Resigned users are found by batch_get_id only with include_resigned. */
  resigned: boolean;
}

export interface DoubleChat {
  chat_id: string;
  name: string;
  chat_type: "p2p" | "group";
  members: string[];
  /** False simulates a group the bot was removed from: sends answer 230002. */
  bot_is_member: boolean;
}

export interface CardRevision {
  at: number;
  via: "create" | "patch" | "callback";
  content: string;
}

/** A message the bot sent (create or reply). `content` is the current raw JSON string. */
export interface StoredMessage {
  message_id: string;
  chat_id: string;
  chat_type: "p2p" | "group";
  receive_id: string;
  receive_id_type: string;
  msg_type: string;
  content: string;
  uuid?: string;
  parent_id?: string;
  root_id?: string;
  /** The user on the other side of a p2p chat. */
  recipient_open_id?: string;
  create_time: number;
  update_time: number;
  history: CardRevision[];
}

/** A message a user "said" through the double: the bot may reply to it or GET it. */
export interface InboundMessage {
  message_id: string;
  chat_id: string;
  chat_type: "p2p" | "group";
  sender_open_id: string;
  msg_type: string;
  content: string;
  create_time: number;
}

/** What `messages()` returns: a StoredMessage with its content parsed. */
export interface SentMessage {
  message_id: string;
  chat_id: string;
  chat_type: "p2p" | "group";
  receive_id: string;
  receive_id_type: string;
  msg_type: string;
  /** Parsed current content; for cards, the card after every patch and callback update. */
  content: unknown;
  uuid?: string;
  parent_id?: string;
  recipient_open_id?: string;
  /** Updates after creation (PATCH calls plus cards returned by callbacks). */
  patches: number;
  history: CardRevision[];
  create_time: number;
  update_time: number;
}

export interface QuotaOptions {
  appPerSec?: number;
  appPerMin?: number;
  perTargetPerSec?: number;
  /** Card updates per message per second (Lark: 5). */
  perMessagePatchPerSec?: number;
  /** Length of the app's and a receiver's "per second" windows in ms (default 1000): a Lark whose windows differ from the bot's. */
  secondWindowMs?: number;
}

export interface LarkDoubleOptions {
  port?: number;
  host?: string;
  appId: string;
  appSecret: string;
  encryptKey: string;
  verificationToken: string;
  botEventsUrl?: string;
  botCardsUrl?: string;
  quotas?: QuotaOptions;
  now?: () => number;
  botOpenId?: string;
  botName?: string;
  tenantKey?: string;
  /** Scopes granted to the app; default: every scope in src/lark/scopes.ts. */
  scopes?: readonly string[];
  /** Lark's bot.activate_status; default 2 (启用). Any other value disables the bot's IM APIs. */
  botActivateStatus?: number;
  /** How long a delivery waits for the bot. Lark gives up after 3 s. */
  deliveryTimeoutMs?: number;
  /** The long connection's client settings, part size and limits (docs/lark-double.md). */
  longConnection?: LongConnectionOptions;
}

export type SendEvent = { kind: "sent" | "patched"; message: SentMessage };
