// Read-only lists: a chat's message history (GET /im/v1/messages) and the groups the bot is in
// (GET /im/v1/chats), with Lark's paging (page_size, page_token, has_more). `npm run lark:check`
// probes scopes with them; the scope and bot-ability checks run before these handlers (scopes.ts).
import type express from "express";
import { inboundItem, messageItem } from "./api-shapes.ts";
import { larkErrors } from "./lark-errors.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import type { DoubleChat } from "./types.ts";

/** Lark's page token is opaque; the double's is the offset, which is all a client may rely on. */
function page<T>(items: T[], query: Record<string, unknown>, max: number): { items: T[]; has_more: boolean; page_token?: string } {
  const size = query.page_size === undefined ? 20 : Number(query.page_size);
  if (!Number.isInteger(size) || size < 1 || size > max) throw larkErrors.invalidParam(`page_size must be an integer from 1 to ${max}`);
  const start = query.page_token === undefined ? 0 : Number(query.page_token);
  if (!Number.isInteger(start) || start < 0) throw larkErrors.invalidParam("page_token is not one this API returned");
  const slice = items.slice(start, start + size);
  const has_more = start + size < items.length;
  return { items: slice, has_more, ...(has_more ? { page_token: String(start + size) } : {}) };
}

export function listingRoutes(r: express.Router, ctx: OpenApiContext): void {
  r.get("/im/v1/messages", (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.container_id_type !== "chat" && q.container_id_type !== "thread") throw larkErrors.invalidParam("container_id_type must be chat|thread");
    if (!q.container_id) throw larkErrors.invalidParam("container_id is required");
    // The double keeps no threads, so every thread id is one Lark would not know either.
    const chat = q.container_id_type === "chat" ? ctx.store.findChat(q.container_id) : undefined;
    if (!chat) throw larkErrors.badRequest(`invalid container_id ${q.container_id}`);
    if (!chat.bot_is_member) throw larkErrors.botNotInChat();
    // Lark's docs: the API reads p2p chats only, unless the app also has 获取群组中所有消息.
    // That the refusal is the 99991672 scope answer is an assumption.
    if (chat.chat_type === "group" && !ctx.app.scopes.has("im:message.group_msg")) throw larkErrors.missingScope(ctx.appId, ["im:message.group_msg"]);
    const start = q.start_time === undefined ? -Infinity : Number(q.start_time) * 1000;
    const end = q.end_time === undefined ? Infinity : Number(q.end_time) * 1000;
    if (Number.isNaN(start) || Number.isNaN(end)) throw larkErrors.invalidParam("start_time and end_time are seconds");
    const items = [
      ...[...ctx.store.messages.values()].filter((m) => m.chat_id === chat.chat_id).map((m) => ({ at: m.create_time, item: messageItem(ctx, m) })),
      ...[...ctx.store.inbound.values()].filter((m) => m.chat_id === chat.chat_id).map((m) => ({ at: m.create_time, item: inboundItem(ctx, m) })),
    ]
      .filter((m) => m.at >= start && m.at <= end)
      .sort((a, b) => (q.sort_type === "ByCreateTimeDesc" ? b.at - a.at : a.at - b.at))
      .map((m) => m.item);
    res.json({ code: 0, msg: "success", data: page(items, q, 50) });
  });

  r.get("/im/v1/chats", (req, res) => {
    const groups = [...ctx.store.chats.values()].filter((c) => c.bot_is_member && c.chat_type === "group");
    res.json({ code: 0, msg: "success", data: page(groups.map((c) => chatItem(ctx, c)), req.query, 100) });
  });
}

function chatItem(ctx: OpenApiContext, c: DoubleChat) {
  return {
    chat_id: c.chat_id,
    name: c.name,
    avatar: "",
    description: "",
    owner_id: c.members[0] ?? "",
    owner_id_type: "open_id",
    external: false,
    tenant_key: ctx.tenantKey,
    chat_status: "normal",
  };
}
