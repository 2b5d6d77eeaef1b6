// Members' questions to the branch secretary (提问) and the kept thread. A reply is taken only
// from a card drawn at the thread's current length (messageCount), so a double click, or two
// secretaries answering the same card, adds one message.
import { nextRequestNumber } from "./request-numbers.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface QuestionRow {
  id: number;
  /** From the yearly request sequence (2026-0014); null for one asked before numbering (shown as #id). */
  number: string | null;
  orgId: number;
  askerId: number;
  status: "OPEN" | "ANSWERED";
  messageCount: number;
  createdAt: Date;
}

export interface ThreadMessage {
  id: number;
  authorId: number;
  fromAsker: boolean;
  body: string;
  at: Date;
}

const select = { id: true, number: true, orgId: true, askerId: true, status: true, messageCount: true, createdAt: true } as const;

/** Opens a question with the year's next request number and its first message. */
export async function askQuestion(tx: Tx, q: { orgId: number; askerId: number; body: string; year: number; at: Date }): Promise<QuestionRow> {
  return tx.question.create({
    data: { number: await nextRequestNumber(tx, q.year), orgId: q.orgId, askerId: q.askerId, messageCount: 1, createdAt: q.at, messages: { create: { authorId: q.askerId, fromAsker: true, body: sealer(tx).seal("QuestionMessage.body", q.body), at: q.at } } },
    select,
  });
}

export async function findQuestion(tx: Tx, id: number): Promise<QuestionRow | null> {
  return tx.question.findUnique({ where: { id }, select });
}

/**
 * Adds a message if the thread still has `seen` messages; false when someone wrote in the
 * meantime (the card was stale). An answer marks the question ANSWERED, a follow-up OPEN.
 */
export async function addMessage(tx: Tx, q: QuestionRow, seen: number, m: { authorId: number; fromAsker: boolean; body: string; at: Date }): Promise<boolean> {
  const n = await tx.question.updateMany({ where: { id: q.id, messageCount: seen }, data: { messageCount: seen + 1, status: m.fromAsker ? "OPEN" : "ANSWERED", updatedAt: m.at } });
  if (n.count !== 1) return false;
  await tx.questionMessage.create({ data: { questionId: q.id, ...m, body: sealer(tx).seal("QuestionMessage.body", m.body) } });
  return true;
}

export async function thread(tx: Tx, questionId: number): Promise<ThreadMessage[]> {
  const rows = await tx.questionMessage.findMany({ where: { questionId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, authorId: true, fromAsker: true, body: true, at: true } });
  const keys = sealer(tx);
  return rows.map((m) => ({ ...m, body: keys.open("QuestionMessage.body", m.body) }));
}

export async function questionsOf(tx: Tx, askerId: number, limit = 5): Promise<(QuestionRow & { messages: ThreadMessage[] })[]> {
  const rows = await tx.question.findMany({
    where: { askerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...select, messages: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, authorId: true, fromAsker: true, body: true, at: true } } },
  });
  const keys = sealer(tx);
  return rows.map((q) => ({ ...q, messages: q.messages.map((m) => ({ ...m, body: keys.open("QuestionMessage.body", m.body) })) }));
}
