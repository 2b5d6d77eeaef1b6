// 意见建议: members' suggestions, opinions and criticisms to the branch, and the answers.
//
// An anonymous one stores nothing that leads to its author (docs/privacy.md, "Anonymous
// suggestions"): no author id; `replyTo` holds the author's address and language sealed, so the
// answer can still reach them, and is erased in the transaction that answers (the sealed copy
// travels in the answer's outbox row, blanked once sent); `formKey`, which dedupes a form
// submitted twice, is a keyed digest of the form card's message id, not the id itself (that id
// sits in the outbox next to the member's open_id), erased with the address when answered.
import type { Lang } from "../domain/text.ts";
import type { SuggestionKind } from "../domain/suggestion.ts";
import { nextRequestNumber } from "./request-numbers.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export interface SuggestionRow {
  id: number;
  number: string | null;
  orgId: number;
  kind: SuggestionKind;
  body: string;
  anonymous: boolean;
  authorId: number | null;
  status: "OPEN" | "ANSWERED";
  answer: string | null;
  answeredById: number | null;
  answeredAt: Date | null;
  remindedAt: Date | null;
  createdAt: Date;
}

const select = { id: true, number: true, orgId: true, kind: true, body: true, anonymous: true, authorId: true, status: true, answer: true, answeredById: true, answeredAt: true, remindedAt: true, createdAt: true } as const;

function opened<T extends { body: string; answer: string | null }>(tx: object, r: T): T {
  const keys = sealer(tx);
  return { ...r, body: keys.open("Suggestion.body", r.body), answer: keys.open("Suggestion.answer", r.answer) };
}

/** Where an anonymous author is told of the answer: their open_id and language, sealed together. */
export interface ReplyAddress {
  openId: string;
  lang: Lang;
}

/** The column whose sealing an anonymous reply address carries (also in its outbox copy). */
export const REPLY_TO_COLUMN = "Suggestion.replyTo";

/** Opens a sealed reply address (the delivery worker, just before it calls Lark). */
export function openReplyAddress(keys: { open(column: string, stored: string): string }, sealed: string): ReplyAddress {
  const v = JSON.parse(keys.open(REPLY_TO_COLUMN, sealed)) as Partial<ReplyAddress>;
  if (typeof v.openId !== "string") throw new Error("a sealed reply address without an open_id");
  return { openId: v.openId, lang: v.lang === "EN" ? "EN" : "ZH" };
}

export type NewSuggestion = { orgId: number; kind: SuggestionKind; body: string; year: number; at: Date; formMessageId: string } & (
  | { anonymous: false; authorId: number }
  | { anonymous: true; replyTo: ReplyAddress }
);

/**
 * Files a suggestion once per form card: null when this form was already submitted (a double
 * click, or Lark's retry with a new event id). A named one's formKey is the message id; an
 * anonymous one's a keyed digest of it.
 */
