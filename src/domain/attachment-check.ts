// What a member may attach to an aid request: a picture (JPEG, PNG, GIF, WEBP) or a PDF, up to a
// stated size. The type is read from the first bytes, never from the name: a renamed .docx is
// not a PDF, and a photo saved without an extension is still a photo. A hospital bill is health
// data, so anything else is refused (not kept) with the reason the member is told.
import type { Text } from "./text.ts";

export type AttachmentKind = "IMAGE" | "FILE";

export type Verdict = { ok: true; kind: AttachmentKind; mimeType: string } | { ok: false; reason: Text };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The picture or PDF type of these bytes, or null for anything else. */
export function sniffType(b: Uint8Array): { kind: AttachmentKind; mimeType: string } | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: "IMAGE", mimeType: "image/jpeg" };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: "IMAGE", mimeType: "image/png" };
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return { kind: "IMAGE", mimeType: "image/gif" };
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return { kind: "IMAGE", mimeType: "image/webp" };
  if (ascii(b, 0, 5) === "%PDF-") return { kind: "FILE", mimeType: "application/pdf" };
  return null;
}

/** "10 MB", "2.5 MB": a limit as the refusal states it. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** How the member's file is named in what they are told: its name, or what it was. */
export function attachmentLabel(fileName: string | null, kind: "image" | "file"): Text {
  if (fileName) return { zh: `「${fileName}」`, en: `"${fileName}"` };
  return kind === "image" ? { zh: "这张图片", en: "this picture" } : { zh: "这个文件", en: "this file" };
}

/** The refusal, with the rule and the limit in it. */
export function refusalText(maxBytes: number, label: Text, why: "type" | "size" | "unreadable"): Text {
  const limit = megabytes(maxBytes);
  if (why === "unreadable") {
    return { zh: `飞书未能取回${label.zh}（可能已撤回或过期），未能附上，请重新发送。`, en: `Lark could not give us ${label.en} (recalled or expired?); it was not attached. Please send it again.` };
  }
  return {
    zh: `只能接收图片或 PDF 文件，单个不超过 ${limit}；${label.zh}未能附上。`,
    en: `Only pictures or PDF files of at most ${limit} each can be attached; ${label.en} was not attached.`,
  };
}

/** Keep or refuse: over the limit first (its bytes were not all read), then by what the bytes are. */
export function checkAttachment(input: { bytes: Uint8Array | null; tooLarge: boolean; fileName: string | null; sentAs: "image" | "file"; maxBytes: number }): Verdict {
  const label = attachmentLabel(input.fileName, input.sentAs);
  if (input.tooLarge || !input.bytes || input.bytes.length > input.maxBytes) return { ok: false, reason: refusalText(input.maxBytes, label, "size") };
  const type = sniffType(input.bytes);
  if (!type) return { ok: false, reason: refusalText(input.maxBytes, label, "type") };
  return { ok: true, ...type };
}
