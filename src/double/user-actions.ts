// What people do in Lark, turned into the deliveries Lark makes to the bot: a message, opening
// the bot chat, a menu tap, a card click. Each returns the bot's HTTP answer; a card click also
// applies the card the bot answers with, as Lark does.
import { validateCardUpdate } from "./cards.ts";
import { buildUnsignedRequest, deliver, postRequest, type DeliveryResult, type SignOptions } from "./deliver.ts";
import {
  buildEnvelope,
  cardActionEvent,
  menuEvent,
  messageReceiveEvent,
  p2pEnteredEvent,
  urlVerification,
  type EnvelopeContext,
  type Mention,
} from "./events.ts";
import { hexId, newMessageId } from "./ids.ts";
import { LarkApiError } from "./lark-errors.ts";
import type { LongConnectionHub } from "./long-connection.ts";
import { updateCard } from "./message-apis.ts";
import type { ClickInput, MenuInput, OpenP2pInput, SayInput } from "./schemas.ts";
import { DoubleError } from "./schemas.ts";
import type { DoubleStore } from "./store.ts";
import type { SendEvent } from "./types.ts";

export interface ActionContext extends EnvelopeContext {
  encryptKey: string;
  botOpenId: string;
  botName: string;
  store: DoubleStore;
  deliveryTimeoutMs: number;
  urls: () => { events?: string | undefined; cards?: string | undefined };
  emit: (e: SendEvent) => void;
  longConnection?: LongConnectionHub;
}

export type Target = "events" | "cards";

export interface DeliveryOutcome extends DeliveryResult {
  eventId: string;
  url: string;
}
/** A group message without an @ of the bot is not delivered (Lark only pushes @-mentions). */
export type SayOutcome = (DeliveryOutcome | { skipped: string; eventId?: undefined }) & { messageId: string; chatId: string };
export interface ClickOutcome extends DeliveryOutcome {
  toast?: unknown;
  /** The stored card after the click (replaced when the bot answered with a raw card). */
  card: unknown;
  cardUpdated: boolean;
  /** Why the card the bot answered with was refused (Lark shows the user an error instead). */
  cardError?: string;
}
export interface VerifyOutcome extends DeliveryResult {
  url: string;
  challenge: string;
  /** True when the bot echoed the challenge as Lark requires. */
  ok: boolean;
}

function urlFor(ctx: ActionContext, target: Target): string {
  const urls = ctx.urls();
  const url = target === "cards" ? (urls.cards ?? urls.events) : urls.events;
  if (!url) throw new DoubleError(409, "no bot URL: pass botEventsUrl to startLarkDouble or call setBotUrls");
  return url;
}

async function post(ctx: ActionContext, target: Target, envelope: { header: { event_id: string } }): Promise<DeliveryOutcome> {
  if (ctx.longConnection?.inUse) {
    // An app on the long connection gets nothing by webhook, also while its client reconnects.
    ctx.store.deliveries.set(envelope.header.event_id, { event_id: envelope.header.event_id, target, envelope });
    return { ...(await ctx.longConnection.deliver(envelope)), eventId: envelope.header.event_id };
  }
  const url = urlFor(ctx, target);
  ctx.store.deliveries.set(envelope.header.event_id, { event_id: envelope.header.event_id, target, envelope });
  const result = await deliver(url, envelope, { encryptKey: ctx.encryptKey, now: ctx.now, timeoutMs: ctx.deliveryTimeoutMs });
  return { ...result, eventId: envelope.header.event_id, url };
}

/** Where a person sends: their p2p chat with the bot, or a group they are in. */
export interface SendFrom {
  from: string;
  chatId?: string | undefined;
  chatType?: "p2p" | "group" | undefined;
  mentionBot?: boolean | undefined;
  messageId?: string | undefined;
}

/**
 * A message a person sends, of any type: kept (the bot may reply to it, GET it, or download its
 * resources) and delivered as im.message.receive_v1 when Lark would deliver it. `build` writes
 * the content, told the @-mention of the bot when there is one.
 */
