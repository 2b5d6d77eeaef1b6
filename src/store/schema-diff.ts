// Makes migration SQL with Prisma's own schema engine, compiled to WASM, because the native
// engine cannot be downloaded here. Development tooling only (scripts/migrate-*.ts and tests):
// @prisma/schema-engine-wasm is a devDependency, so nothing the app runs may import this file.
//
// Only schema-to-schema diffs are used: the engine's database-backed paths (db push, shadow
// database replays) fail through driver adapters. So each migration folder keeps a copy of the
// schema it migrates to (SNAPSHOT_FILE), and the next migration is the diff from that copy.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import { listMigrations, MIGRATIONS_DIR, PROJECT_ROOT } from "./migrate.ts";

export const SCHEMA_PATH = join(PROJECT_ROOT, "prisma", "schema.prisma");

/**
 * The schema a migration migrates to, stored beside its migration.sql. Not named *.prisma on
 * purpose: Prisma tooling that loads a schema folder (multi-file schemas, the editor's language
 * server) collects every .prisma file below prisma/ and would see duplicate models.
 * `prisma migrate deploy` only reads migration.sql, so the extra file is invisible to it.
 */
export const SNAPSHOT_FILE = "schema.prisma.snapshot";

let engineReady: Promise<void> | undefined;

/** Instantiates the WASM module once per process (the package's own entry imports a .wasm file, which Node cannot). */
function loadEngine(): Promise<void> {
  engineReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = join(dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const module = await WebAssembly.compile(readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return engineReady;
}

/**
 * A stand-in database for the engine. SchemaEngine.new connects and asks the server for its
 * version once, even for a pure diff; nothing else reaches the database in schema-to-schema
 * diffs. Answering that one question here keeps `db:migrate:check` at a fraction of a second
 * and free of any server, where an in-memory PGlite costs seconds to boot. Any other query
 * fails loudly, so an engine upgrade that starts relying on the database cannot go unnoticed;
 * test/store checks that the SQL equals what the engine makes against a real PGlite.
 */
export function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) => (arg?: unknown) =>
    Promise.reject(
      new Error(`schema-diff: the offline adapter cannot ${what}: ${(arg as SqlQuery | undefined)?.sql ?? String(arg)}`),
    );
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "tongxin-offline",
    async queryRaw(q) {
      if (!q.sql.includes("server_version_num")) return refuse("run queries")(q);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0 (tongxin offline diff)", 150000]],
      };
    },
    executeRaw: refuse("execute statements"),
    executeScript: refuse("execute scripts"),
    startTransaction: refuse("start transactions"),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => undefined,
  };
  return {
    provider: "postgres",
    adapterName: "tongxin-offline",
    connect: async () => adapter,
    connectToShadowDb: async () => adapter,
  };
}

const datamodel = (schema: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content: schema }] });

/**
 * SQL that migrates a database at schema `from` (null: an empty database) to schema `to`,
 * exactly as `prisma migrate diff --script` renders it; null when there is nothing to do.
 */
export async function diffSchemas(
  from: string | null,
  to: string,
  opts: { adapter?: SqlMigrationAwareDriverAdapterFactory } = {},
): Promise<string | null> {
  await loadEngine();
  const engineLogs: string[] = [];
  const bound = bindMigrationAwareSqlAdapterFactory(opts.adapter ?? offlineAdapterFactory());
  const engine = await engineGlue.SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, (m: string) => engineLogs.push(m), bound).catch(
    (err: unknown) => {
      // The engine reports adapter failures as "External error id#N"; the registry holds the real one.
      const id = /id#(\d+)/.exec(String(err))?.[1];
      const cause = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
      throw new Error(`schema engine failed to start: ${String(cause ?? err)}`, { cause: cause ?? err });
    },
  );
  try {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : datamodel(from),
      to: datamodel(to),
      script: true,
      exitCode: true, // 2 = there is a difference, 0 = none
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } catch (err) {
    // Schema validation errors arrive as JSON-ish text; show them as they are.
    throw new Error(`schema engine diff failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  } finally {
    engine.free();
  }
}

export interface MigratedSchema {
  /** The migration folder the snapshot belongs to. */
  migration: string;
  schema: string;
}

/**
 * The schema as of the newest migration that carries a snapshot. Hand-written migrations
 * without one (data fixes, extra constraints) are skipped: they do not change the datamodel.
 */
export function lastMigratedSchema(dir: string = MIGRATIONS_DIR): MigratedSchema | null {
  for (const m of listMigrations(dir).reverse()) {
    const file = join(m.path, SNAPSHOT_FILE);
    if (existsSync(file)) return { migration: m.name, schema: readFileSync(file, "utf8") };
  }
  return null;
}

export interface Drift {
  /** Newest migration with a snapshot, null when there is none. */
  base: string | null;
  /** SQL from the last migrated schema to the current one; null when they agree. */
  sql: string | null;
  /** The current schema text that was compared. */
  schema: string;
}

/** Compares prisma/schema.prisma with the schema as of the last migration (schemas, not SQL). */
export async function findDrift(opts: { dir?: string; schemaPath?: string } = {}): Promise<Drift> {
  const schema = readFileSync(opts.schemaPath ?? SCHEMA_PATH, "utf8");
  const last = lastMigratedSchema(opts.dir ?? MIGRATIONS_DIR);
  const sql = await diffSchemas(last?.schema ?? null, schema);
  return { base: last?.migration ?? null, sql, schema };
}
