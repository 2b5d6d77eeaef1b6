// The chat half of the sandbox API: who can act, their chats, the messages in a chat, and the
// three things a person does (say something, open the private chat, click a card). Each goes
// through the in-process Lark double, so it reaches the bot as a real, signed Lark delivery.
import express from "express";
import { z } from "zod";
import type { MovableClock } from "../clock.ts";
import { DoubleError, type LarkDouble, type SentMessage } from "../double/index.ts";
import { clickInput, openP2pInput, sayInput } from "../double/schemas.ts";
import type { Stores } from "../store/stores.ts";
import type { PageEvents } from "./page-events.ts";
import type { ChatMessage, ChatSummary } from "./page/protocol.ts";
import { peopleOnPage } from "./people.ts";

export interface ChatDeps {
  double: LarkDouble;
  clock: MovableClock;
  store: Pick<Stores, "people">;
  events: PageEvents;
}

const USER_LOG_LIMIT = 5000;

/** What the page lets a person type: the double's say, with something said and within a chat message's size. */
const sayBody = sayInput.pick({ from: true, chatId: true }).extend({ text: z.string().min(1).max(4000) });

/** How a delivery to the bot went, for the page: the status and, when refused, why. */
function deliveryOf(outcome: { status?: number; error?: string; body?: unknown; skipped?: string }): { status: number; skipped?: string; error?: string } {
  if (outcome.skipped) return { status: 0, skipped: outcome.skipped };
  const status = outcome.status ?? 0;
  if (status === 200) return { status };
  const why = outcome.error ?? (outcome.body === undefined || outcome.body === "" ? undefined : JSON.stringify(outcome.body).slice(0, 200));
  return { status, ...(why ? { error: `${status} ${why}` } : {}) };
}

export function chatRoutes(r: express.Router, deps: ChatDeps): void {
  const { double, clock, events } = deps;
  // What people said through the page. The double keeps users' messages privately; the page
  // needs them to show both sides of a chat.
  const said: ChatMessage[] = [];
  const nameOf = (openId: string) => double.users().find((u) => u.open_id === openId)?.name ?? openId;
  const fromBot = (m: SentMessage): ChatMessage => ({
    id: m.message_id,
    chatId: m.chat_id,
    chatType: m.chat_type === "group" ? "group" : "p2p",
    sender: "bot",
    senderName: double.botName,
    msgType: m.msg_type,
    content: m.msg_type === "file" ? withFileName(m.content) : m.content,
    createTime: m.create_time,
    updateTime: m.update_time,
    ...(m.parent_id ? { parentId: m.parent_id } : {}),
  });
  // The bot sends a file by its key alone; Lark's chat shows the name it was uploaded with, so the page does too.
  const withFileName = (content: unknown): unknown => {
    const key = (content as { file_key?: unknown } | null)?.file_key;
    const name = typeof key === "string" ? double.resource(key)?.fileName : undefined;
    return name ? { ...(content as object), file_name: name } : content;
  };
  double.on("sent", (m) => events.broadcast("message", fromBot(m)));
  double.on("patched", (m) => events.broadcast("message", fromBot(m)));

  r.get("/api/people", async (_req, res) => void res.json(await peopleOnPage(deps.store, double)));

  r.get("/api/chats", (req, res) => {
    const as = z.string().min(1).parse(req.query.as);
    const user = double.users().find((u) => u.open_id === as);
    if (!user) throw new DoubleError(404, `unknown user ${as}`);
    const chats: ChatSummary[] = [
      { chatId: `oc_p2p_${user.open_id}`, type: "p2p", name: double.botName, members: 1 },
      ...double
        .chats()
        .filter((c) => c.chat_type === "group" && c.members.includes(user.open_id))
        .map((c) => ({ chatId: c.chat_id, type: "group" as const, name: c.name, members: c.members.length, botIsMember: c.bot_is_member })),
    ];
    res.json(chats);
  });

  r.get("/api/messages", (req, res) => {
    const chatId = z.string().min(1).parse(req.query.chat);
    const bot = double.messages().filter((m) => m.chat_id === chatId).map(fromBot);
    const users = said.filter((m) => m.chatId === chatId);
    res.json([...bot, ...users].sort((a, b) => a.createTime - b.createTime));
  });

  r.post("/api/say", async (req, res) => {
    const body = sayBody.parse(req.body);
    const outcome = await double.say({ from: body.from, text: body.text, ...(body.chatId ? { chatId: body.chatId } : {}) });
    const group = outcome.chatId !== `oc_p2p_${body.from}`;
    const msg: ChatMessage = {
      id: outcome.messageId,
      chatId: outcome.chatId,
      chatType: group ? "group" : "p2p",
      sender: body.from,
      senderName: nameOf(body.from),
      msgType: "text",
      content: { text: group ? `@${double.botName} ${body.text}` : body.text },
      createTime: clock.now().getTime(),
      updateTime: clock.now().getTime(),
    };
    said.push(msg);
    if (said.length > USER_LOG_LIMIT) said.splice(0, said.length - USER_LOG_LIMIT);
    events.broadcast("message", msg);
    res.json({ message: msg, delivery: deliveryOf(outcome) });
  });

  // A picture or file from the composer: the bytes as the body (not JSON, which the page's 1 MB
  // JSON limit would refuse), who and where in the query. Sent through the double like a phone would.
  const fileQuery = z.object({ from: z.string().min(1), chatId: z.string().min(1).optional(), name: z.string().min(1).max(255) });
  r.post("/api/send-file", express.raw({ type: () => true, limit: "31mb" }), async (req, res) => {
    const q = fileQuery.parse(req.query);
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const type = /\.(png|jpe?g|gif|webp)$/i.test(q.name) ? "image" : "file";
    const outcome = await double.sendFile({ from: q.from, type, fileName: q.name, data: bytes.toString("base64"), ...(q.chatId ? { chatId: q.chatId } : {}) });
    const msg: ChatMessage = {
      id: outcome.messageId,
      chatId: outcome.chatId,
      chatType: outcome.chatId !== `oc_p2p_${q.from}` ? "group" : "p2p",
      sender: q.from,
      senderName: nameOf(q.from),
      msgType: type,
      content: type === "image" ? { image_key: outcome.fileKey } : { file_key: outcome.fileKey, file_name: q.name },
      createTime: clock.now().getTime(),
      updateTime: clock.now().getTime(),
    };
    said.push(msg);
    if (said.length > USER_LOG_LIMIT) said.splice(0, said.length - USER_LOG_LIMIT);
    events.broadcast("message", msg);
    res.json({ message: msg, delivery: deliveryOf(outcome) });
  });

  r.get("/api/resource/:key", (req, res) => {
    const found = double.resource(req.params.key);
    if (!found) throw new DoubleError(404, `no picture or file ${req.params.key}`);
    res.setHeader("content-type", found.contentType);
    res.setHeader("cache-control", "private, max-age=3600");
    res.send(found.bytes);
  });

  r.post("/api/open-p2p", async (req, res) => {
    const { from } = openP2pInput.parse(req.body);
    res.json(deliveryOf(await double.openP2p({ from })));
  });

  r.post("/api/click", async (req, res) => {
    const outcome = await double.click(clickInput.parse(req.body));
    res.json({
      status: outcome.status,
      ...(outcome.error ? { error: outcome.error } : {}),
      toast: outcome.toast,
      card: outcome.card,
      cardUpdated: outcome.cardUpdated,
      ...(outcome.cardError ? { cardError: outcome.cardError } : {}),
    });
  });

  r.get("/api/stream", events.stream);
}
