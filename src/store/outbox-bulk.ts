// Staging thousands of cards at once (the daily digests): the same rows stageOutgoing writes for
// a SEND to a person, in one INSERT … SELECT FROM jsonb_to_recordset(…) per chunk through the pg pool.
// Prisma's createMany spends milliseconds and tens of KB per 6 KB card on the way in; a
// sweep of 6,000 digests took 30 s and 600 MB that way, under a second and a few MB this way.
import type { Database, SqlExecutor } from "./db.ts";

export interface CardToPerson {
  key: string;
  openId: string;
  card: object;
}

const CHUNK = 200;

/** Returns the ids of the rows it created; a key already staged is skipped, as in stageOutgoing. */
export async function stageCardsBulk(sql: Pick<SqlExecutor, "query">, rows: CardToPerson[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    // One jsonb parameter (parsed once by PostgreSQL's JSON parser) rather than a jsonb[] array
    // literal: three times faster for cards of a few KB.
    const created = await sql.query<{ id: number }>(
      `INSERT INTO "OutboxMessage" ("idempotencyKey", "kind", "receiveIdType", "receiveId", "rateKey", "msgType", "content", "updatedAt")
       SELECT r.k, 'SEND', 'open_id', r.o, r.o, 'interactive', r.c, now() FROM jsonb_to_recordset($1::jsonb) AS r(k text, o text, c jsonb)
       ON CONFLICT ("idempotencyKey") DO NOTHING
       RETURNING "id"`,
      [JSON.stringify(chunk.map((r) => ({ k: r.key, o: r.openId, c: r.card })))],
    );
    ids.push(...created.map((r) => r.id));
  }
  return ids;
}

/** The keys among `keys` that are already in the outbox (a sweep run again skips building those cards). */
export async function stagedKeys(sql: SqlExecutor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await sql.query<{ key: string }>(`SELECT "idempotencyKey" AS key FROM "OutboxMessage" WHERE "idempotencyKey" = ANY($1::text[])`, [keys]);
  return new Set(rows.map((r) => r.key));
}

/**
 * Within the connection's transaction, new large values (cards) are compressed with lz4 where the
 * server has it. PostgreSQL's default (pglz) compressing 51,000 digests of 4 KB took about as long
 * as parsing and indexing them together: INSERT of those rows 10-12 s with pglz, 6-7 s with lz4
 * (load 6-8 on 2 cores). Rows read the same either way; only how they are stored differs.
 */
export async function compressWithLz4InTransaction(conn: Pick<SqlExecutor, "query">): Promise<void> {
  await conn.query(`SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`, []);
}

/** stageCardsBulk in a transaction of its own whose new cards are compressed with lz4 (above). */
export async function stageCardsBulkLz4(db: Database, rows: CardToPerson[]): Promise<number[]> {
  if (rows.length === 0) return [];
  if (db.kind === "pglite") return stageCardsBulk(db.sql, rows);
  return db.sql.withConnection(async (conn) => {
    await conn.exec("BEGIN");
    try {
      await compressWithLz4InTransaction(conn);
      const ids = await stageCardsBulk(conn, rows);
      await conn.exec("COMMIT");
      return ids;
    } catch (err) {
      await conn.exec("ROLLBACK").catch(() => undefined);
      throw err;
    }
  });
}
