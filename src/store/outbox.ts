// Outgoing messages are rows first, deliveries second: a handler stages messages inside its
// own transaction, and only after commit are they handed to the delivery queue. A message
// whose key already exists is not staged again (a re-run sweep or a retried handler).
//
// The router writes a handler's audit lines and its messages in one statement at the end of
// the transaction (stageWrites). Plain SQL over jsonb_to_recordset: Prisma's createMany spent
// about 2.5 ms of CPU on three cards and its create 1.4 ms on one audit line, on the card-click
// path that every approval takes.
import type { Lang, Text } from "../domain/text.ts";
import { Prisma, type OutboxMessage } from "../generated/prisma/client.ts";
import { auditInsert, type AuditEntry } from "./audit.ts";
import type { SqlExecutor } from "./db.ts";
import { commitAlong } from "./plain-tx.ts";
import type { Tx } from "./tx.ts";

/**
 * `text` is a Text (both sides, one chosen at delivery); a bare string is sent as it is, for the
 * rare text that reads the same in either language. `lang`, when the producer knows the reader's language (a reply to the person who wrote), is
 * the language the message is drawn in; else the delivery resolves it from the recipient.
 */
export type NewOutgoing = (
  | { kind: "SEND"; to: { openId: string } | { chatId: string } | SealedRecipient; card?: object; text?: Text | string; file?: StagedFile; key: string }
  | { kind: "REPLY"; messageId: string; chatId: string; card?: object; text?: Text | string; file?: StagedFile; key: string }
  /** chatId, when known, lets the patch share the chat's quota; else the message's own. */
  | { kind: "PATCH"; messageId: string; chatId?: string | undefined; card: object; key: string }
) & { lang?: Lang | undefined };

/**
 * A recipient nobody may read from the row: an anonymous suggestion's author (suggestions.ts).
 * `sealed` is their address as sealed for Suggestion.replyTo; the delivery opens it just before
 * calling Lark, and the row is blanked once sent (markSentSealed). The row's rateKey is a
 * constant and its lang empty, so neither says who it is.
 */
export type SealedRecipient = { sealed: string };
export const SEALED_OPEN_ID = "sealed_open_id";
const SEALED_RATE_KEY = "anon";

/**
 * A file message: the ExportFile row (export-files.ts) whose bytes the delivery worker uploads
 * once and sends as msg_type "file" (content `{export_file_id}` until then).
 */
export type StagedFile = { exportFileId: number };

/** An outbox row as the statement reads it from JSON (short names keep the parameter small). */
interface OutboxJson {
  k: string;
  kind: "SEND" | "REPLY" | "PATCH";
  rit: string | null;
  rid: string | null;
  tmid: string | null;
  rk: string;
  mt: string;
  c: object;
  l: Lang | null;
}

/**
 * A text message's content as staged: both sides until delivery, where cards/localise.ts keeps
 * the reader's (`{text}` is all Lark's text message takes).
 */
function stagedText(text: Text): { text: string; i18n: { en_us: string } } {
  return { text: text.zh, i18n: { en_us: text.en } };
}

function body(m: { card?: object; text?: Text | string; file?: StagedFile; lang?: Lang | undefined }): { mt: string; c: object; l: Lang | null } {
  const l = m.lang ?? null;
  if (m.card) return { mt: "interactive", c: m.card, l };
  if (m.file) return { mt: "file", c: { export_file_id: m.file.exportFileId }, l };
  return { mt: "text", c: typeof m.text === "object" ? stagedText(m.text) : { text: m.text ?? "" }, l };
}

function row(m: NewOutgoing): OutboxJson {
  if (m.kind === "SEND") {
    const to = m.to;
    if ("sealed" in to) return { k: m.key, kind: "SEND", rit: SEALED_OPEN_ID, rid: to.sealed, tmid: null, rk: SEALED_RATE_KEY, ...body({ ...m, lang: undefined }) };
    const id = "chatId" in to ? to.chatId : to.openId;
    return { k: m.key, kind: "SEND", rit: "chatId" in to ? "chat_id" : "open_id", rid: id, tmid: null, rk: id, ...body(m) };
  }
  if (m.kind === "REPLY") return { k: m.key, kind: "REPLY", rit: null, rid: null, tmid: m.messageId, rk: m.chatId, ...body(m) };
  return { k: m.key, kind: "PATCH", rit: null, rid: null, tmid: m.messageId, rk: m.chatId ?? m.messageId, ...body(m) };
}

