// The application's own login role in production (npm run db:app-role): the bot reads and writes
// every table as it must, but the audit only grows. It has SELECT and INSERT on "AuditLog" and no
// UPDATE, DELETE or TRUNCATE, so even with the append-only trigger disabled by its owner the
// application's connection cannot rewrite the audit. Tables stay owned by the migration user:
// only an owner can disable a trigger or drop a table.
//
// Run by the migration user (the owner of the tables), again after every migration: it is
// idempotent, and also grants on what was created since. Names reach SQL only through
// format(%I, %L), never by joining strings.
import type { Rows } from "./rows.ts";

export class AppRoleError extends Error {}

export interface AppRoleResult {
  role: string;
  created: boolean;
  database: string;
  schema: string;
}

/** Tables the role may read but never change: the audit is appended to, the others are the migration user's. */
const READ_ONLY = ["AuditChainHead", "_prisma_migrations"];

export async function grantAppRole(rows: Rows, role: string, opts: { password?: string | undefined } = {}): Promise<AppRoleResult> {
  const run = async (template: string, ...args: string[]) => {
    const [built] = await rows<{ s: string }>(`SELECT format($1, ${args.map((_, i) => `$${i + 2}::text`).join(", ")}) AS s`, [template, ...args]);
    await rows(built!.s, []);
  };
  const [here] = await rows<{ database: string; schema: string; me: string; owner: string | null; superuser: boolean }>(
    `SELECT current_database() AS database, current_schema() AS schema, current_user AS me,
            (SELECT tableowner::text FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'AuditLog') AS owner,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
    [],
  );
  if (!here?.owner) throw new AppRoleError(`数据库 ${here?.database ?? ""} 中没有审计表 AuditLog：请先运行 npm run db:migrate。`);
  if (role === here.owner) throw new AppRoleError(`角色 ${role} 是数据表的所有者，所有者不受权限限制：请另取一个名字给应用使用。`);
  if (role === here.me) throw new AppRoleError(`不能为当前连接的用户 ${role} 设置应用权限：请以数据表的所有者连接，为另一个角色设置。`);
  if (here.me !== here.owner && !here.superuser) throw new AppRoleError(`请以数据表的所有者 ${here.owner} 或超级用户连接（当前为 ${here.me}）。`);

  const [existing] = await rows<{ super: boolean }>(`SELECT rolsuper AS super FROM pg_roles WHERE rolname = $1`, [role]);
  if (existing?.super) throw new AppRoleError(`角色 ${role} 是超级用户，不受任何权限限制：请另取一个名字给应用使用。`);
  await run(existing ? "ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS" : "CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS", role);
  if (opts.password !== undefined) await run("ALTER ROLE %I PASSWORD %L", role, opts.password);

  await run("GRANT CONNECT ON DATABASE %I TO %I", here.database, role);
  await run("GRANT USAGE ON SCHEMA %I TO %I", here.schema, role);
  await run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I", here.schema, role);
  await run("GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I", here.schema, role);
  // Tables a later migration creates (as this user) are the bot's to use too, until this runs again.
  await run("ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I", here.schema, role);
  await run("ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE ON SEQUENCES TO %I", here.schema, role);

  // The audit: read and appended to, nothing else; whatever an earlier grant gave is taken back first.
  await run("REVOKE ALL ON TABLE %I.%I FROM %I", here.schema, "AuditLog", role);
  await run("GRANT SELECT, INSERT ON TABLE %I.%I TO %I", here.schema, "AuditLog", role);
  for (const table of READ_ONLY) {
    await run("REVOKE ALL ON TABLE %I.%I FROM %I", here.schema, table, role);
    await run("GRANT SELECT ON TABLE %I.%I TO %I", here.schema, table, role);
  }
  // The chain trigger moves the head row on every audit INSERT: it runs with its owner's rights
  // (SECURITY DEFINER, search_path pinned as such a function must have), so the role needs no
  // right to change the head. Only an owner can alter the function; no new migration needed.
  await run("ALTER FUNCTION %I.audit_chain_line() SECURITY DEFINER", here.schema);
  await run("ALTER FUNCTION %I.audit_chain_line() SET search_path = %I, pg_temp", here.schema, here.schema);
  return { role, created: !existing, database: here.database, schema: here.schema };
}
