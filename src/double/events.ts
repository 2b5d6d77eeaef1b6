// The event envelopes Lark sends (schema 2.0), built from the double's users and messages.
// Field sets follow Lark's documented payloads so the bot parses what production will send.
import { newEventId } from "./ids.ts";
import type { DoubleUser } from "./types.ts";

export interface EnvelopeContext {
  appId: string;
  tenantKey: string;
  verificationToken: string;
  now: () => number;
}

export interface Envelope {
  schema: "2.0";
  header: {
    event_id: string;
    event_type: string;
    create_time: string;
    token: string;
    app_id: string;
    tenant_key: string;
  };
  event: Record<string, unknown>;
}

export function buildEnvelope(ctx: EnvelopeContext, eventType: string, event: Record<string, unknown>, eventId = newEventId()): Envelope {
  return {
    schema: "2.0",
    header: {
      event_id: eventId,
      event_type: eventType,
      create_time: String(ctx.now()),
      token: ctx.verificationToken,
      app_id: ctx.appId,
      tenant_key: ctx.tenantKey,
    },
    event,
  };
}

const userIds = (u: DoubleUser) => ({ union_id: u.union_id, user_id: u.user_id, open_id: u.open_id });

export interface Mention {
  key: string;
  id: { open_id: string; union_id: string; user_id: string };
  name: string;
  tenant_key: string;
}

export function messageReceiveEvent(
  ctx: EnvelopeContext,
  p: {
    sender: DoubleUser;
    messageId: string;
    chatId: string;
    chatType: "p2p" | "group";
    /** A text message's text, or (msgType and content) any other message as Lark words it. */
    text?: string;
    msgType?: string;
    content?: string;
    mentions: Mention[];
    createTime: number;
  },
): Record<string, unknown> {
  return {
    sender: { sender_id: userIds(p.sender), sender_type: "user", tenant_key: ctx.tenantKey },
    message: {
      message_id: p.messageId,
      create_time: String(p.createTime),
      update_time: String(p.createTime),
      chat_id: p.chatId,
      chat_type: p.chatType,
      message_type: p.msgType ?? "text",
      content: p.content ?? JSON.stringify({ text: p.text ?? "" }),
      ...(p.mentions.length > 0 ? { mentions: p.mentions } : {}),
    },
  };
}

export function p2pEnteredEvent(p: { user: DoubleUser; chatId: string; lastMessageId?: string; lastMessageTime?: number }): Record<string, unknown> {
  return {
    chat_id: p.chatId,
    operator_id: userIds(p.user),
    ...(p.lastMessageId ? { last_message_id: p.lastMessageId, last_message_create_time: String(p.lastMessageTime) } : {}),
  };
}

export function menuEvent(ctx: EnvelopeContext, p: { user: DoubleUser; eventKey: string }): Record<string, unknown> {
  return {
    operator: { operator_name: p.user.name, operator_id: userIds(p.user) },
    event_key: p.eventKey,
    timestamp: Math.floor(ctx.now() / 1000),
  };
}

export function cardActionEvent(
  ctx: EnvelopeContext,
  p: {
    user: DoubleUser;
    token: string;
    messageId: string;
    chatId: string;
    action: { tag: string; value?: unknown; name?: string; form_value?: unknown; option?: string; input_value?: string };
  },
): Record<string, unknown> {
  return {
    operator: { tenant_key: ctx.tenantKey, ...userIds(p.user) },
    token: p.token,
    action: { ...p.action, timezone: "Asia/Shanghai" },
    host: "im_message",
    context: { open_message_id: p.messageId, open_chat_id: p.chatId },
  };
}

/** Lark's URL check when a request URL is saved in the developer console (not an envelope). */
export function urlVerification(ctx: EnvelopeContext, challenge: string): Record<string, unknown> {
  return { challenge, token: ctx.verificationToken, type: "url_verification" };
}
