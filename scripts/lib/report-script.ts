// What every export script shares once its arguments are read: the app's config (a bad one is
// exit code 2), the app's store migrated to date, the export itself, its own request errors
// shown with the usage line (exit code 1), and the store closed whatever happens.
import { ConfigError, parseConfig, type Config } from "../../src/config.ts";
import { keyringFrom } from "../../src/lib/sealing.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { sealDatabase } from "../../src/store/sealing.ts";
import { migrate } from "../../src/store/migrate.ts";

export async function withStore(
  opts: { usage: string; isBadRequest: (err: unknown) => boolean },
  run: (db: Database, config: Config) => Promise<number>,
): Promise<number> {
  let config: Config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const db = await openDatabase(config);
  // Sealed columns (talk notes …) open with the app's keys; without them the first one read is a
  // clear error, never plain text.
  if (config.dataKeys) sealDatabase(db, keyringFrom(config.dataKeys.keys, config.dataKeys.currentId));
  try {
    await migrate(db.sql, { log: () => undefined });
    return await run(db, config);
  } catch (err) {
    if (opts.isBadRequest(err)) {
      process.stderr.write(`${(err as Error).message}\n${opts.usage}\n`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

/** Exits with main's code; an unexpected failure prints its stack and exits 2. */
export function runScript(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(2);
    },
  );
}
