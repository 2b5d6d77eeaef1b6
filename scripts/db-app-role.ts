// npm run db:app-role -- <role> [--password-env VAR]
// Creates or updates the login role the bot runs as in production, connected as the migration
// user (DATABASE_URL, the owner of the tables): every table read and written as the bot needs,
// the audit only read and appended to (src/store/app-role.ts). Run it after every migration;
// running it again changes nothing else. The password is read from the environment variable
// named, never from the command line (which other users of the machine can see).
// Exit codes: 0 done; 1 a request it refuses (bad name, role is the owner or a superuser); 2 could not run.
import { parseArgs } from "node:util";
import { AppRoleError, grantAppRole } from "../src/store/app-role.ts";
import { viaSql } from "../src/store/rows.ts";
import { runScript, withStore } from "./lib/report-script.ts";

const USAGE = "用法 usage: npm run db:app-role -- <角色名 role> [--password-env <保存密码的环境变量名>]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { "password-env": { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const role = positionals[0];
  if (!role || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
    process.stderr.write(`角色名只能由小写字母、数字和下划线组成，且不以数字开头：${role}\n${USAGE}\n`);
    return 1;
  }
  const envName = values["password-env"];
  const password = envName === undefined ? undefined : process.env[envName];
  if (envName !== undefined && !password) {
    process.stderr.write(`环境变量 ${envName} 没有设置密码。\n${USAGE}\n`);
    return 1;
  }
  return withStore({ usage: USAGE, isBadRequest: (err) => err instanceof AppRoleError }, async (db) => {
    if (db.kind !== "postgres") throw new AppRoleError("内置数据库（PGlite）没有登录角色：请设置 DATABASE_URL 指向 PostgreSQL。");
    const r = await grantAppRole(viaSql(db.sql), role, { password });
    process.stdout.write(
      `✓ ${r.created ? "已创建" : "已更新"}应用角色 ${r.role}（数据库 ${r.database}，模式 ${r.schema}）：可读写业务数据表，审计表 AuditLog 只能读取和追加。\n` +
        `  以此角色运行机器人：DATABASE_URL=postgresql://${r.role}:<密码>@<主机>/${r.database}；迁移仍以表的所有者运行（npm run db:migrate），之后再运行本命令。\n`,
    );
    return 0;
  });
}

runScript("db:app-role", main);
