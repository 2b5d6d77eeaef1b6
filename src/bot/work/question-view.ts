// What the question handlers share: the thread drawn for cards, and the cards of both sides
// kept current. The secretaries' copies are keyed question-s-<id>-…, the asker's question-a-<id>-…,
// and every copy is redrawn to the whole thread when a message is added.
import { questionForAskerCard, questionForSecretaryCard, type ThreadLine } from "../../../cards/question.ts";
import type { Card } from "../../../cards/kit.ts";
import { requestLabel } from "../../domain/request-label.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import { hasRole, type Actor } from "../../domain/roles.ts";
import type { QuestionRow } from "../../store/questions.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { redrawCopies, type ClickContext } from "./copies.ts";
import { reachableSecretaries } from "./people.ts";
import { unknownRecord } from "./texts.ts";

export const secretaryKeyPrefix = (id: number) => `question-s-${id}-`;
const askerKeyPrefix = (id: number) => `question-a-${id}-`;

export async function requireQuestion(ctx: Pick<BaseContext, "store">, id: number): Promise<QuestionRow> {
  const q = await ctx.store.questions.findQuestion(id);
  if (!q) throw unknownRecord("提问");
  return q;
}

/** A secretary of the question's branch answers; never their own question. */
export function requireAnswerer(actor: Actor, q: QuestionRow): void {
  if (actor.personId === q.askerId || !hasRole(actor, ["SECRETARY"], q.orgId)) throw notAllowed(["提问", "我的"]);
}

async function threadView(ctx: BaseContext, q: QuestionRow): Promise<ThreadLine[]> {
  const msgs = await ctx.store.questions.thread(q.id);
  const names = await ctx.store.people.personNames(msgs.map((m) => m.authorId));
  return msgs.map((m) => ({ who: names.get(m.authorId) ?? "?", fromAsker: m.fromAsker, at: localDateTime(m.at, ctx.config.timezone), body: m.body }));
}

export async function cardsOf(ctx: BaseContext, q: QuestionRow): Promise<{ secretary: Card; asker: Card }> {
  const lines = await threadView(ctx, q);
  const asker = lines.find((l) => l.fromAsker)?.who ?? "?";
  const branch = await ctx.store.orgs.orgName(q.orgId);
  const answered = q.status === "ANSWERED";
  const label = requestLabel(q);
  return { secretary: questionForSecretaryCard({ id: q.id, label, asker, branch: branch ?? "?", thread: lines, answered }), asker: questionForAskerCard({ id: q.id, label, thread: lines, answered }) };
}

/**
 * After a message: every earlier copy on both sides redrawn to the whole thread, and a new card
 * to whoever must answer next (the asker after an answer, the secretaries after a question).
 * Returns the card for the clicked copy.
 */
export async function afterMessage(ctx: ClickContext, id: number, clickedSide: "secretary" | "asker" | null): Promise<{ cards: { secretary: Card; asker: Card }; notified: number }> {
  const q = await requireQuestion(ctx, id);
  const cards = await cardsOf(ctx, q);
  await redrawCopies(clickedSide === "secretary" ? ctx : { ...ctx, inbound: { ...ctx.inbound, messageId: undefined } }, secretaryKeyPrefix(id), cards.secretary);
  await redrawCopies(clickedSide === "asker" ? ctx : { ...ctx, inbound: { ...ctx.inbound, messageId: undefined } }, askerKeyPrefix(id), cards.asker);
  const round = `m${q.messageCount}`;
  if (q.status === "ANSWERED") {
    const asker = await ctx.store.people.personContact(q.askerId);
    if (asker?.openId) ctx.send({ openId: asker.openId }, { card: cards.asker }, `${askerKeyPrefix(id)}${round}-${q.askerId}`);
    return { cards, notified: asker?.openId ? 1 : 0 };
  }
  const to = await reachableSecretaries(ctx, q.orgId, q.askerId);
  for (const s of to) ctx.send({ openId: s.openId }, { card: cards.secretary }, `${secretaryKeyPrefix(id)}${round}-${s.personId}`);
  return { cards, notified: to.length };
}
