// Files the bot uploads (POST /im/v1/files, multipart file_type + file_name + file) to send them as
// file messages, with Lark's rules: file_type one of its list, a file name, at most 30 MB, never
// empty (234010). Scope and bot-ability checks run before (scopes.ts).
import type express from "express";
import { readForm } from "./images.ts";
import { larkErrors } from "./lark-errors.ts";
import { fieldText } from "./multipart.ts";
import type { ResourceStore } from "./resources.ts";

const MAX_FILE_BYTES = 30 * 1024 * 1024;
const FILE_TYPES = ["opus", "mp4", "pdf", "doc", "xls", "ppt", "stream"];

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  mp4: "video/mp4",
  opus: "audio/opus",
};

export function fileRoutes(r: express.Router, resources: ResourceStore): void {
  r.post("/im/v1/files", async (req, res) => {
    const form = await readForm(req, MAX_FILE_BYTES, "the file is larger than 30 MB");
    const fileType = fieldText(form.get("file_type"));
    const fileName = fieldText(form.get("file_name"));
    const file = form.get("file");
    if (typeof fileType !== "string" || !FILE_TYPES.includes(fileType)) throw larkErrors.invalidResourceParam(`file_type must be one of ${FILE_TYPES.join("|")}`);
    if (typeof fileName !== "string" || fileName.trim() === "") throw larkErrors.invalidResourceParam("file_name is required");
    if (!file) throw larkErrors.invalidResourceParam("file is required");
    if (file.data.length === 0) throw larkErrors.emptyFile();
    if (file.data.length > MAX_FILE_BYTES) throw larkErrors.invalidResourceParam("the file is larger than 30 MB");
    const bytes = file.data;
    const key = resources.add({ kind: "file", owner: "app", bytes, contentType: CONTENT_TYPES[fileType] ?? "application/octet-stream", fileName, uploadType: fileType });
    res.json({ code: 0, msg: "success", data: { file_key: key } });
  });
}