export async function sendAsUser(
  ctx: ActionContext,
  input: SendFrom,
  msgType: string,
  build: (botMention: Mention | undefined) => string,
  opts: { canMention: boolean } = { canMention: true },
): Promise<SayOutcome> {
  const user = ctx.store.requireUser(input.from);
  const chat = input.chatId ? ctx.store.findChat(input.chatId) : ctx.store.p2pChat(user.open_id);
  if (!chat) throw new DoubleError(404, `unknown chat ${input.chatId}: add it first (addChat / POST /_double/chats)`);
  if (!input.chatId && input.chatType === "group") throw new DoubleError(400, "a group message needs chatId");
  if (input.chatType && input.chatType !== chat.chat_type) throw new DoubleError(400, `chat ${chat.chat_id} is a ${chat.chat_type} chat`);
  if (chat.chat_type === "p2p" && chat.members[0] !== user.open_id) throw new DoubleError(400, `${chat.chat_id} is another user's p2p chat`);
  if (chat.chat_type === "group" && !chat.members.includes(user.open_id)) throw new DoubleError(400, `${user.open_id} is not a member of ${chat.chat_id}`);

  // An image, a file or a sticker cannot carry an @-mention; text and rich text can.
  const mentionBot = opts.canMention && (input.mentionBot ?? chat.chat_type === "group");
  const mention: Mention | undefined = mentionBot
    ? { key: "@_user_1", id: { open_id: ctx.botOpenId, union_id: "", user_id: "" }, name: ctx.botName, tenant_key: ctx.tenantKey }
    : undefined;
  const messageId = input.messageId ?? newMessageId();
  const createTime = ctx.now();
  const content = build(mention);
  ctx.store.inbound.set(messageId, {
    message_id: messageId,
    chat_id: chat.chat_id,
    chat_type: chat.chat_type,
    sender_open_id: user.open_id,
    msg_type: msgType,
    content,
    create_time: createTime,
  });
  if (chat.chat_type === "group" && !mentionBot) return { skipped: "group message without @bot: Lark does not deliver it", messageId, chatId: chat.chat_id };
  if (!chat.bot_is_member) return { skipped: "the bot is not in this chat", messageId, chatId: chat.chat_id };

  const event = messageReceiveEvent(ctx, { sender: user, messageId, chatId: chat.chat_id, chatType: chat.chat_type, msgType, content, mentions: mention ? [mention] : [], createTime });
  const outcome = await post(ctx, "events", buildEnvelope(ctx, "im.message.receive_v1", event));
  return { ...outcome, messageId, chatId: chat.chat_id };
}

export async function say(ctx: ActionContext, input: SayInput): Promise<SayOutcome> {
  return sendAsUser(ctx, input, "text", (mention) => JSON.stringify({ text: mention ? `${mention.key} ${input.text}` : input.text }));
}

export async function openP2p(ctx: ActionContext, input: OpenP2pInput): Promise<DeliveryOutcome> {
  const user = ctx.store.requireUser(input.from);
  const chatId = ctx.store.p2pChat(user.open_id).chat_id;
  const last = [...ctx.store.messages.values(), ...ctx.store.inbound.values()]
    .filter((m) => m.chat_id === chatId)
    .sort((a, b) => a.create_time - b.create_time)
    .at(-1);
  const event = p2pEnteredEvent({ user, chatId, ...(last ? { lastMessageId: last.message_id, lastMessageTime: last.create_time } : {}) });
  return post(ctx, "events", buildEnvelope(ctx, "im.chat.access_event.bot_p2p_chat_entered_v1", event));
}

export async function clickMenu(ctx: ActionContext, input: MenuInput): Promise<DeliveryOutcome> {
  const user = ctx.store.requireUser(input.from);
  return post(ctx, "events", buildEnvelope(ctx, "application.bot.menu_v6", menuEvent(ctx, { user, eventKey: input.eventKey })));
}

