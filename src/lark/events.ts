// Lark payloads at the edge: zod schemas for the envelopes we accept, normalised into the
// few shapes the router understands. Anything else is acknowledged and ignored.
import { z } from "zod";
import { storableFields, storableJson, storableText } from "./storable.ts";

const header = z.object({
  event_id: z.string().min(1),
  event_type: z.string().min(1),
  create_time: z.string().optional(),
  token: z.string().optional(),
  app_id: z.string().optional(),
  tenant_key: z.string().optional(),
});

export const envelopeSchema = z.object({ schema: z.literal("2.0"), header, event: z.record(z.string(), z.unknown()) });
export const challengeSchema = z.object({ type: z.literal("url_verification"), challenge: z.string(), token: z.string().optional() });

const userId = z.object({ open_id: z.string().min(1), union_id: z.string().optional(), user_id: z.string().optional() });

const messageEvent = z.object({
  sender: z.object({ sender_id: userId, sender_type: z.string().optional() }),
  message: z.object({
    message_id: z.string().min(1),
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    mentions: z.array(z.object({ key: z.string(), id: z.object({ open_id: z.string().optional() }).partial(), name: z.string().optional() })).optional(),
  }),
});

const p2pEntered = z.object({ operator_id: userId });
const menuEvent = z.object({ operator: z.object({ operator_id: userId }), event_key: z.string().min(1) });

const cardEvent = z.object({
  operator: z.object({ open_id: z.string().min(1) }).loose(),
  token: z.string().optional(),
  action: z.object({
    tag: z.string().optional(),
    value: z.unknown().optional(),
    name: z.string().optional(),
    form_value: z.record(z.string(), z.unknown()).optional(),
    option: z.string().optional(),
    input_value: z.string().optional(),
    timezone: z.string().optional(),
  }),
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).optional(),
});

/** What a message is, as far as the bot answers it: rich text (post) is read as its plain text. */
export type MessageKind = "text" | "image" | "file" | "sticker" | "audio" | "media" | "other";
/** A picture or file in a message, downloadable through it (GET …/messages/:id/resources/:key?type=). */
export type InboundResource = { type: "image" | "file"; key: string; fileName: string | null };

export type InboundMessage = {
  kind: "message";
  key: string;
  eventId: string;
  messageId: string;
  chatId: string;
  chatType: "p2p" | "group";
  openId: string;
  /** The text with @-mention placeholders removed (a post's plain text); empty for other messages. */
  text: string;
  mentionsBot: boolean;
  /** Absent on rows stored before pictures were read: those were text. */
  messageKind?: MessageKind;
  /** The pictures and files it carries (an image, a file, pictures inside rich text). */
  resources?: InboundResource[];
};
/**
 * Not from Lark: the attachment worker's word that a member's picture or file was checked (kept
 * or refused). Written to the inbox like an event, so the answer to the member and the redrawn
 * approval cards are staged once, by the router, as any handler's are.
 */
export type InboundAttachmentChecked = {
  kind: "attachment_checked";
  key: string;
  eventId: string;
  openId: string;
  attachmentId: number;
  /** Why it was refused, in both languages (the row keeps the Chinese). */
  refusal?: { zh: string; en: string };
};
export type InboundP2pEntered = { kind: "p2p_entered"; key: string; eventId: string; openId: string };
export type InboundMenu = { kind: "menu"; key: string; eventId: string; openId: string; eventKey: string };
export type InboundCardAction = {
  kind: "card_action";
  key: string;
  eventId: string;
  openId: string;
  messageId: string | undefined;
  chatId: string | undefined;
  value: unknown;
  formValue: Record<string, unknown> | undefined;
  name: string | undefined;
  /** Set when the callback cannot be handled as sent: the router answers it with a toast. */
  refusal?: "nested_too_deep";
};
/** What the event worker processes (card actions are answered synchronously instead). */
export type InboundEvent = InboundMessage | InboundP2pEntered | InboundMenu | InboundAttachmentChecked;

export const MESSAGE_EVENT = "im.message.receive_v1";
export const P2P_ENTERED_EVENT = "im.chat.access_event.bot_p2p_chat_entered_v1";
export const MENU_EVENT = "application.bot.menu_v6";
export const CARD_ACTION_EVENT = "card.action.trigger";

type PostNode = { tag?: unknown; text?: unknown; user_name?: unknown; user_id?: unknown; image_key?: unknown; href?: unknown };

/**
 * A message's text and resources. Rich text (post) becomes its plain text, so a command pasted
 * with formatting still reads as one: text and links as written, an @ as its placeholder (removed
 * with the others), paragraphs joined by a space; its pictures are resources. Lark delivers a
 * post's content without the locale level it takes on sending; both shapes are read.
 */
