// Outgoing messages are rows first, deliveries second: a handler stages messages inside its
// own transaction, and only after commit are they handed to the delivery queue. A message
// whose key already exists is not staged again (a re-run sweep or a retried handler).
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export type NewOutgoing =
  | { kind: "SEND"; to: { openId: string } | { chatId: string }; card?: object; text?: string; key: string }
  | { kind: "REPLY"; messageId: string; chatId: string; card?: object; text?: string; key: string }
  /** chatId, when known, lets the patch share the chat's quota; else the message's own. */
  | { kind: "PATCH"; messageId: string; chatId?: string | undefined; card: object; key: string };

function body(m: { card?: object; text?: string }): { msgType: string; content: Prisma.InputJsonValue } {
  if (m.card) return { msgType: "interactive", content: m.card as Prisma.InputJsonValue };
  return { msgType: "text", content: { text: m.text ?? "" } };
}

/** Returns the ids of the rows it created (none when every key existed). */
export async function stageOutgoing(tx: Tx, messages: NewOutgoing[]): Promise<number[]> {
  if (messages.length === 0) return [];
  const data: Prisma.OutboxMessageCreateManyInput[] = messages.map((m) => {
    if (m.kind === "SEND") {
      const isChat = "chatId" in m.to;
      return {
        idempotencyKey: m.key,
        kind: "SEND",
        receiveIdType: isChat ? "chat_id" : "open_id",
        receiveId: "chatId" in m.to ? m.to.chatId : m.to.openId,
        rateKey: "chatId" in m.to ? m.to.chatId : m.to.openId,
        ...body(m),
      };
    }
    if (m.kind === "REPLY") return { idempotencyKey: m.key, kind: "REPLY", targetMessageId: m.messageId, rateKey: m.chatId, ...body(m) };
    return { idempotencyKey: m.key, kind: "PATCH", targetMessageId: m.messageId, rateKey: m.chatId ?? m.messageId, ...body(m) };
  });
  const rows = await tx.outboxMessage.createManyAndReturn({ data, skipDuplicates: true, select: { id: true } });
  return rows.map((r) => r.id);
}
