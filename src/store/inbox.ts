// The inbox: every Lark event is written here before the webhook answers 200, so it survives
// a crash or an emptied Redis. The primary key is the dedupe key, so Lark's retries of the same
// message or event insert nothing. Inserts from concurrent requests are combined into one
// statement per tick, which keeps the acknowledgement path to one round trip under load.
import type { Actor } from "../domain/roles.ts";
import { tickBatcher } from "../lib/tick-batcher.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { actorFromRows, actorQuery, type ActorRow } from "./actors.ts";
import type { SqlExecutor } from "./db.ts";
import type { Tx } from "./tx.ts";

interface Pending {
  key: string;
  eventType: string;
  payload: string;
  resolve: (isNew: boolean) => void;
  reject: (err: unknown) => void;
}

export class InboxWriter {
  private readonly push: (item: Pending) => void;

  constructor(
    private readonly sql: SqlExecutor,
    maxBatch = 200,
  ) {
    this.push = tickBatcher<Pending>((items) => this.flush(items), maxBatch);
  }

  /** Resolves true when the key is new (the event must be processed), false for a redelivery. */
  accept(key: string, eventType: string, payload: unknown): Promise<boolean> {
    return new Promise((resolve, reject) => this.push({ key, eventType, payload: JSON.stringify(payload), resolve, reject }));
  }

  private async flush(items: Pending[]): Promise<void> {
    // A key twice in one batch: only its first copy goes to the database.
    const first = new Map<string, Pending>();
    for (const it of items) if (!first.has(it.key)) first.set(it.key, it);
    const rows = [...first.values()];
    let fresh: Set<string>;
    try {
      fresh = await this.insert(rows);
    } catch (err) {
      if (rows.length === 1 || !refusedForItsData(err)) return void items.forEach((it) => it.reject(err));
      // One row PostgreSQL refuses fails the whole statement, and with it every delivery of the
      // burst (Lark would retry them all, and the bad one again and again). Written one by one,
      // in arrival order, only the rows that fail are refused; the others are acknowledged.
      fresh = new Set();
      const failed = new Map<string, unknown>();
      for (const row of rows) {
        try {
          for (const key of await this.insert([row])) fresh.add(key);
        } catch (rowErr) {
          failed.set(row.key, rowErr);
        }
      }
      for (const it of items) {
        if (failed.has(it.key)) it.reject(failed.get(it.key));
        else it.resolve(fresh.has(it.key) && first.get(it.key) === it);
      }
      return;
    }
    for (const it of items) it.resolve(fresh.has(it.key) && first.get(it.key) === it);
  }

  /** Inserts the rows that are new; returns their keys. */
  private async insert(rows: Pending[]): Promise<Set<string>> {
    const inserted = await this.sql.query<{ key: string }>(
      `INSERT INTO "InboundEvent" ("key", "eventType", "payload")
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
       ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
      [rows.map((r) => r.key), rows.map((r) => r.eventType), rows.map((r) => r.payload)],
    );
    return new Set(inserted.map((r) => r.key));
  }
}

/**
 * SQLSTATE class 22 (data exception: a NUL byte, a "\u0000" or lone-surrogate escape in jsonb)
 * or 54 (program limit: nesting past the stack depth). A lost connection is neither, and there
 * one statement per row would only fail more slowly.
 */
function refusedForItsData(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^(22|54)[0-9A-Z]{3}$/.test(code);
}

export async function pendingInboundKeys(sql: SqlExecutor, olderThan: Date, limit = 500): Promise<string[]> {
  const rows = await sql.query<{ key: string }>(
    `SELECT "key" FROM "InboundEvent" WHERE "status" = 'PENDING' AND "receivedAt" < $1 ORDER BY "receivedAt" LIMIT $2`,
    [olderThan, limit],
  );
  return rows.map((r) => r.key);
}

/**
 * A card click's first statement: records the click in the inbox (its key dedupes Lark's
 * retries and double clicks) and reads who clicked, in one round trip. Every click of every
 * card starts here, and while the click waits PostgreSQL holds nothing for it yet.
 * fresh: false for a click already recorded (nothing else may happen then).
 */
export async function claimClick(tx: Tx, click: { key: string; openId: string; payload: unknown; at: Date }): Promise<{ fresh: boolean; actor: Actor | null }> {
  const rows = await tx.$queryRaw<(ActorRow & { fresh: boolean })[]>`
    WITH ins AS (
      INSERT INTO "InboundEvent" ("key", "eventType", "payload", "status", "processedAt")
      VALUES (${click.key}, 'card.action.trigger', ${JSON.stringify(click.payload)}::jsonb, 'DONE', ${click.at})
      ON CONFLICT ("key") DO NOTHING
      RETURNING 1
    )
    ${actorQuery(click.openId, Prisma.sql`, EXISTS (SELECT 1 FROM ins) AS "fresh"`)}`;
  return { fresh: rows[0]?.fresh === true, actor: actorFromRows(click.openId, rows) };
}