export async function click(ctx: ActionContext, input: ClickInput): Promise<ClickOutcome> {
  const user = ctx.store.requireUser(input.from);
  const msg = ctx.store.messages.get(input.messageId);
  if (!msg) throw new DoubleError(404, `the bot sent no message ${input.messageId}`);
  if (msg.msg_type !== "interactive") throw new DoubleError(400, `${input.messageId} is a ${msg.msg_type} message, not a card`);
  const chat = ctx.store.findChat(msg.chat_id);
  if (!chat?.members.includes(user.open_id)) throw new DoubleError(400, `${user.open_id} cannot see ${input.messageId} (not in ${msg.chat_id})`);

  const action = {
    tag: input.tag ?? "button",
    value: input.value ?? {},
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.formValue !== undefined ? { form_value: input.formValue } : {}),
    ...(input.option !== undefined ? { option: input.option } : {}),
    ...(input.inputValue !== undefined ? { input_value: input.inputValue } : {}),
  };
  const event = cardActionEvent(ctx, { user, token: `c-${hexId(20)}`, messageId: msg.message_id, chatId: msg.chat_id, action });
  const outcome = await post(ctx, "cards", buildEnvelope(ctx, "card.action.trigger", event));

  const answer = outcome.status === 200 && isObject(outcome.body) ? outcome.body : {};
  let cardUpdated = false;
  let cardError: string | undefined;
  const card = answer.card;
  if (isObject(card)) {
    const next =
      card.type === "raw" && isObject(card.data)
        ? JSON.stringify(card.data)
        : card.type === "template" && isObject(card.data)
          ? JSON.stringify({ type: "template", data: card.data })
          : undefined;
    if (!next) cardError = 'card must be {"type":"raw","data":{...}} or {"type":"template","data":{...}}';
    else {
      try {
        validateCardUpdate(msg.content, next, false);
        updateCard(ctx, msg, next, "callback");
        cardUpdated = true;
      } catch (err) {
        if (!(err instanceof LarkApiError)) throw err;
        cardError = `${err.code} ${err.message}`;
      }
    }
  }
  return {
    ...outcome,
    ...(answer.toast !== undefined ? { toast: answer.toast } : {}),
    card: JSON.parse(msg.content) as unknown,
    cardUpdated,
    ...(cardError ? { cardError } : {}),
  };
}

/** Sends an earlier delivery again, same event_id, freshly signed: Lark's retry. */
export async function redeliver(ctx: ActionContext, eventId: string): Promise<DeliveryOutcome> {
  const earlier = ctx.store.deliveries.get(eventId);
  if (!earlier) throw new DoubleError(404, `no delivery with event_id ${eventId}`);
  return post(ctx, earlier.target, earlier.envelope as { header: { event_id: string } });
}

/**
 * The console's "save request URL" check: unsigned (no signature, timestamp or nonce headers),
 * encrypted when the app has an Encrypt Key, and the bot must echo the challenge within 1 s.
 * A signed challenge, which Lark never sends, can still be posted with deliverEnvelope.
 */
export async function verifyUrl(ctx: ActionContext, target: Target = "events"): Promise<VerifyOutcome> {
  const url = urlFor(ctx, target);
  const challenge = hexId(16);
  const result = await postRequest(url, buildUnsignedRequest(urlVerification(ctx, challenge), ctx.encryptKey), 1000);
  const ok = result.status === 200 && isObject(result.body) && result.body.challenge === challenge;
  return { ...result, url, challenge, ok };
}

export interface RawDeliveryOptions extends Partial<SignOptions> {
  target?: Target;
  /** Overrides the bot URL for this one delivery. */
  url?: string;
}

/** Posts any envelope (e.g. one with a wrong token) the way Lark would, with overridable signing. */
export async function deliverEnvelope(ctx: ActionContext, envelope: unknown, opts: RawDeliveryOptions = {}): Promise<DeliveryResult> {
  const { target = "events", url = urlFor(ctx, target), ...sign } = opts;
  return deliver(url, envelope, { encryptKey: ctx.encryptKey, now: ctx.now, timeoutMs: ctx.deliveryTimeoutMs, ...sign });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
