// What the year-of-rows bench checks besides its timings: the sizes of the inbox and outbox and
// their indexes, that every key survives the prune (rows counted, the unique indexes that dedupe
// retries and re-runs still valid), and that a year-old key still does its work: Lark
// redelivering a message event from a year ago is acknowledged and written nowhere, and a re-run
// of a year-old digest stages nothing.
import { createHash } from "node:crypto";
import { buildEnvelope, buildSignedRequest } from "../src/double/index.ts";
import type { Database, SqlExecutor } from "../src/store/db.ts";
import { stageOutgoing } from "../src/store/outbox.ts";
import { BENCH_LARK } from "./webhook-fixtures.ts";

const TABLES = ["InboundEvent", "OutboxMessage"] as const;

export interface Sizes {
  /** MB of each table: heap (with TOAST) and all its indexes. */
  [table: string]: { heapMb: number; indexesMb: number; totalMb: number };
}

export async function tableSizes(sql: SqlExecutor): Promise<Sizes> {
  const rows = await sql.query<{ t: string; total: string; idx: string }>(
    `SELECT t, pg_total_relation_size(format('%I', t)) AS total, pg_indexes_size(format('%I', t)) AS idx FROM unnest($1::text[]) t`,
    [[...TABLES]],
  );
  const mb = (b: string) => Math.round(Number(b) / 2 ** 20);
  return Object.fromEntries(rows.map((r) => [r.t, { heapMb: mb(r.total) - mb(r.idx), indexesMb: mb(r.idx), totalMb: mb(r.total) }]));
}

export const sizesLine = (s: Sizes) => TABLES.map((t) => `${t} ${s[t]!.totalMb} MB (indexes ${s[t]!.indexesMb})`).join(", ");

export async function rowCounts(sql: SqlExecutor): Promise<{ inbound: number; outbox: number }> {
  const [r] = await sql.query<{ inbound: number; outbox: number }>(
    `SELECT (SELECT count(*) FROM "InboundEvent")::int AS inbound, (SELECT count(*) FROM "OutboxMessage")::int AS outbox`,
  );
  return r!;
}

/** The unique indexes on the keys exist, are unique and valid (a rebuild or a partitioning would show here). */
export async function keyIndexesIntact(sql: SqlExecutor): Promise<string[]> {
  const want = ["InboundEvent_pkey", "OutboxMessage_idempotencyKey_key"];
  const rows = await sql.query<{ name: string; ok: boolean }>(
    `SELECT c.relname AS name, (i.indisunique AND i.indisvalid AND i.indisready AND i.indislive) AS ok
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ANY($1::text[])`,
    [want],
  );
  return want.filter((w) => !rows.some((r) => r.name === w && r.ok));
}

/** The seed's first message event (row 0 is a message: i % 10 < 8), as year-of-rows-seed.ts names it. */
export function yearOldMessageId(): string {
  return `om_${createHash("md5").update("in0").digest("hex")}`;
}

/** Lark redelivering that message, signed and encrypted as the webhook bench's deliveries are. */
export function redelivery(messageId: string): { body: string; headers: Record<string, string> } {
  const ctx = { appId: BENCH_LARK.appId, tenantKey: "tenant_bench", verificationToken: BENCH_LARK.verificationToken, now: Date.now };
  return buildSignedRequest(
    buildEnvelope(ctx, "im.message.receive_v1", {
      sender: { sender_id: { open_id: "ou_bench_0", union_id: "on_x", user_id: "u_x" }, sender_type: "user" },
      message: { message_id: messageId, chat_id: "oc_p2p_bench_0", chat_type: "p2p", message_type: "text", content: JSON.stringify({ text: "帮助" }), create_time: String(Date.now()) },
    }),
    { encryptKey: BENCH_LARK.encryptKey },
  );
}

export async function inboxRow(sql: SqlExecutor, key: string): Promise<{ status: string; payload: unknown; receivedAt: Date; prunedAt: Date | null } | undefined> {
  const [r] = await sql.query<{ status: string; payload: unknown; receivedAt: Date; prunedAt: Date | null }>(
    `SELECT "status", "payload", "receivedAt", "prunedAt" FROM "InboundEvent" WHERE "key" = $1`,
    [key],
  );
  return r;
}

/**
 * A digest staged again under the key of the year's first one (pruned long ago): the ids staged,
 * which must be none, and the key's age in days.
 */
export async function restageYearOldDigest(db: Database): Promise<{ key: string; ageDays: number; staged: number[] }> {
  const [row] = await db.sql.query<{ key: string; createdAt: Date; prunedAt: Date | null }>(
    `SELECT "idempotencyKey" AS key, "createdAt", "prunedAt" FROM "OutboxMessage" WHERE "idempotencyKey" LIKE 'talk-digest-%' ORDER BY "id" LIMIT 1`,
  );
  if (!row?.prunedAt) throw new Error("the seeded year's first digest is missing or was never pruned");
  const staged = await db.prisma.$transaction((tx) =>
    stageOutgoing(tx, [{ kind: "SEND", to: { openId: "ou_bench_secretary" }, card: { schema: "2.0", body: { elements: [] } }, key: row.key }]),
  );
  return { key: row.key, ageDays: Math.round((Date.now() - row.createdAt.getTime()) / 86_400_000), staged };
}
