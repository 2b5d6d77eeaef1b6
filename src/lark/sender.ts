// Send, reply and patch through the SDK. Returns Lark's message id or throws a
// SendFailureError the delivery worker knows how to treat. One token refresh is tried
// in place on 99991663, since the SDK would keep using the rejected token.
import { createHash } from "node:crypto";
import type { Logger } from "../log.ts";
import type { LarkClient } from "./client.ts";
import { createLarkResources, ResourceFailureError } from "./resources.ts";
import { classifySendError, failureFields, failureFromBody, type SendFailure } from "./send-errors.ts";

export class SendFailureError extends Error {
  constructor(readonly failure: SendFailure) {
    super(`lark send failed: ${failure.kind} ${failure.detail}`);
    this.name = "SendFailureError";
  }
}

export type Outgoing =
  | { kind: "SEND"; receiveIdType: "open_id" | "chat_id"; receiveId: string; msgType: string; content: unknown; idempotencyKey: string }
  | { kind: "REPLY"; targetMessageId: string; msgType: string; content: unknown; idempotencyKey: string }
  | { kind: "PATCH"; targetMessageId: string; content: unknown; idempotencyKey: string };

/** Lark's uuid is at most 50 characters; our keys can be longer, so long ones are hashed. */
export function larkUuid(idempotencyKey: string): string {
  return idempotencyKey.length <= 50 ? idempotencyKey : `h-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}`;
}

export interface LarkSender {
  deliver(msg: Outgoing): Promise<{ messageId: string | undefined }>;
  /** Uploads a file the bot sends (POST /im/v1/files) and returns Lark's file_key. */
  uploadFile(f: { bytes: Buffer; fileName: string }): Promise<string>;
}

export type SendOp = "send" | "reply" | "patch" | "upload";

export interface SenderOptions {
  log?: Logger;
  /** Told the outcome of every call to Lark: "0" when it went through, else Lark's code (or http_<status>, network). */
  observe?(op: SendOp, code: string): void;
}

/** The label a call's outcome is counted under: Lark's code when it gave one. */
export function outcomeCode(f: SendFailure): string {
  return f.code !== undefined ? String(f.code) : f.status !== undefined ? `http_${f.status}` : "network";
}

export function createLarkSender(client: LarkClient, opts: SenderOptions = {}): LarkSender {
  const { sdk } = client;
  const log = opts.log?.child({ mod: "lark-send" });

  async function once(msg: Outgoing): Promise<{ messageId: string | undefined }> {
    const content = typeof msg.content === "string" ? msg.content : JSON.stringify(msg.content);
    let body: { code?: number; msg?: string; data?: { message_id?: string } };
    try {
      if (msg.kind === "SEND") {
        body = await sdk.im.message.create({
          params: { receive_id_type: msg.receiveIdType },
          data: { receive_id: msg.receiveId, msg_type: msg.msgType, content, uuid: larkUuid(msg.idempotencyKey) },
        });
      } else if (msg.kind === "REPLY") {
        body = await sdk.im.message.reply({
          path: { message_id: msg.targetMessageId },
          data: { msg_type: msg.msgType, content, uuid: larkUuid(msg.idempotencyKey) },
        });
      } else {
        body = await sdk.im.message.patch({ path: { message_id: msg.targetMessageId }, data: { content } });
      }
    } catch (err) {
      throw failed(msg, classifySendError(err));
    }
    const failure = failureFromBody(body);
    if (failure) throw failed(msg, failure);
    opts.observe?.(opOf(msg), "0");
    return { messageId: msg.kind === "PATCH" ? msg.targetMessageId : body.data?.message_id };
  }

  function failed(msg: Outgoing, failure: SendFailure): SendFailureError {
    opts.observe?.(opOf(msg), outcomeCode(failure));
    return new SendFailureError(failure);
  }

  const resources = createLarkResources(client, opts.log ? { log: opts.log } : {});

  return {
    async uploadFile({ bytes, fileName }) {
      try {
        // "stream": Lark's file types name old Office formats (xls), and any file may go as a stream.
        const key = await resources.uploadFile({ bytes, fileName, fileType: "stream" });
        opts.observe?.("upload", "0");
        return key;
      } catch (err) {
        if (!(err instanceof ResourceFailureError)) throw err;
        opts.observe?.("upload", outcomeCode(err.failure));
        throw new SendFailureError(err.failure);
      }
    },
    async deliver(msg) {
      try {
        return await once(msg);
      } catch (err) {
        if (err instanceof SendFailureError && err.failure.kind === "token") {
          log?.warn({ lark: { ...failureFields(err.failure), op: opOf(msg) } }, "Lark refused the tenant token; fetching a new one and trying once more");
          client.tokens.clear();
          return once(msg);
        }
        throw err;
      }
    },
  };
}

const opOf = (msg: Outgoing): SendOp => (msg.kind === "SEND" ? "send" : msg.kind === "REPLY" ? "reply" : "patch");
