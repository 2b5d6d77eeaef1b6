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

/** What pipelining needs of a pg client: its mode, and its socket, which pg's own queries cork the same way. */
type PipelinedClient = Connection & { pipeline?: boolean; connection?: { stream?: { cork?(): void; uncork?(): void } } };

/** Writes what `send` queues in one write: pipelined queries then travel together. */
function together<T>(conn: PipelinedClient, send: () => T): T {
  const socket = conn.connection?.stream;
  socket?.cork?.();
  try {
    return send();
  } finally {
    socket?.uncork?.();
  }
}

const COMMIT_ALONG = Symbol("commitAlong");
type CommitAlong = (q: Prisma.Sql) => Promise<unknown[]>;

/**
 * On a plain-pg transaction: runs q and commits in the same round trip, and returns q's rows;
 * when q fails, the COMMIT sent with it rolls everything back and q's error is thrown. Statements
 * after it run outside any transaction. Undefined on other executors (Prisma's transaction).
 */
export function commitAlong(tx: Tx): CommitAlong | undefined {
  return (tx as unknown as { [COMMIT_ALONG]?: CommitAlong })[COMMIT_ALONG];
}

/**
 * The Tx over one connection already inside a transaction, or (state null) over the pool, each
 * statement its own transaction, where there is nothing to commit along. Symbol-keyed properties
 * (the keyring, sealing.ts) are read through to `carrier`, the database's executor, as Prisma's
 * transaction client reads them through to the client it came from. `state.open` turns false
 * once commitAlong has ended the transaction.
 */
export function plainTx(conn: PipelinedClient, carrier: object = {}, state: { open: boolean } | null = { open: true }): Tx {
  const run = (text: string, values: unknown[]) => conn.query({ text, values: values.map(param), types });
  const raw = {
    async [COMMIT_ALONG](q: Prisma.Sql) {
      const [result, commit] = together(conn, () => [run(q.text, q.values), conn.query("COMMIT")] as const);
      if (state) state.open = false;
      const [r, c] = await Promise.allSettled([result, commit]);
      if (r.status === "rejected") throw r.reason;
      if (c.status === "rejected") throw c.reason;
      return r.value.rows;
    },
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
      if (name === COMMIT_ALONG) return state ? target[COMMIT_ALONG] : undefined;
      if (typeof name === "symbol") return Reflect.get(carrier, name);
      if (MODELS.has(name)) throw new Error(`tx.${name}: a plain-SQL transaction runs raw statements only (an action that needs Prisma's models must not declare plainSql)`);
      return Reflect.get(target, name, receiver);
    },
  }) as unknown as Tx;
}

/**
 * Runs fn in a transaction on one connection of the pool, with the keyring `carrier` holds (the
 * database's executor, sealing.ts) read at each use. Committed when fn resolves (unless fn
 * committed with its last statement, commitAlong), rolled back when it throws.
 */
export async function inPlainTransaction<T>(pool: pg.Pool, carrier: object, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const conn = (await pool.connect()) as pg.PoolClient & PipelinedClient;
  const state = { open: true };
  const tx = plainTx(conn, carrier, state);
  let broken: Error | undefined;
  // BEGIN goes out with the transaction's first statement (the click's claim, which fn sends
  // before it first waits), in one write and one round trip: for this transaction the client is
  // in pg's pipeline mode (a query is sent without waiting for the one before), and its socket is
  // corked while both are written. A round trip is a write, a read and a wake-up of each side,
  // the largest part of a click's CPU (profiled).
  conn.pipeline = true;
  try {
    const [begun, running] = together(conn, () => {
      // Prisma's interactive transactions end after 5 s; a handler that stalls here must not
      // hold a fund's row lock longer either.
      const begin = conn.query("BEGIN; SET LOCAL idle_in_transaction_session_timeout = '5s'");
      return [begin, fn(tx)] as const;
    });
    const [, out] = await Promise.all([begun, running]);
    if (state.open) await conn.query("COMMIT");
    return out;
  } catch (err) {
    // After commitAlong there is nothing left to roll back (PostgreSQL only warns).
    await conn.query("ROLLBACK").catch((e: Error) => void (broken = e));
    throw err;
  } finally {
    conn.pipeline = false;
    // A connection that could not even roll back is discarded, not handed to the next click.
    conn.release(broken);
  }
}
