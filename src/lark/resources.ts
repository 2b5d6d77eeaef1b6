// Images and files through the SDK, next to the sender: download what a person sent (获取消息中的
// 资源文件, GET /im/v1/messages/:message_id/resources/:file_key?type=image|file), upload an
// image a card can show (POST /im/v1/images) and a file the bot can send (POST /im/v1/files).
// Every failure becomes a ResourceFailure saying whether trying again can help; the token is
// fetched anew once on 99991663, as the sender does.
import type { Readable } from "node:stream";
import type { Logger } from "../log.ts";
import type { LarkClient } from "./client.ts";
import { classifySendError, failureFields, failureFromBody, type SendFailure } from "./send-errors.ts";

/**
 * Lark's answers no retry can change for a download: a bad parameter (234001), a key not in that
 * message (234003), the app not in the chat (234004), a file over Lark's 100 MB (234006, 234037),
 * a message type whose resources cannot be read (234043).
 */
const GONE_CODES = new Set([234001, 234003, 234004, 234006, 234037, 234043]);

export class ResourceFailureError extends Error {
  constructor(
    readonly failure: SendFailure,
    /** True when no retry can fetch it (the file is gone or was never readable). */
    readonly permanent: boolean,
  ) {
    super(`lark resource call failed: ${failure.kind} ${failure.detail}`);
    this.name = "ResourceFailureError";
  }
}

export type Download = { bytes: Buffer; contentType: string | undefined } | { tooLarge: true; readBytes: number };

export interface LarkResources {
  /** The bytes, or tooLarge once more than `maxBytes` arrived (the rest is not read). */
  download(p: { messageId: string; key: string; type: "image" | "file"; maxBytes: number }): Promise<Download>;
  uploadImage(bytes: Buffer): Promise<string>;
  uploadFile(p: { bytes: Buffer; fileName: string; fileType: "pdf" | "stream" }): Promise<string>;
}

/** A 4xx answer to a streamed call arrives as a stream too: read it, so Lark's code is known. */
async function readErrorBody(err: unknown): Promise<unknown> {
  const e = err as { response?: { data?: unknown } };
  const data = e?.response?.data as Readable | undefined;
  if (!data || typeof (data as { on?: unknown }).on !== "function" || typeof (data as { read?: unknown }).read !== "function") return err;
  const chunks: Buffer[] = [];
  try {
    for await (const c of data as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    e.response!.data = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    e.response!.data = undefined;
  }
  return err;
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Download> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      return { tooLarge: true, readBytes: size };
    }
    chunks.push(Buffer.from(chunk));
  }
  return { bytes: Buffer.concat(chunks), contentType: undefined };
}

export function createLarkResources(client: LarkClient, opts: { log?: Logger } = {}): LarkResources {
  const { sdk } = client;
  const log = opts.log?.child({ mod: "lark-resources" });

  async function withToken<T>(op: string, call: () => Promise<T>, goneCodes: ReadonlySet<number> = new Set()): Promise<T> {
    const once = async () => {
      try {
        return await call();
      } catch (err) {
        if (err instanceof ResourceFailureError) throw err;
        const failure = classifySendError(await readErrorBody(err));
        throw new ResourceFailureError(failure, failure.code !== undefined && goneCodes.has(failure.code));
      }
    };
    try {
      return await once();
    } catch (err) {
      if (err instanceof ResourceFailureError && err.failure.kind === "token") {
        log?.warn({ lark: { ...failureFields(err.failure), op } }, "Lark refused the tenant token; fetching a new one and trying once more");
        client.tokens.clear();
        return once();
      }
      throw err;
    }
  }

  /** An upload answered with HTTP 200 and a non-zero code is a failure too. */
  function keyOf(body: { code?: number; msg?: string } & Record<string, unknown>, field: "image_key" | "file_key"): string {
    const failure = failureFromBody(body);
    if (failure) throw new ResourceFailureError(failure, false);
    // The SDK hands back `data` for these calls; a raw answer nests it.
    const data = (body.data ?? body) as Record<string, unknown>;
    const key = data[field];
    if (typeof key !== "string" || key === "") throw new ResourceFailureError({ kind: "transient", detail: `no ${field} in Lark's answer` }, false);
    return key;
  }

  return {
    download: ({ messageId, key, type, maxBytes }) =>
      withToken(
        "resource-get",
        async () => {
          const res = await sdk.im.messageResource.get({ params: { type }, path: { message_id: messageId, file_key: key } });
          const got = await readCapped(res.getReadableStream(), maxBytes);
          const headers = res.headers as Record<string, unknown> | undefined;
          const contentType = typeof headers?.["content-type"] === "string" ? headers["content-type"] : undefined;
          return "bytes" in got ? { ...got, contentType } : got;
        },
        GONE_CODES,
      ),
    uploadImage: (bytes) =>
      withToken("image-upload", async () => keyOf((await sdk.im.image.create({ data: { image_type: "message", image: bytes } })) as Record<string, unknown>, "image_key")),
    uploadFile: ({ bytes, fileName, fileType }) =>
      withToken("file-upload", async () =>
        keyOf((await sdk.im.file.create({ data: { file_type: fileType, file_name: fileName, file: bytes } })) as Record<string, unknown>, "file_key"),
      ),
  };
}
