// multipart/form-data as Lark's upload endpoints read it: a part is a file when it has a filename
// or when the field is the upload's file field. The SDK's documented way to upload
// (`image: fs.readFileSync(path)`) sends a Buffer part with no filename, which a generic form
// parser would decode as text and corrupt; Lark takes its bytes as they are.
import { larkErrors } from "./lark-errors.ts";

export interface Part {
  name: string;
  fileName: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): Map<string, Part> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) throw larkErrors.invalidResourceParam("the multipart body has no boundary");
  const delimiter = Buffer.from(`--${b}`);
  const parts = new Map<string, Part>();
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
    const chunk = body.subarray(start + 2, next - 2);
    const split = chunk.indexOf("\r\n\r\n");
    if (split !== -1) {
      const head = chunk.subarray(0, split).toString("utf8");
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      const fileName = /filename\*?=(?:UTF-8'')?"?([^";\r\n]*)"?/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim();
      if (name !== undefined) parts.set(name, { name, fileName: fileName ? decodeURIComponent(fileName) : undefined, contentType: type, data: Buffer.from(chunk.subarray(split + 4)) });
    }
    at = next;
  }
  return parts;
}

/** A field's text (a form's plain values: image_type, file_type, file_name). */
export const fieldText = (p: Part | undefined): string | undefined => (p ? p.data.toString("utf8") : undefined);
