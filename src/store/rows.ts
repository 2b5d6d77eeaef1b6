// The two executors a set-based statement runs on: the pool (sweeps and reports, outside any
// transaction) or a handler's transaction. A store function that takes Rows runs on either.
import type { SqlExecutor } from "./db.ts";
import type { Tx } from "./tx.ts";

/** Runs one parameterised statement; the sweep uses the pool, card actions their transaction. */
export type Rows = <R>(text: string, params: unknown[]) => Promise<R[]>;
export const viaSql =
  (sql: SqlExecutor): Rows =>
  <R,>(text: string, params: unknown[]) =>
    sql.query<R>(text, params);
export const viaTx =
  (tx: Tx): Rows =>
  <R,>(text: string, params: unknown[]) =>
    tx.$queryRawUnsafe<R[]>(text, ...params);

