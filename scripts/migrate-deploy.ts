// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded PGlite
// database under PGLITE_DIR (default ./data/pglite) when DATABASE_URL is unset, the same
// choice src/store/db.ts makes at start.
//   npm run db:migrate -- --rolled-back <name>   mark a failed attempt rolled back (P3009 recovery)
import { openPglite, openPostgres, type Database } from "../src/store/db.ts";
import { markRolledBack, migrate, MigrationError } from "../src/store/migrate.ts";

const args = process.argv.slice(2);
const rolledBackAt = args.indexOf("--rolled-back");
const rolledBack = rolledBackAt >= 0 ? args[rolledBackAt + 1] : undefined;
if (rolledBackAt >= 0 && !rolledBack) {
  console.error("usage: npm run db:migrate -- --rolled-back <migration_name>");
  process.exit(2);
}

const url = process.env.DATABASE_URL;
const pgliteDir = process.env.PGLITE_DIR ?? "./data/pglite";
let db: Database | undefined;
try {
  db = url ? openPostgres(url, { poolSize: 1 }) : await openPglite(pgliteDir);
  console.log(`database: ${url ? url.replace(/\/\/[^@/]*@/, "//***@") : `PGlite at ${pgliteDir}`}`);
  if (rolledBack) {
    await markRolledBack(db.sql, rolledBack);
    console.log(`marked the failed attempt of ${rolledBack} rolled back`);
  }
  await migrate(db.sql, { log: (msg) => console.log(msg) });
} catch (err) {
  // A MigrationError already says what happened and what to do; a stack adds nothing.
  console.error(err instanceof MigrationError ? err.message : err);
  process.exitCode = 1;
} finally {
  await db?.close();
}
