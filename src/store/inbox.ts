// The inbox: every Lark event is written here before the webhook answers 200, so it survives
// a crash or an emptied Redis. The primary key is the dedupe key, so Lark's retries of the same
// message or event insert nothing. Inserts from concurrent requests are combined into one
// statement per tick, which keeps the acknowledgement path to one round trip under load.
import type { SqlExecutor } from "./db.ts";

interface Pending {
  key: string;
  eventType: string;
  payload: string;
  resolve: (isNew: boolean) => void;
  reject: (err: unknown) => void;
}

export class InboxWriter {
  private batch: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly maxBatch = 200,
  ) {}

  /** Resolves true when the key is new (the event must be processed), false for a redelivery. */
  accept(key: string, eventType: string, payload: unknown): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.batch.push({ key, eventType, payload: JSON.stringify(payload), resolve, reject });
      if (this.batch.length >= this.maxBatch) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const items = this.batch;
    this.batch = [];
    if (items.length === 0) return;
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
      for (const it of items) {
        const isNew = fresh.has(it.key) && first.get(it.key) === it;
        it.resolve(isNew);
      }
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
