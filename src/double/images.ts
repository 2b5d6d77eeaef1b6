// Images the bot uploads (POST /im/v1/images, multipart image_type + image) and downloads again
// (GET /im/v1/images/:image_key), with Lark's limits: at most 10 MB, never empty, and only
// message images the app itself uploaded can be downloaded. Scope and bot-ability checks run
// before these handlers (scopes.ts); an upload without an image is what `lark:check` probes with.
import type express from "express";
import { hexId } from "./ids.ts";
import { larkErrors } from "./lark-errors.ts";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = ["message", "avatar"];

interface StoredImage {
  bytes: Buffer;
  contentType: string;
  imageType: string;
}

async function readForm(req: express.Request): Promise<FormData> {
  const type = req.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw larkErrors.invalidResourceParam("the body must be multipart/form-data");
  // Stop reading past the limit (plus room for the form's other parts) instead of buffering it all.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_IMAGE_BYTES + 64 * 1024) throw larkErrors.invalidResourceParam("the image is larger than 10 MB");
    chunks.push(chunk);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    throw larkErrors.invalidResourceParam("the multipart body could not be read");
  }
}

export function imageRoutes(r: express.Router): void {
  const images = new Map<string, StoredImage>();

  r.post("/im/v1/images", async (req, res) => {
    const form = await readForm(req);
    const imageType = form.get("image_type");
    const image = form.get("image");
    if (typeof imageType !== "string" || !IMAGE_TYPES.includes(imageType)) throw larkErrors.invalidResourceParam("image_type must be message|avatar");
    if (!(image instanceof Blob)) throw larkErrors.invalidResourceParam("image is required");
    if (image.size === 0) throw larkErrors.emptyFile();
    if (image.size > MAX_IMAGE_BYTES) throw larkErrors.invalidResourceParam("the image is larger than 10 MB");
    const key = `img_v3_${hexId(16)}`;
    images.set(key, { bytes: Buffer.from(await image.arrayBuffer()), contentType: image.type || "application/octet-stream", imageType });
    res.json({ code: 0, msg: "success", data: { image_key: key } });
  });

  r.get("/im/v1/images/:image_key", (req, res) => {
    const image = images.get(req.params.image_key);
    if (!image || image.imageType !== "message") throw larkErrors.invalidResourceParam(`image_key ${req.params.image_key} was not uploaded by this app as a message image`);
    res.type(image.contentType).send(image.bytes);
  });
}
