// npm run roster:import -- FILE [--actor ou_xxx] [--no-lark] [--json]
// Imports a roster (.xlsx or .csv, see docs/roster.md) into the database the app uses
// (DATABASE_URL, else PGlite under PGLITE_DIR), after applying pending migrations. With Lark
// credentials configured (not sandbox), people are also bound to their Lark accounts.
// Exit codes: 0 all rows imported; 1 some rows (or the file) had errors; 2 could not run;
// 3 rows imported but binding to Lark failed (run again later to finish binding).
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { ConfigError, parseConfig } from "../src/config.ts";
import { createLarkClient } from "../src/lark/client.ts";
import { createLogger } from "../src/log.ts";
import { importRoster } from "../src/roster/import.ts";
import { formatReport } from "../src/roster/report.ts";
import { keyringFrom } from "../src/lib/sealing.ts";
import { openDatabase, type Database } from "../src/store/db.ts";
import { sealDatabase } from "../src/store/sealing.ts";
import { migrate } from "../src/store/migrate.ts";
import { storesOn } from "../src/store/stores.ts";

const USAGE = "用法 usage: npm run roster:import -- <花名册.xlsx|.csv> [--actor <open_id>] [--no-lark] [--json]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { actor: { type: "string" }, "no-lark": { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = args.positionals[0];
  if (args.values.help || !file || args.positionals.length > 1) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }

  if (!existsSync(file)) {
    console.error(`找不到文件 file not found: ${file}`);
    return 2;
  }

  let config;
  try {
    config = parseConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    return 2;
  }
  // Logs go to stderr so that stdout holds only the report (or its JSON).
  const log = createLogger(config.logLevel, pino.destination(2));
  let db: Database | undefined;
  try {
    db = await openDatabase(config);
    // The import reads and writes through the stores, which seal sensitive columns with the app's keys.
    if (config.dataKeys) sealDatabase(db, keyringFrom(config.dataKeys.keys, config.dataKeys.currentId));
    await migrate(db.sql, { log: (msg) => log.info(msg) });
    // The sandbox's Lark double lives inside the running app, not in this script: no binding.
    const lark = config.sandbox || args.values["no-lark"] ? undefined : createLarkClient({ ...config.lark, log }).sdk;
    const actor = args.values.actor ? await actorOf(db, args.values.actor) : undefined;
    const report = await importRoster({ prisma: db.prisma, file, lark, log, actor });
    console.log(args.values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    if (report.errors.length > 0) return 1;
    return report.lark.status === "failed" ? 3 : 0;
  } catch (err) {
    console.error(err);
    return 2;
  } finally {
    await db?.close();
  }
}

/** The importer as recorded in AuditLog: a known person by open_id, else just the open_id. */
async function actorOf(db: Database, openId: string): Promise<{ id: number | null; openId: string }> {
  const person = await storesOn(db).people.holderOfOpenId(openId);
  return { id: person?.id ?? null, openId };
}

process.exitCode = await main();
