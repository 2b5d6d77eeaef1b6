// npm run db:migrate:check (part of npm test): fails when prisma/schema.prisma differs from the
// schema as of the last migration, i.e. someone changed the schema without making a migration.
// Compares schemas, not SQL, so hand-written additions to a migration.sql do not matter.
// Needs no database: the schema engine runs in WASM against an offline stand-in adapter.
import { findDrift } from "../src/store/schema-diff.ts";

const started = performance.now();
const drift = await findDrift().catch((err: unknown) => {
  // An invalid schema.prisma: the engine's message points at the line; the stack does not help.
  console.error(`db:migrate:check could not compare schemas: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
const ms = Math.round(performance.now() - started);

if (drift.sql !== null) {
  console.error(
    `schema.prisma changed without a migration: run npm run db:migrate:create -- <name>\n` +
      `(compared with ${drift.base ?? "an empty database: there is no migration yet"}; the missing migration would be:)\n\n` +
      drift.sql,
  );
  process.exit(1);
}
console.log(`schema.prisma matches migration ${drift.base ?? "(none)"} (${ms} ms)`);
