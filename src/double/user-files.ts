// What a person sends besides text: a picture, a file, a voice message, a video, a sticker, or rich
// text (post) with pictures in it. Bytes come base64-encoded with a file name; the double keeps
// them as Lark does (resources.ts), so the bot can download them through the message, and
// delivers im.message.receive_v1 with the content Lark writes for that type:
//   image   {"image_key":"img_v3_…"}
//   file    {"file_key":"file_v3_…","file_name":"…"}
//   audio   {"file_key":"file_v3_…","duration":2000}
//   media   {"file_key":"file_v3_…","file_name":"…","duration":2000}
//   sticker {"file_key":"file_v3_…"}            (Lark does not let a bot download stickers)
//   post    {"title":"…","content":[[{"tag":"text","text":"…"}],[{"tag":"img","image_key":"img_v3_…"}]]}
import { z } from "zod";
import { hexId } from "./ids.ts";
import { imageTypeOf } from "./resources.ts";
import { DoubleError } from "./schemas.ts";
import type { ActionContext, SayOutcome } from "./user-actions.ts";
import { sendAsUser } from "./user-actions.ts";

const base64 = z.string().regex(/^[A-Za-z0-9+/=\s]*$/, "base64");
const where = {
  from: z.string().min(1),
  chatId: z.string().min(1).optional(),
  chatType: z.enum(["p2p", "group"]).optional(),
  messageId: z.string().min(1).optional(),
};

export const sendFileInput = z.object({
  ...where,
  type: z.enum(["image", "file", "audio", "media", "sticker"]).default("file"),
  fileName: z.string().min(1).max(255).optional(),
  /** The bytes, base64; not needed for a sticker. */
  data: base64.optional(),
  /** Milliseconds, for audio and media. */
  duration: z.number().int().nonnegative().optional(),
});
export type SendFileInput = z.input<typeof sendFileInput>;

export const sendPostInput = z.object({
  ...where,
  mentionBot: z.boolean().optional(),
  title: z.string().max(200).optional(),
  /** Paragraphs of text, in order. */
  lines: z.array(z.string()).default([]),
  /** Pictures, each its own paragraph after the text. */
  images: z.array(z.object({ fileName: z.string().min(1).optional(), data: base64 })).default([]),
});
export type SendPostInput = z.input<typeof sendPostInput>;

const IMAGE_TYPES: [string, string][] = [
  [".png", "image/png"],
  [".jpg", "image/jpeg"],
  [".jpeg", "image/jpeg"],
  [".gif", "image/gif"],
  [".webp", "image/webp"],
];

/** The Content-Type Lark answers a download with: from the name, as a person's upload has no other. */
function contentTypeOf(fileName: string | undefined, fallback: string): string {
  const name = (fileName ?? "").toLowerCase();
  if (name.endsWith(".pdf")) return "application/pdf";
  return IMAGE_TYPES.find(([ext]) => name.endsWith(ext))?.[1] ?? fallback;
}

function bytesOf(data: string | undefined, what: string): Buffer {
  const bytes = Buffer.from(data ?? "", "base64");
  // A person cannot send an empty file: the client refuses it before Lark sees it.
  if (bytes.length === 0) throw new DoubleError(400, `${what} needs its bytes (data, base64)`);
  return bytes;
}

export async function sendFile(ctx: ActionContext, input: z.output<typeof sendFileInput>): Promise<SayOutcome & { fileKey: string }> {
  const { type, fileName } = input;
  let key: string;
  if (type === "sticker") key = `file_v3_${hexId(16)}`;
  else {
    const bytes = bytesOf(input.data, `a ${type} message`);
    const kind = type === "image" ? "image" : "file";
    const fallback = type === "image" ? "image/png" : type === "audio" ? "audio/opus" : type === "media" ? "video/mp4" : "application/octet-stream";
    key = ctx.store.resources.add({ kind, owner: "user", bytes, contentType: (kind === "image" ? imageTypeOf(bytes) : undefined) ?? contentTypeOf(fileName, fallback), ...(fileName ? { fileName } : {}) });
  }
  const content =
    type === "image"
      ? { image_key: key }
      : type === "file"
        ? { file_key: key, file_name: fileName ?? "file" }
        : type === "audio"
          ? { file_key: key, duration: input.duration ?? 1000 }
          : type === "media"
            ? { file_key: key, file_name: fileName ?? "video.mp4", duration: input.duration ?? 1000 }
            : { file_key: key };
  const outcome = await sendAsUser(ctx, input, type, () => JSON.stringify(content), { canMention: false });
  return { ...outcome, fileKey: key };
}

export async function sendPost(ctx: ActionContext, input: z.output<typeof sendPostInput>): Promise<SayOutcome & { imageKeys: string[] }> {
  const imageKeys = input.images.map((img) =>
    ctx.store.resources.add({ kind: "image", owner: "user", bytes: bytesOf(img.data, "a picture in rich text"), contentType: imageTypeOf(Buffer.from(img.data, "base64")) ?? contentTypeOf(img.fileName, "image/png"), ...(img.fileName ? { fileName: img.fileName } : {}) }),
  );
  if (input.lines.length === 0 && imageKeys.length === 0) throw new DoubleError(400, "a rich-text message needs lines or images");
  const outcome = await sendAsUser(ctx, input, "post", (mention) => {
    const paragraphs: Record<string, unknown>[][] = input.lines.map((line) => [{ tag: "text", text: line, style: [] }]);
    if (mention) (paragraphs[0] ??= []).unshift({ tag: "at", user_id: mention.key, user_name: mention.name, style: [] });
    for (const image_key of imageKeys) paragraphs.push([{ tag: "img", image_key, width: 800, height: 600 }]);
    return JSON.stringify({ title: input.title ?? "", content: paragraphs });
  });
  return { ...outcome, imageKeys };
}
