// Lark's answer shapes shared by several endpoints: the success envelope, a body checked as
// Lark checks it (99992402 on a bad field), and a message as the message APIs list it.
import { z } from "zod";
import { larkErrors } from "./lark-errors.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import type { InboundMessage, StoredMessage } from "./types.ts";

export const ok = (data: unknown) => ({ code: 0, msg: "success", data });

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw larkErrors.invalidParam(`${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

/** A message the bot sent, as GET /im/v1/messages returns it. */
export function messageItem(ctx: Pick<OpenApiContext, "appId" | "tenantKey">, m: StoredMessage) {
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

/** A message a person sent, as GET /im/v1/messages returns it. */
export function inboundItem(ctx: Pick<OpenApiContext, "tenantKey">, m: InboundMessage) {
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
