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
    try {
      const inserted = await this.sql.query<{ key: string }>(
        `INSERT INTO "InboundEvent" ("key", "eventType", "payload")
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])
         ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
        [rows.map((r) => r.key), rows.map((r) => r.eventType), rows.map((r) => r.payload)],
      );
      const fresh = new Set(inserted.map((r) => r.key));
      for (const it of items) it.resolve(fresh.has(it.key) && first.get(it.key) === it);
    } catch (err) {
      for (const it of items) it.reject(err);
    }
  }
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
