// The message endpoints: send (POST /im/v1/messages), reply, update a card (PATCH), read one
// message. Each applies Lark's quota before doing anything, de-duplicates on `uuid`, checks the
// content as Lark does (cards.ts), then stores the message and announces it.
import type express from "express";
import { z } from "zod";
import { inboundItem, messageItem, ok, parseBody } from "./api-shapes.ts";
import { validateCardUpdate, validateContent } from "./cards.ts";
import { newMessageId } from "./ids.ts";
import { checkSendableKeys } from "./resources.ts";
import { larkErrors } from "./lark-errors.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import { viewOf } from "./store.ts";
import type { DoubleChat, DoubleUser, StoredMessage } from "./types.ts";

const PATCHABLE_FOR_MS = 14 * 24 * 3600_000;
const RECEIVE_ID_TYPES = ["open_id", "user_id", "union_id", "email", "chat_id"] as const;

const sendBody = z.object({
  receive_id: z.string().min(1),
  msg_type: z.string().min(1),
  content: z.string().min(1),
  uuid: z.string().max(50).optional(),
});
const replyBody = sendBody.omit({ receive_id: true }).extend({ reply_in_thread: z.boolean().optional() });
const patchBody = z.object({ content: z.string().min(1) });

export function messageRoutes(r: express.Router, ctx: OpenApiContext): void {
  r.post("/im/v1/messages", (req, res) => {
    const idType = String(req.query.receive_id_type ?? "");
    if (!(RECEIVE_ID_TYPES as readonly string[]).includes(idType)) {
      throw larkErrors.invalidParam(`receive_id_type must be one of ${RECEIVE_ID_TYPES.join("|")}`);
    }
    const body = parseBody(sendBody, req.body);
    const { chat, recipient } = resolveReceiver(ctx, idType, body.receive_id);
    res.json(ok(messageItem(ctx, send(ctx, { chat, recipient, idType, receiveId: body.receive_id, ...body }))));
  });

  r.post("/im/v1/messages/:message_id/reply", (req, res) => {
    const body = parseBody(replyBody, req.body);
    const parent = ctx.store.messages.get(req.params.message_id) ?? ctx.store.inbound.get(req.params.message_id);
    if (!parent) throw larkErrors.messageNotFound(req.params.message_id);
    const chat = ctx.store.findChat(parent.chat_id);
    if (!chat) throw larkErrors.messageNotFound(req.params.message_id);
    if (!chat.bot_is_member) throw larkErrors.botNotInChat();
    const recipient = chat.chat_type === "p2p" ? ctx.store.users.get(chat.members[0]!) : undefined;
    const rootId = ("root_id" in parent && parent.root_id) || parent.message_id;
    const msg = send(ctx, { chat, recipient, idType: "chat_id", receiveId: chat.chat_id, parentId: parent.message_id, rootId, ...body });
    res.json(ok(messageItem(ctx, msg)));
  });

  r.patch("/im/v1/messages/:message_id", (req, res) => {
    const body = parseBody(patchBody, req.body);
    const id = req.params.message_id;
    const msg = ctx.store.messages.get(id);
    if (!msg) {
      if (ctx.store.inbound.has(id)) throw larkErrors.badRequest("only messages the bot sent can be updated");
      throw larkErrors.messageNotFound(id);
    }
    if (msg.msg_type !== "interactive") throw larkErrors.badRequest(`only cards can be updated, this is a ${msg.msg_type} message`);
    if (ctx.now() - msg.create_time > PATCHABLE_FOR_MS) throw larkErrors.badRequest("cards older than 14 days cannot be updated");
    const verdict = ctx.quotas.tryPatch(id);
    if (!verdict.ok) throw larkErrors.frequencyLimit(verdict.resetSeconds);
    validateCardUpdate(msg.content, body.content, true);
    updateCard(ctx, msg, body.content, "patch");
    res.json({ code: 0, msg: "success", data: {} });
  });

  r.get("/im/v1/messages/:message_id", (req, res) => {
    const id = req.params.message_id;
    const sent = ctx.store.messages.get(id);
    const said = ctx.store.inbound.get(id);
    if (!sent && !said) throw larkErrors.messageNotFound(id);
    res.json(ok({ items: [sent ? messageItem(ctx, sent) : inboundItem(ctx, said!)] }));
  });
}

function resolveReceiver(ctx: OpenApiContext, idType: string, id: string): { chat: DoubleChat; recipient: DoubleUser | undefined } {
  if (idType === "chat_id") {
    const chat = ctx.store.findChat(id);
    if (!chat) throw larkErrors.badRequest(`chat ${id} does not exist`);
    if (!chat.bot_is_member) throw larkErrors.botNotInChat();
    return { chat, recipient: chat.chat_type === "p2p" ? ctx.store.users.get(chat.members[0]!) : undefined };
  }
  const user = ctx.store.findUser(idType, id);
  if (!user || user.resigned) throw larkErrors.noAvailability();
  return { chat: ctx.store.p2pChat(user.open_id), recipient: user };
}

interface SendParams {
  chat: DoubleChat;
  recipient: DoubleUser | undefined;
  idType: string;
  receiveId: string;
  msg_type: string;
  content: string;
  uuid?: string | undefined;
  parentId?: string;
  rootId?: string;
}

/** Create or reply: quota, then uuid dedupe, then content checks, then store and announce. */
function send(ctx: OpenApiContext, p: SendParams): StoredMessage {
  const verdict = ctx.quotas.trySend(p.chat.chat_id);
  if (!verdict.ok) throw larkErrors.rateLimited(verdict.resetSeconds);
  const now = ctx.now();
  if (p.uuid) {
    const earlier = ctx.store.uuidHit(p.uuid, now);
    if (earlier) return earlier;
  }
  validateContent(p.msg_type, p.content);
  checkSendableKeys(ctx.store.resources, p.msg_type, p.content);
  const msg: StoredMessage = {
    message_id: newMessageId(),
    chat_id: p.chat.chat_id,
    chat_type: p.chat.chat_type,
    receive_id: p.receiveId,
    receive_id_type: p.idType,
    msg_type: p.msg_type,
    content: p.content,
    ...(p.uuid ? { uuid: p.uuid } : {}),
    ...(p.parentId ? { parent_id: p.parentId, root_id: p.rootId ?? p.parentId } : {}),
    ...(p.recipient ? { recipient_open_id: p.recipient.open_id } : {}),
    create_time: now,
    update_time: now,
    history: [{ at: now, via: "create", content: p.content }],
  };
  ctx.store.saveMessage(msg);
  ctx.emit({ kind: "sent", message: viewOf(msg) });
  return msg;
}

/** Shared by PATCH and by card callbacks that answer with a new card. */
export function updateCard(ctx: Pick<OpenApiContext, "now" | "emit">, msg: StoredMessage, content: string, via: "patch" | "callback"): void {
  const now = ctx.now();
  msg.content = content;
  msg.update_time = now;
  msg.history.push({ at: now, via, content });
  ctx.emit({ kind: "patched", message: viewOf(msg) });
}
