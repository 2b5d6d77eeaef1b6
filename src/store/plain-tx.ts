// A transaction on a plain `pg` connection, for the card clicks whose every statement is plain
// SQL (the approval click, issue 17). Prisma's interactive transaction costs CPU on each
// statement for its query interpreter and driver-adapter layers: profiled under 20 concurrent
// approvals, about a fifth of the web role's CPU. Here each statement goes straight to pg.
//
// The executor is a Tx, so the same store functions run on it unchanged: `$queryRaw` and
// `$executeRaw` (tagged or Prisma.Sql) and their Unsafe forms, with Prisma's result types (int8
// as bigint, timestamps as UTC). A Prisma model call on it is a programming error and throws,
// naming the model: an action that needs one does not declare plainSql (context.ts).
import pg from "pg";
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

type Connection = Pick<pg.PoolClient, "query">;

// Prisma stores DateTime as `timestamp(3)` read and written as UTC; pg would use the process's zone.
const utcTimestamp = (v: string) => new Date(`${v.replace(" ", "T")}Z`);
const utcDate = (v: string) => new Date(`${v}T00:00:00Z`);
const PARSERS: Record<number, (v: string) => unknown> = {
  20: (v) => BigInt(v), // int8: Prisma's raw queries return bigint
  1700: (v) => new Prisma.Decimal(v), // numeric
  1082: utcDate, // date
  1114: utcTimestamp, // timestamp without time zone
  1184: (v) => new Date(v), // timestamptz
};
const types = {
  getTypeParser: ((oid: number, format?: string) => (format !== "binary" && PARSERS[oid]) || pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/** A Date as an instant in UTC (ISO 8601 with Z), for timestamp and timestamptz alike. */
function param(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(param);
  return v;
}

function statement(q: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return Array.isArray(q) ? Prisma.sql(q as TemplateStringsArray, ...values) : (q as Prisma.Sql);
}

// The names a model delegate has on the client (tx.aidRequest, tx.outboxMessage …).
const MODELS: ReadonlySet<string> = new Set(Object.values(Prisma.ModelName).map((m) => m[0]!.toLowerCase() + m.slice(1)));

/**
 * The Tx over one connection already inside a transaction. Symbol-keyed properties (the keyring,
 * sealing.ts) are read through to `carrier`, the database's executor, as Prisma's transaction
 * client reads them through to the client it came from.
 */
export function plainTx(conn: Connection, carrier: object = {}): Tx {
  const run = (text: string, values: unknown[]) => conn.query({ text, values: values.map(param), types });
  const raw = {
    async $queryRaw(q: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const s = statement(q, values);
      return (await run(s.text, s.values)).rows;
    },
    async $executeRaw(q: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const s = statement(q, values);
      return (await run(s.text, s.values)).rowCount ?? 0;
    },
    async $queryRawUnsafe(text: string, ...values: unknown[]) {
      return (await run(text, values)).rows;
    },
    async $executeRawUnsafe(text: string, ...values: unknown[]) {
      return (await run(text, values)).rowCount ?? 0;
    },
  };
  return new Proxy(raw, {
    get(target, name, receiver) {
      if (typeof name === "symbol") return Reflect.get(carrier, name);
      if (MODELS.has(name)) throw new Error(`tx.${name}: a plain-SQL transaction runs raw statements only (an action that needs Prisma's models must not declare plainSql)`);
      return Reflect.get(target, name, receiver);
    },
  }) as unknown as Tx;
}

/** What pipelining the first statement needs of a pg client: its mode, and its socket, which pg's own queries cork the same way. */
type PipelinedClient = pg.PoolClient & { pipeline?: boolean; connection?: { stream?: { cork?(): void; uncork?(): void } } };

/**
 * Runs fn in a transaction on one connection of the pool, with the keyring `carrier` holds (the
 * database's executor, sealing.ts) read at each use. Committed when fn resolves, rolled back
 * when it throws.
 */
export async function inPlainTransaction<T>(pool: pg.Pool, carrier: object, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const conn = (await pool.connect()) as PipelinedClient;
  const tx = plainTx(conn, carrier);
  let broken: Error | undefined;
  // BEGIN goes out with the transaction's first statement (the click's claim, which fn sends
  // before it first waits), in one write and one round trip: for this transaction the client is
  // in pg's pipeline mode (a query is sent without waiting for the one before), and its socket is
  // corked while both are written. A round trip is a write, a read and a wake-up of each side,
  // the largest part of a click's CPU (profiled).
  conn.pipeline = true;
  const socket = conn.connection?.stream;
  try {
    socket?.cork?.();
    let begun: Promise<unknown>, running: Promise<T>;
    try {
      // Prisma's interactive transactions end after 5 s; a handler that stalls here must not
      // hold a fund's row lock longer either.
      begun = conn.query("BEGIN; SET LOCAL idle_in_transaction_session_timeout = '5s'");
      running = fn(tx);
    } finally {
      socket?.uncork?.();
    }
    const [, out] = await Promise.all([begun, running]);
    await conn.query("COMMIT");
    return out;
  } catch (err) {
    await conn.query("ROLLBACK").catch((e: Error) => void (broken = e));
    throw err;
  } finally {
    conn.pipeline = false;
    // A connection that could not even roll back is discarded, not handed to the next click.
    conn.release(broken);
  }
}