function readContent(messageType: string, content: string): { kind: MessageKind; text: string; resources: InboundResource[] } {
  let body: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(content) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: nothing to read.
  }
  // Nested strings too are made storable here (storableFields sees only the top level).
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? storableText(v) : null);
  switch (messageType) {
    case "text":
      return { kind: "text", text: str(body.text) ?? "", resources: [] };
    case "image": {
      const key = str(body.image_key);
      return { kind: "image", text: "", resources: key ? [{ type: "image", key, fileName: null }] : [] };
    }
    case "file": {
      const key = str(body.file_key);
      return { kind: "file", text: "", resources: key ? [{ type: "file", key, fileName: str(body.file_name) }] : [] };
    }
    case "post": {
      const post = Array.isArray(body.content) ? body : (Object.values(body).find((v) => v && typeof v === "object" && Array.isArray((v as { content?: unknown }).content)) as Record<string, unknown> | undefined) ?? {};
      const lines: string[] = [];
      const resources: InboundResource[] = [];
      for (const para of Array.isArray(post.content) ? post.content : []) {
        if (!Array.isArray(para)) continue;
        const words: string[] = [];
        for (const node of para as PostNode[]) {
          if (node?.tag === "text" || node?.tag === "a" || node?.tag === "code_block") words.push(str(node.text) ?? "");
          else if (node?.tag === "at") words.push(str(node.user_id) ?? "");
          else if (node?.tag === "img" && str(node.image_key)) resources.push({ type: "image", key: node.image_key as string, fileName: null });
        }
        lines.push(words.join(""));
      }
      return { kind: "text", text: lines.join(" "), resources };
    }
    case "sticker":
    case "audio":
    case "media":
      return { kind: messageType, text: "", resources: [] };
    default:
      return { kind: "other", text: "", resources: [] };
  }
}

/**
 * The event the router will process, or null for events it does not handle. Its strings are
 * made storable here (storable.ts), at the edge, so neither the inbox nor any handler's rows
 * ever meet a NUL or a lone surrogate.
 */
export function normaliseEvent(env: z.infer<typeof envelopeSchema>, botOpenId: string | undefined): InboundEvent | null {
  const event = readEvent(env, botOpenId);
  return event && storableFields(event);
}

function readEvent(env: z.infer<typeof envelopeSchema>, botOpenId: string | undefined): InboundEvent | null {
  const { event_id: eventId, event_type: type } = env.header;
  if (type === MESSAGE_EVENT) {
    const e = messageEvent.safeParse(env.event);
    if (!e.success) return null;
    const m = e.data.message;
    const mentions = m.mentions ?? [];
    const mentionsBot = mentions.some((x) => (botOpenId ? x.id.open_id === botOpenId : false));
    const read = readContent(m.message_type, m.content);
    const text = read.text.replace(/@_user_\d+/g, " ").replace(/\s+/g, " ").trim();
    return {
      kind: "message",
      key: `msg:${m.message_id}`,
      eventId,
      messageId: m.message_id,
      chatId: m.chat_id,
      chatType: m.chat_type === "p2p" ? "p2p" : "group",
      openId: e.data.sender.sender_id.open_id,
      text,
      mentionsBot,
      messageKind: read.kind,
      resources: read.resources,
    };
  }
  if (type === P2P_ENTERED_EVENT) {
    const e = p2pEntered.safeParse(env.event);
    return e.success ? { kind: "p2p_entered", key: `evt:${eventId}`, eventId, openId: e.data.operator_id.open_id } : null;
  }
  if (type === MENU_EVENT) {
    const e = menuEvent.safeParse(env.event);
    return e.success
      ? { kind: "menu", key: `evt:${eventId}`, eventId, openId: e.data.operator.operator_id.open_id, eventKey: e.data.event_key }
      : null;
  }
  return null;
}

export function normaliseCardAction(env: z.infer<typeof envelopeSchema>): InboundCardAction | null {
  if (env.header.event_type !== CARD_ACTION_EVENT) return null;
  const e = cardEvent.safeParse(env.event);
  if (!e.success) return null;
  // Values and form values come back as the card had them, and a form as a person typed it.
  const value = storableJson(e.data.action.value);
  const formValue = storableJson(e.data.action.form_value);
  const action: InboundCardAction = storableFields({
    kind: "card_action",
    key: `evt:${env.header.event_id}`,
    eventId: env.header.event_id,
    openId: e.data.operator.open_id,
    messageId: e.data.context?.open_message_id,
    chatId: e.data.context?.open_chat_id,
    value: value?.value,
    formValue: formValue?.value as Record<string, unknown> | undefined,
    name: e.data.action.name,
  });
  return value && formValue ? action : { ...action, refusal: "nested_too_deep" };
}
