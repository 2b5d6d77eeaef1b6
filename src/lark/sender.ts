// Send, reply and patch through the SDK. Returns Lark's message id or throws a
// SendFailureError the delivery worker knows how to treat. One token refresh is tried
// in place on 99991663, since the SDK would keep using the rejected token.
import { createHash } from "node:crypto";
import type { LarkClient } from "./client.ts";
import { classifySendError, failureFromBody, type SendFailure } from "./send-errors.ts";

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
}

export function createLarkSender(client: LarkClient): LarkSender {
  const { sdk } = client;

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
      throw new SendFailureError(classifySendError(err));
    }
    const failure = failureFromBody(body);
    if (failure) throw new SendFailureError(failure);
    return { messageId: msg.kind === "PATCH" ? msg.targetMessageId : body.data?.message_id };
  }

  return {
    async deliver(msg) {
      try {
        return await once(msg);
      } catch (err) {
        if (err instanceof SendFailureError && err.failure.kind === "token") {
          client.tokens.clear();
          return once(msg);
        }
        throw err;
      }
    },
  };
}
