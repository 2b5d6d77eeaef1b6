// Images and files as Lark keeps them: uploaded by the app (POST /im/v1/images, /im/v1/files) or
// sent by a person in a message (image, file, audio, media, or an image inside rich text). The
// bot reads a person's resource only through the message that carries it:
// GET /im/v1/messages/:message_id/resources/:file_key?type=image|file, answered with Lark's codes
// from that API's error table (234001 bad parameter, 234003 the key is not in that message,
// 234004 the app is not in the message's chat). A message the bot sends with an image_key or a
// file_key must name one the app uploaded, as Lark refuses any other.
import type express from "express";
import { LarkApiError, larkErrors } from "./lark-errors.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import type { ResourceStore } from "./resource-store.ts";

export type { ResourceKind, StoredResource } from "./resource-store.ts";
export { ResourceStore } from "./resource-store.ts";

/** An image's type from its first bytes (JPEG, PNG, GIF, WEBP), as Lark serves it; undefined for others. */
export function imageTypeOf(b: Buffer): string | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (/^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1"))) return "image/gif";
  if (b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP") return "image/webp";
  return undefined;
}

const resourceNotInMessage = (key: string) => new LarkApiError(400, 234003, `File not in msg. file_key ${key} is not a resource of this message`);
const appNotInChat = () => new LarkApiError(400, 234004, "App not in chat.");

/** Every resource key a message's content names (image, file, audio, media, and images in rich text). */
export function keysInContent(msgType: string, content: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(content);
  } catch {
    return [];
  }
  if (typeof body !== "object" || body === null) return [];
  const o = body as Record<string, unknown>;
  const keys: string[] = [];
  if (typeof o.image_key === "string") keys.push(o.image_key);
  if (typeof o.file_key === "string") keys.push(o.file_key);
  if (msgType === "post" && Array.isArray(o.content)) {
    for (const line of o.content) {
      if (!Array.isArray(line)) continue;
      for (const node of line as Record<string, unknown>[]) if (node?.tag === "img" && typeof node.image_key === "string") keys.push(node.image_key);
    }
  }
  return keys;
}

/** Lark refuses a message whose image_key or file_key the app never uploaded (or uploaded as an avatar). */
export function checkSendableKeys(resources: ResourceStore, msgType: string, content: string): void {
  if (msgType !== "image" && msgType !== "file") return;
  const body = JSON.parse(content) as { image_key?: unknown; file_key?: unknown };
  const key = msgType === "image" ? body.image_key : body.file_key;
  const r = typeof key === "string" ? resources.get(key) : undefined;
  const ok = r?.owner === "app" && r.kind === msgType && (msgType === "file" || r.uploadType === "message");
  if (!ok) throw larkErrors.badRequest(`invalid ${msgType === "image" ? "image_key" : "file_key"} ${String(key)}: not uploaded by this app`);
}

export function messageResourceRoutes(r: express.Router, ctx: OpenApiContext): void {
  r.get("/im/v1/messages/:message_id/resources/:file_key", (req, res) => {
    const type = String(req.query.type ?? "");
    if (type !== "image" && type !== "file") throw larkErrors.invalidResourceParam("type must be image or file");
    const id = req.params.message_id;
    const msg = ctx.store.inbound.get(id) ?? ctx.store.messages.get(id);
    if (!msg) throw larkErrors.invalidResourceParam(`message_id ${id} not found`);
    const chat = ctx.store.findChat(msg.chat_id);
    if (!chat?.bot_is_member) throw appNotInChat();
    const key = req.params.file_key;
    const msgType = "msg_type" in msg ? msg.msg_type : "";
    if (!keysInContent(msgType, msg.content).includes(key)) throw resourceNotInMessage(key);
    const found = ctx.store.resources.get(key);
    if (!found) throw resourceNotInMessage(key);
    // An image asked for as a file (or the reverse) is refused as a bad parameter.
    if ((type === "image") !== (found.kind === "image")) throw larkErrors.invalidResourceParam(`type ${type} does not match the resource ${key}`);
    res.setHeader("content-type", found.contentType);
    if (found.fileName) res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`);
    res.send(found.bytes);
  });
}