export async function fileSuggestion(tx: Tx, s: NewSuggestion): Promise<SuggestionRow | null> {
  const keys = sealer(tx);
  const formKey = s.anonymous ? keys.digest("Suggestion.formKey", s.formMessageId) : `msg:${s.formMessageId}`;
  if (await tx.suggestion.findUnique({ where: { formKey }, select: { id: true } })) return null;
  const number = await nextRequestNumber(tx, s.year);
  const body = keys.seal("Suggestion.body", s.body);
  const replyTo = s.anonymous ? keys.seal(REPLY_TO_COLUMN, JSON.stringify({ openId: s.replyTo.openId, lang: s.replyTo.lang })) : null;
  const authorId = s.anonymous ? null : s.authorId;
  // ON CONFLICT: two clicks of one form racing past the check above; the second files nothing.
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Suggestion" ("number", "orgId", "kind", "body", "anonymous", "authorId", "replyTo", "formKey", "createdAt", "updatedAt")
    VALUES (${number}, ${s.orgId}, ${s.kind}::"SuggestionKind", ${body}, ${s.anonymous}, ${authorId}, ${replyTo}, ${formKey}, ${s.at}, ${s.at})
    ON CONFLICT ("formKey") DO NOTHING RETURNING "id"`;
  const id = rows[0]?.id;
  return id === undefined ? null : findSuggestion(tx, id);
}

export async function findSuggestion(tx: Tx, id: number): Promise<SuggestionRow | null> {
  const r = await tx.suggestion.findUnique({ where: { id }, select });
  return r ? opened(tx, r) : null;
}

/**
 * Answers an open suggestion: ANSWERED, the answer sealed, and an anonymous author's address and
 * form key erased in the same statement. Returns the row and the address as it was stored (still sealed:
 * the answer's outbox row carries that copy), or null when it was answered meanwhile.
 */
export async function answerSuggestion(tx: Tx, id: number, a: { answer: string; answeredById: number; at: Date }): Promise<{ row: SuggestionRow; sealedReplyTo: string | null } | null> {
  const before = await tx.$queryRaw<{ replyTo: string | null; anonymous: boolean }[]>`SELECT "replyTo", "anonymous" FROM "Suggestion" WHERE "id" = ${id} AND "status" = 'OPEN' FOR UPDATE`;
  if (before.length === 0) return null;
  // An anonymous item's form key goes too: with the data key, it could be matched to the form
  // card's message id in the outbox. The form became the receipt long ago; nothing submits it again.
  const forget = before[0]!.anonymous ? { replyTo: null, formKey: null } : {};
  const n = await tx.suggestion.updateMany({
    where: { id, status: "OPEN" },
    data: { status: "ANSWERED", answer: sealer(tx).seal("Suggestion.answer", a.answer), answeredById: a.answeredById, answeredAt: a.at, updatedAt: a.at, ...forget },
  });
  if (n.count !== 1) return null;
  const row = await findSuggestion(tx, id);
  return row ? { row, sealedReplyTo: before[0]!.replyTo } : null;
}

export interface ListedSuggestion extends SuggestionRow {
  orgName: string;
  /** A named one's author (null when anonymous). */
  authorName: string | null;
}

/** The open items of these organisations, then the most recent answered ones, up to `limit`. */
export async function suggestionsOfOrgs(tx: Tx, orgIds: readonly number[], limit = 20): Promise<ListedSuggestion[]> {
  if (orgIds.length === 0) return [];
  const rows = await tx.suggestion.findMany({
    where: { orgId: { in: [...orgIds] } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select,
  });
  const orgs = await tx.organization.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } }, select: { id: true, name: true } });
  const authors = await tx.person.findMany({ where: { id: { in: rows.flatMap((r) => (r.authorId === null ? [] : [r.authorId])) } }, select: { id: true, name: true } });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const authorName = new Map(authors.map((p) => [p.id, p.name]));
  return rows.map((r) => ({ ...opened(tx, r), orgName: orgName.get(r.orgId) ?? "?", authorName: r.authorId === null ? null : (authorName.get(r.authorId) ?? "?") }));
}

/** A member's own named suggestions, newest first (anonymous ones are linked to nobody). */
export async function namedSuggestionsOf(tx: Tx, authorId: number, limit = 10): Promise<SuggestionRow[]> {
  const rows = await tx.suggestion.findMany({ where: { authorId, anonymous: false }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select });
  return rows.map((r) => opened(tx, r));
}

export interface OpenSuggestion {
  id: number;
  number: string | null;
  orgId: number;
  orgName: string;
  kind: SuggestionKind;
  anonymous: boolean;
  authorId: number | null;
  createdAt: Date;
}

/** Open items not yet reminded of (the reminder job decides which are due). */
export async function openUnreminded(tx: Tx): Promise<OpenSuggestion[]> {
  const rows = await tx.suggestion.findMany({
    where: { status: "OPEN", remindedAt: null },
    select: { id: true, number: true, orgId: true, kind: true, anonymous: true, authorId: true, createdAt: true },
    orderBy: { id: "asc" },
  });
  const orgs = await tx.organization.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } }, select: { id: true, name: true } });
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({ ...r, orgName: orgName.get(r.orgId) ?? "?" }));
}

/** Stamps the reminder; returns the ids this call stamped (a second run stamps none). */
export async function markReminded(tx: Tx, ids: readonly number[], at: Date): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: number }[]>`
    UPDATE "Suggestion" SET "remindedAt" = ${at}, "updatedAt" = ${at}
    WHERE "id" = ANY(${[...ids]}::int[]) AND "remindedAt" IS NULL AND "status" = 'OPEN' RETURNING "id"`;
  return new Set(rows.map((r) => r.id));
}

/** The outbox keys of a suggestion's cards: each secretary's copy, the reminder, the author's answer. */
export const suggestionKeys = {
  secretaryPrefix: (id: number) => `suggestion-s-${id}-`,
  secretary: (id: number, personId: number) => `suggestion-s-${id}-${personId}`,
  // Under the secretaries' prefix, so an answer redraws the reminders too.
  reminder: (id: number, personId: number) => `suggestion-s-${id}-${personId}-reminder`,
  answer: (id: number) => `suggestion-a-${id}`,
};
