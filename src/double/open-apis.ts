// The Open Platform endpoints the bot calls, answered as Lark answers them (paths, status
// codes, error codes, response shapes), so the real SDK runs against this unchanged.
// Order per request, as on Lark's gateway: injected fault, then token check, then the app's
// scopes and bot ability (scopes.ts), then the API (which applies quotas before doing anything).
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { validateCardUpdate, validateContent } from "./cards.ts";
import type { Faults } from "./faults.ts";
import { hexId, newMessageId } from "./ids.ts";
import { imageRoutes } from "./images.ts";
import { LarkApiError, larkErrors, sendLarkError } from "./lark-errors.ts";
import { listingRoutes } from "./listing-apis.ts";
import type { Quotas } from "./quotas.ts";
import { appGate, type AppSettings } from "./scopes.ts";
import { viewOf, type DoubleStore } from "./store.ts";
import type { TenantTokens } from "./tokens.ts";
import type { DoubleChat, DoubleUser, InboundMessage, SendEvent, StoredMessage } from "./types.ts";

export interface OpenApiContext {
  appId: string;
  appSecret: string;
  botOpenId: string;
  botName: string;
  tenantKey: string;
  store: DoubleStore;
  tokens: TenantTokens;
  quotas: Quotas;
  faults: Faults;
  /** Granted scopes and the bot's activate_status: set through configureApp / POST /_double/app. */
  app: AppSettings;
  now: () => number;
  emit: (e: SendEvent) => void;
}

const PATCHABLE_FOR_MS = 14 * 24 * 3600_000;
const RECEIVE_ID_TYPES = ["open_id", "user_id", "union_id", "email", "chat_id"] as const;

const tokenBody = z.object({ app_id: z.string().min(1), app_secret: z.string().min(1) });
const sendBody = z.object({
  receive_id: z.string().min(1),
  msg_type: z.string().min(1),
  content: z.string().min(1),
  uuid: z.string().max(50).optional(),
});
const replyBody = sendBody.omit({ receive_id: true }).extend({ reply_in_thread: z.boolean().optional() });
const patchBody = z.object({ content: z.string().min(1) });
const batchGetIdBody = z.object({
  emails: z.array(z.string()).max(50).optional(),
  mobiles: z.array(z.string()).max(50).optional(),
  include_resigned: z.boolean().optional(),
});

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw larkErrors.invalidParam(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function openApiRouter(ctx: OpenApiContext): express.Router {
  const r = express.Router();
  r.use((_req, res, next) => {
    res.setHeader("x-tt-logid", hexId(12));
    next();
  });
  r.use(async (req, _res, next) => {
    const fault = ctx.faults.take(req.method, req.originalUrl.split("?")[0]!);
    if (!fault) return next();
    if (fault.kind === "429") throw larkErrors.rateLimited(fault.resetSeconds ?? 1);
    if (fault.kind === "230020") throw larkErrors.frequencyLimit(fault.resetSeconds ?? 1);
    if (fault.kind === "5xx") throw larkErrors.internal(fault.status ?? 500);
    if (fault.kind === "slow") await delay(fault.delayMs ?? 5000);
    if (fault.kind === "expire-token") ctx.tokens.expireAll();
    next();
  });
  r.use(express.json({ limit: "2mb" }));

  r.post("/auth/v3/tenant_access_token/internal", (req, res) => {
    const body = tokenBody.safeParse(req.body ?? {});
    if (!body.success || body.data.app_id !== ctx.appId) {
      res.status(400).json({ code: 10003, msg: "invalid param" });
      return;
    }
    // Lark answers a wrong secret with HTTP 200 and a non-zero code; the SDK throws on it.
    if (body.data.app_secret !== ctx.appSecret) {
      res.json({ code: 10014, msg: "app secret invalid" });
      return;
    }
    const { token, expire } = ctx.tokens.issue();
    res.json({ code: 0, msg: "ok", tenant_access_token: token, expire });
  });

  r.use((req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw larkErrors.missingToken();
    if (!ctx.tokens.isValid(token)) throw larkErrors.invalidToken();
    next();
  });
  r.use(appGate(ctx.appId, ctx.app));

  r.get("/bot/v3/info", (_req, res) => {
    res.json({
      code: 0,
      msg: "ok",
      bot: { activate_status: ctx.app.botActivateStatus, app_name: ctx.botName, avatar_url: "", ip_white_list: [], open_id: ctx.botOpenId },
    });
  });

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

  r.post("/contact/v3/users/batch_get_id", (req, res) => {
    const idType = String(req.query.user_id_type ?? "open_id");
    if (!["open_id", "union_id", "user_id"].includes(idType)) throw larkErrors.invalidParam("user_id_type must be open_id|union_id|user_id");
    const body = parseBody(batchGetIdBody, req.body);
    const users = [...ctx.store.users.values()].filter((u) => body.include_resigned || !u.resigned);
    const idOf = (u: DoubleUser) => (idType === "union_id" ? u.union_id : idType === "user_id" ? u.user_id : u.open_id);
    const found = (u: DoubleUser | undefined) => (u ? { user_id: idOf(u), status: userStatus(u) } : {});
    const user_list = [
      ...(body.emails ?? []).map((email) => ({ ...found(users.find((u) => u.email?.toLowerCase() === email.toLowerCase())), email })),
      ...(body.mobiles ?? []).map((mobile) => ({ ...found(users.find((u) => u.mobile && sameMobile(u.mobile, mobile))), mobile })),
    ];
    res.json(ok({ user_list }));
  });

  listingRoutes(r, ctx, { sent: messageItem, said: inboundItem });
  imageRoutes(r);

  r.use(() => {
    throw larkErrors.notFound();
  });
  r.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof LarkApiError) return sendLarkError(res, err);
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === "entity.parse.failed") return sendLarkError(res, new LarkApiError(400, 9499, "Bad Request: body is not valid JSON"));
    if (e.type === "entity.too.large") return sendLarkError(res, new LarkApiError(413, 9499, "Request Entity Too Large"));
    sendLarkError(res, new LarkApiError(500, 2200, `Internal Error: ${e.message ?? String(err)}`));
  });
  return r;
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

const ok = (data: unknown) => ({ code: 0, msg: "success", data });

function messageItem(ctx: OpenApiContext, m: StoredMessage) {
  return {
    message_id: m.message_id,
    ...(m.root_id ? { root_id: m.root_id, parent_id: m.parent_id } : {}),
    msg_type: m.msg_type,
    create_time: String(m.create_time),
    update_time: String(m.update_time),
    deleted: false,
    updated: m.history.length > 1,
    chat_id: m.chat_id,
    sender: { id: ctx.appId, id_type: "app_id", sender_type: "app", tenant_key: ctx.tenantKey },
    body: { content: m.content },
  };
}

function inboundItem(ctx: OpenApiContext, m: InboundMessage) {
  return {
    message_id: m.message_id,
    msg_type: m.msg_type,
    create_time: String(m.create_time),
    update_time: String(m.create_time),
    deleted: false,
    updated: false,
    chat_id: m.chat_id,
    sender: { id: m.sender_open_id, id_type: "open_id", sender_type: "user", tenant_key: ctx.tenantKey },
    body: { content: m.content },
  };
}

function userStatus(u: DoubleUser) {
  return { is_frozen: false, is_resigned: u.resigned, is_activated: !u.resigned, is_exited: false, is_unjoin: false };
}

/** Lark takes mainland numbers with or without +86. */
function sameMobile(a: string, b: string): boolean {
  const norm = (m: string) => m.replace(/[\s-]/g, "").replace(/^\+86/, "");
  return norm(a) === norm(b);
}