/**
 * Writes audit lines and stages messages in one statement; returns the ids of the outbox rows
 * it created (none for keys that existed), ascending: a function scan yields the array in
 * order, so ids follow the order the messages were staged in.
 */
export async function stageWrites(tx: Tx, w: { audits?: AuditEntry[]; messages?: NewOutgoing[] }): Promise<number[]> {
  const audits = w.audits ?? [];
  const messages = w.messages ?? [];
  if (audits.length === 0 && messages.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH a AS (${auditInsert(audits)}), o AS (
      INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "targetMessageId", "rateKey", "msgType", "content", "lang", "updatedAt")
      SELECT r.k, r.kind::"OutboxKind", r.rit, r.rid, r.tmid, r.rk, r.mt, r.c, r.l::"Language", now()
      FROM jsonb_to_recordset(${JSON.stringify(messages.map(row))}::jsonb) AS r(k text, kind text, rit text, rid text, tmid text, rk text, mt text, c jsonb, l text)
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING "id"
    )
    SELECT "id" FROM o ORDER BY "id"`;
  return rows.map((r) => r.id);
}

/** A write to a row many transactions contend for (a fund's balance): one UPDATE … RETURNING, not yet run. */
export type HotWrite = Prisma.Sql;

/**
 * stageWrites with a hot row's write first, in the same statement: the row is locked (and the
 * audit chain's head after it, the order every other writer of both takes) for this one
 * statement and the commit, with no round trip of the handler's in between. The audit lines and
 * messages are joined to the hot write's count, so PostgreSQL runs it first. Returns the outbox
 * ids, as stageWrites, and how many rows the hot write changed (0: the caller refuses, and the
 * transaction, these rows with it, is rolled back).
 *
 * `commit`: on a plain-pg transaction the COMMIT goes out with the statement (plain-tx.ts
 * commitAlong), so the hot rows are released by PostgreSQL itself, not after a round trip back to
 * the handler's process (which, under a burst of clicks, is busy with the others). The statement
 * then fails when the hot write changed nothing, so that COMMIT rolls everything back: PostgreSQL
 * has no RAISE outside PL/pgSQL, and a division by the count is how plain SQL fails on a value.
 * Returns `committed` when it committed.
 */
export async function stageWritesAfter(tx: Tx, hot: HotWrite, w: { audits?: AuditEntry[]; messages?: NewOutgoing[] }, opts: { commit?: boolean } = {}): Promise<{ ids: number[]; changed: number; committed: boolean }> {
  const after = Prisma.sql`CROSS JOIN hc`;
  const committing = opts.commit ? commitAlong(tx) : undefined;
  const q = Prisma.sql`
    WITH h AS (${hot}), hc AS (SELECT count(*)::int AS "changed" FROM h),
    a AS (${auditInsert(w.audits ?? [], after)}), o AS (
      INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "targetMessageId", "rateKey", "msgType", "content", "lang", "updatedAt")
      SELECT r.k, r.kind::"OutboxKind", r.rit, r.rid, r.tmid, r.rk, r.mt, r.c, r.l::"Language", now()
      FROM jsonb_to_recordset(${JSON.stringify((w.messages ?? []).map(row))}::jsonb) AS r(k text, kind text, rit text, rid text, tmid text, rk text, mt text, c jsonb, l text) ${after}
      ON CONFLICT ("idempotencyKey") DO NOTHING
      RETURNING "id"
    )
    SELECT o."id", hc."changed" ${committing ? Prisma.sql`, 1 / hc."changed" AS "refusedUnlessChanged"` : Prisma.empty} FROM hc LEFT JOIN o ON true ORDER BY o."id"`;
  type Row = { id: number | null; changed: number };
  const outcome = (rows: Row[], committed: boolean) => ({ ids: rows.flatMap((r) => (r.id === null ? [] : [r.id])), changed: rows[0]?.changed ?? 0, committed });
  if (!committing) return outcome(await tx.$queryRaw<Row[]>(q), false);
  try {
    return outcome((await committing(q)) as Row[], true);
  } catch (err) {
    // division_by_zero: the hot write changed nothing, and everything was rolled back.
    if ((err as { code?: unknown }).code === "22012") return { ids: [], changed: 0, committed: false };
    throw err;
  }
}

/** Returns the ids of the rows it created (none when every key existed). */
export async function stageOutgoing(tx: Tx, messages: NewOutgoing[]): Promise<number[]> {
  return stageWrites(tx, { messages });
}

/** Which of these keys are staged already (sent or not): a sweep run again skips building those cards. */
export async function existingKeys(tx: Tx, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.outboxMessage.findMany({ where: { idempotencyKey: { in: keys } }, select: { idempotencyKey: true } });
  return new Set(rows.map((r) => r.idempotencyKey));
}

/** A copy of a card sent earlier (found by its key prefix): patched once sent, rewritten while waiting. */
export interface CardCopy {
  id: number;
  larkMessageId: string | null;
  status: "PENDING" | "SENT" | "FAILED";
}

/** The copies of a card sent to several people, by their keys' common prefix, oldest first. */
export async function copiesByKeyPrefix(tx: Tx, keyPrefix: string): Promise<CardCopy[]> {
  return tx.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: keyPrefix }, kind: "SEND" }, select: { id: true, larkMessageId: true, status: true }, orderBy: { id: "asc" } });
}

/**
 * Gives copies still waiting in the outbox new content, so they go out already current. Returns
 * the copies that stopped waiting since the caller looked (the worker recorded them sent in
 * between, with the old content and no resync): the caller patches those instead.
 */
export async function rewriteWaiting(tx: Tx, ids: readonly number[], content: object): Promise<CardCopy[]> {
  if (ids.length === 0) return [];
  // An UPDATE waits for a concurrent markSent and then re-checks the status on the row it wrote.
  const rewritten = await tx.$queryRaw<{ id: number }[]>`
    UPDATE "OutboxMessage" SET "content" = ${JSON.stringify(content)}::jsonb, "updatedAt" = now()
     WHERE "id" = ANY(${[...ids]}::int[]) AND "status" = 'PENDING'
    RETURNING "id"`;
  if (rewritten.length === ids.length) return [];
  const done = new Set(rewritten.map((r) => r.id));
  // Plain SQL, as the rewrite: the approval click runs on a plain-pg transaction (plain-tx.ts).
  return tx.$queryRaw<CardCopy[]>`
    SELECT "id", "larkMessageId", "status"::text AS "status" FROM "OutboxMessage"
     WHERE "id" = ANY(${ids.filter((id) => !done.has(id))}::int[]) AND "status" = 'SENT' ORDER BY "id"`;
}

// The delivery worker's side: read a row, then record that it was sent or that one attempt failed.

export type OutboxRow = OutboxMessage;

export async function outboxRow(tx: Tx, id: number): Promise<OutboxRow | null> {
  const rows = await tx.$queryRaw<OutboxRow[]>`SELECT * FROM "OutboxMessage" WHERE "id" = ${id}`;
  return rows[0] ?? null;
}

/**
 * Lark took the message: the row is SENT, with the message id a later PATCH needs and the
 * language it was drawn in (a patch of it is drawn in the same one).
 */
export async function markSent(tx: Tx, id: number, sent: { larkMessageId: string | null; at: Date; lang: Lang }): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxMessage" SET "status" = 'SENT', "larkMessageId" = ${sent.larkMessageId}, "sentAt" = ${sent.at}, "lang" = ${sent.lang}::"Language", "lastError" = NULL, "updatedAt" = ${sent.at}
     WHERE "id" = ${id}`;
}

