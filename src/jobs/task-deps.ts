// What every scheduled task receives. Its own file so the task modules and the schedule list
// that names them do not import each other.
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { Database } from "../store/db.ts";
import { viaSql } from "../store/rows.ts";
import { inTransaction, storesFor, type Stores } from "../store/stores.ts";
import type { Enqueuer } from "./enqueue.ts";

export interface TaskDeps {
  db: Database;
  /** The statements a task runs: on the client, set-based reads on the pool. */
  store: Stores;
  /**
   * Runs fn in one transaction, every statement of `store` bound to it: for a task whose writes
   * must commit together (a mark and the message that reports it). Inside, use only `store`:
   * on the embedded PGlite (one connection) a statement outside the transaction would wait for it.
   */
  inTransaction<T>(fn: (store: Stores) => Promise<T>, opts?: { timeout?: number; maxWait?: number }): Promise<T>;
  enqueue: Enqueuer;
  clock: Clock;
  log: Logger;
  config: Config;
}

export function taskDeps(d: Omit<TaskDeps, "store" | "inTransaction">): TaskDeps {
  return {
    ...d,
    store: storesFor(d.db.prisma, viaSql(d.db.sql)),
    inTransaction: (fn, opts) => inTransaction(d.db.prisma, fn, opts),
  };
}
