// Images the bot uploads (POST /im/v1/images, multipart image_type + image) and downloads again
// (GET /im/v1/images/:image_key), with Lark's limits: at most 10 MB, never empty, and only
// message images the app itself uploaded can be downloaded. Scope and bot-ability checks run
// before these handlers (scopes.ts); an upload without an image is what `lark:check` probes with.
// Uploads are kept with the resources people send (resources.ts).
import type express from "express";
import { larkErrors } from "./lark-errors.ts";
import { fieldText, parseMultipart, type Part } from "./multipart.ts";
import { imageTypeOf, type ResourceStore } from "./resources.ts";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const IMAGE_TYPES = ["message", "avatar"];

/** A multipart body, read up to `max` bytes of file (plus room for the other parts). */
export async function readForm(req: express.Request, max = MAX_IMAGE_BYTES, what = "the image is larger than 10 MB"): Promise<Map<string, Part>> {
  const type = req.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw larkErrors.invalidResourceParam("the body must be multipart/form-data");
  // Stop reading past the limit (plus room for the form's other parts) instead of buffering it all.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max + 64 * 1024) throw larkErrors.invalidResourceParam(what);
    chunks.push(chunk);
  }
  return parseMultipart(Buffer.concat(chunks), type);
}

export function imageRoutes(r: express.Router, resources: ResourceStore): void {
  r.post("/im/v1/images", async (req, res) => {
    const form = await readForm(req);
    const imageType = fieldText(form.get("image_type"));
    const image = form.get("image");
    if (typeof imageType !== "string" || !IMAGE_TYPES.includes(imageType)) throw larkErrors.invalidResourceParam("image_type must be message|avatar");
    if (!image) throw larkErrors.invalidResourceParam("image is required");
    if (image.data.length === 0) throw larkErrors.emptyFile();
    if (image.data.length > MAX_IMAGE_BYTES) throw larkErrors.invalidResourceParam("the image is larger than 10 MB");
    // Lark answers a download with the image's real type, whatever the upload's part said.
    const contentType = imageTypeOf(image.data) ?? image.contentType ?? "application/octet-stream";
    const key = resources.add({ kind: "image", owner: "app", bytes: image.data, contentType, uploadType: imageType });
    res.json({ code: 0, msg: "success", data: { image_key: key } });
  });

  r.get("/im/v1/images/:image_key", (req, res) => {
    const image = resources.get(req.params.image_key);
    if (!image || image.kind !== "image" || image.owner !== "app" || image.uploadType !== "message") throw larkErrors.invalidResourceParam(`image_key ${req.params.image_key} was not uploaded by this app as a message image`);
    res.type(image.contentType).send(image.bytes);
  });
}