/**
 * After a card went out: if its row was rewritten while the send was in flight (a click redrew
 * the waiting copies after the worker had taken this one), the card Lark shows is the older one.
 * Stages a patch of it with the row's current content and returns its id; null when nothing changed.
 */
export async function resyncSentCard(tx: Tx, row: Pick<OutboxRow, "id" | "idempotencyKey" | "rateKey" | "lang">, sent: { content: unknown; larkMessageId: string; attempt: number }): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "targetMessageId", "rateKey", "msgType", "content", "lang", "updatedAt")
    SELECT ${`${row.idempotencyKey}:resync-${sent.attempt}`}, 'PATCH', ${sent.larkMessageId}, ${row.rateKey}, 'interactive', o."content", o."lang", now()
      FROM "OutboxMessage" o WHERE o."id" = ${row.id} AND o."content" IS DISTINCT FROM ${JSON.stringify(sent.content)}::jsonb
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/**
 * A message to a sealed recipient went out: SENT, and everything that could lead back to them
 * blanked (the sealed address, the content, Lark's message id, the language it was drawn in).
 */
export async function markSentSealed(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxMessage" SET "status" = 'SENT', "receiveId" = NULL, "content" = '{}'::jsonb, "larkMessageId" = NULL, "lang" = NULL, "sentAt" = ${at}, "lastError" = NULL, "updatedAt" = ${at}
     WHERE "id" = ${id}`;
}

/**
 * The language a row is drawn in at delivery: the producer's, else the recipient person's for a
 * message to an open_id, else the language the patched message went out in (its SEND or REPLY
 * row, found by Lark's message id), else Chinese (group chats, people not in the roster).
 * One round trip: it runs before every delivery.
 */
export async function deliveryLang(tx: Tx, row: Pick<OutboxRow, "lang" | "kind" | "receiveIdType" | "receiveId" | "targetMessageId">): Promise<Lang> {
  if (row.lang) return row.lang;
  if (row.kind === "SEND" && row.receiveIdType === "open_id" && row.receiveId) {
    const p = await tx.$queryRaw<{ language: Lang }[]>`SELECT "language" FROM "Person" WHERE "larkOpenId" = ${row.receiveId}`;
    return p[0]?.language ?? "ZH";
  }
  if (row.kind === "PATCH" && row.targetMessageId) {
    const drawn = await tx.$queryRaw<{ lang: Lang | null }[]>`
      SELECT "lang" FROM "OutboxMessage" WHERE "larkMessageId" = ${row.targetMessageId} AND "kind" <> 'PATCH' ORDER BY "id" LIMIT 1`;
    return drawn[0]?.lang ?? "ZH";
  }
  return "ZH";
}

/**
 * Written just before a row is handed to Lark, so that a crash during the call leaves a trace:
 * `attempts` counts the calls, and while the row is PENDING `sentAt` holds the time of the
 * first one (the start of Lark's one-hour uuid window; markSent replaces it with the time Lark
 * took the message). False when the row is no longer PENDING.
 */
export async function markAttempting(tx: Tx, id: number, at: Date): Promise<{ attempts: number; firstAttemptAt: Date; content: unknown } | null> {
  // The content is read here, with the attempt, not from the row read earlier: a click may have
  // rewritten a waiting copy in between (rewriteWaiting), and the newest is what goes out.
  const rows = await tx.$queryRaw<{ attempts: number; firstAttemptAt: Date; content: unknown }[]>`
    UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "sentAt" = coalesce("sentAt", ${at}), "updatedAt" = ${at}
     WHERE "id" = ${id} AND "status" = 'PENDING'
    RETURNING "attempts", "sentAt" AS "firstAttemptAt", "content"`;
  return rows[0] ?? null;
}

/**
 * One attempt failed, and why; a terminal failure leaves the row FAILED (kept, never dropped).
 * `refusedAttemptAt`: Lark answered that attempt and created nothing (a refused token, a rate
 * limit), so its uuid is unspent. When it was the first unanswered attempt (`sentAt` is its time),
 * `sentAt` is cleared: the uuid window that fateUnknown measures starts at the next attempt, and a
 * message refused for an hour is still sent rather than failed as possibly delivered.
 */
export async function markAttemptFailed(tx: Tx, id: number, f: { error: string; terminal: boolean; refusedAttemptAt?: Date }): Promise<void> {
  const refusedAt = f.refusedAttemptAt ?? null;
  await tx.$executeRaw`
    UPDATE "OutboxMessage" SET "lastError" = ${f.error}, "status" = CASE WHEN ${f.terminal} THEN 'FAILED'::"OutboxStatus" ELSE "status" END,
           "sentAt" = CASE WHEN "status" = 'PENDING' AND "sentAt" = ${refusedAt}::timestamp(3) THEN NULL ELSE "sentAt" END, "updatedAt" = now()
     WHERE "id" = ${id}`;
}

/**
 * A row handed to Lark before whose outcome never came back, past Lark's uuid window: sending it
 * again could deliver it twice, so it is FAILED with the reason and left for a person to judge.
 * Only a still-PENDING row changes; false when another worker got there first.
 */
export async function markFateUnknown(tx: Tx, id: number, reason: string): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE "OutboxMessage" SET "status" = 'FAILED', "lastError" = ${reason}, "updatedAt" = now() WHERE "id" = ${id} AND "status" = 'PENDING'`;
  return n === 1;
}

/**
 * Rows still PENDING since before `olderThan`, oldest first: the recovery sweep hands them to the
 * delivery queue again. On the pool, like inbox.pendingInboundKeys: the sweep runs in no transaction.
 */
export async function pendingOutboxIds(sql: SqlExecutor, olderThan: Date, limit = 1000): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(`SELECT "id" FROM "OutboxMessage" WHERE "status" = 'PENDING' AND "createdAt" < $1 ORDER BY "id" LIMIT $2`, [olderThan, limit]);
  return rows.map((r) => r.id);
}
