// Where a store module finds the keyring that seals and opens its sensitive columns.
//
// The keyring is built from configuration in the composition root (main.ts, or startApp for a
// process it starts) and attached to the database's Prisma client. Every executor a statement
// runs on derives from that client: Prisma's interactive-transaction client reads unknown
// properties through to the client it came from, and storesFor attaches the transaction's keyring
// to the row reader it binds. So the keyring is handed down with the executor, not held in a
// module variable, and a store function opens a note with `sealer(tx).open("Talk.thinking", v)`.
// An executor without a keyring is an error at the first sealed column, never plain text.
import { Keyring, SealError } from "../lib/sealing.ts";
import type { Database, SqlExecutor } from "./db.ts";

const KEYRING = Symbol.for("tongxin.keyring");

type Carrier = object & { [KEYRING]?: Keyring };

/** Attaches the keyring to an executor (the Prisma client, the pool, a row reader). */
export function attachKeyring<E extends object>(executor: E, keyring: Keyring): E {
  Object.defineProperty(executor, KEYRING, { value: keyring, configurable: true, enumerable: false });
  return executor;
}

/** Attaches the keyring to a database's client and pool: every store bound on them seals. */
export function sealDatabase(db: Database, keyring: Keyring): Database {
  attachKeyring(db.prisma, keyring);
  attachKeyring(db.sql, keyring);
  return db;
}

export function hasKeyring(executor: object): boolean {
  return (executor as Carrier)[KEYRING] !== undefined;
}

/** The keyring an executor carries; throws when none was attached (configuration missing). */
export function sealer(executor: object): Keyring {
  const keyring = (executor as Carrier)[KEYRING];
  if (!keyring) {
    throw new SealError("没有配置数据密钥，敏感字段不能读写：请设置 DATA_KEYS 与 DATA_KEY_ID (no data key configured: set DATA_KEYS and DATA_KEY_ID)");
  }
  return keyring;
}

type Texts<K extends string> = { [F in K]?: string | null | undefined };

/** A copy of `row` with the named text fields of `model` sealed (absent and null stay as they are). */
export function sealFields<T extends Texts<K>, K extends string>(keys: Keyring, model: string, row: T, fields: readonly K[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const f of fields) {
    const v = row[f];
    if (typeof v === "string") out[f] = keys.seal(`${model}.${f}`, v);
  }
  return out as T;
}

/** A copy of `row` with the named text fields of `model` opened. */
export function openFields<T extends Texts<K>, K extends string>(keys: Keyring, model: string, row: T, fields: readonly K[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const f of fields) {
    const v = row[f];
    if (typeof v === "string") out[f] = keys.open(`${model}.${f}`, v);
  }
  return out as T;
}

/** Seals or opens a JSON value kept whole in a Json column (a revision's copy, a history line's changes). */
export function sealJson(keys: Keyring, column: string, value: unknown): string | null {
  return value === null || value === undefined ? null : keys.seal(column, JSON.stringify(value));
}

export function openJson<T = unknown>(keys: Keyring, column: string, stored: unknown): T | null {
  if (stored === null || stored === undefined) return null;
  // A Json value written before sealing is the object itself; a sealed one is a string.
  return typeof stored === "string" && stored.startsWith("enc1:") ? (JSON.parse(keys.open(column, stored)) as T) : (stored as T);
}

export const PROBE_TEXT = "同心 data key probe";

/**
 * Proves each configured key opens what it sealed: a key id with a probe row must open it (a
 * different key under the same id would silently make every value sealed before unreadable); a
 * key id without one gets its probe now. Returns the problems, each naming the key id.
 */
export async function checkKeyProbes(sql: Pick<SqlExecutor, "query">, keyring: Keyring): Promise<string[]> {
  const rows = await sql.query<{ keyId: string; probe: string }>(`SELECT "keyId", probe FROM "DataKeyProbe"`);
  const stored = new Map(rows.map((r) => [r.keyId, r.probe]));
  const problems: string[] = [];
  for (const keyId of keyring.keyIds) {
    const probe = stored.get(keyId);
    if (probe === undefined) continue;
    try {
      if (keyring.open("DataKeyProbe.probe", probe) !== PROBE_TEXT) throw new SealError("probe differs");
    } catch {
      problems.push(
        `数据密钥「${keyId}」与数据库中用它加密的数据不符：DATA_KEYS 中「${keyId}」的取值不对（应为最初使用的那个密钥）。(data key "${keyId}" does not open the values sealed with it: its value in DATA_KEYS is wrong)`,
      );
    }
  }
  if (problems.length === 0 && !stored.has(keyring.currentId)) {
    await sql.query(`INSERT INTO "DataKeyProbe" ("keyId", probe) VALUES ($1, $2) ON CONFLICT ("keyId") DO NOTHING`, [
      keyring.currentId,
      keyring.seal("DataKeyProbe.probe", PROBE_TEXT),
    ]);
  }
  return problems;
}

export type { Keyring };
