// npm run report -- --branch <code> --quarter 2027Q1 [--out 台账.xlsx] [--with-notes]
// Exports a branch's quarterly analysis and lists (谈心谈话、逾期、跟进、困难档案、帮扶资金) as an
// .xlsx ledger (台账), from the database the app uses (DATABASE_URL, else PGlite under
// PGLITE_DIR). Talk notes are left out unless --with-notes; every export is audited with
// the operating-system user and host that ran it.
// Exit codes: 0 written; 1 bad request (unknown branch, bad quarter); 2 could not run.
import { hostname, userInfo } from "node:os";
import { parseArgs } from "node:util";
import { exportBranchLedger, LedgerError } from "../src/export/branch-ledger.ts";
import { runScript, withStore } from "./lib/report-script.ts";

const USAGE = "用法 usage: npm run report -- --branch <支部代码> --quarter <2027Q1> [--out <文件.xlsx>] [--with-notes]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { branch: { type: "string" }, quarter: { type: "string" }, out: { type: "string" }, "with-notes": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help || !values.branch || !values.quarter) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const branch = values.branch;
  const quarter = values.quarter;
  const withNotes = values["with-notes"] ?? false;
  // Notes leave the bot in chat only by the branch secretary's own action (导出谈心记录); here the
  // audit can only name the server account that ran the script, so it does, and says so.
  const ranBy = { osUser: osUser(), host: hostname() };
  if (withNotes) {
    process.stderr.write(
      `警告：--with-notes 导出全部谈话内容（党员的个人信息）。本次导出以系统用户 ${ranBy.osUser}@${ranBy.host} 记入审计；请妥善保管文件，用后删除。支部书记可在机器人私聊中用「导出谈心记录」自行导出。\n` +
        `warning: --with-notes exports every talk note (members' personal information). This export is audited as ${ranBy.osUser}@${ranBy.host}; keep the file safe and delete it after use.\n`,
    );
  }
  return withStore({ usage: USAGE, isBadRequest: (err) => err instanceof LedgerError }, async (db, config) => {
    const r = await exportBranchLedger(db, {
      branchCode: branch,
      quarter,
      ...(values.out ? { out: values.out } : {}),
      withNotes,
      ranBy,
      now: new Date(),
      timeZone: config.timezone,
    });
    process.stdout.write(`已导出台账 ledger written: ${r.file}（党员 ${r.members} 人，谈话 ${r.talks} 次 / ${r.members} members, ${r.talks} talks）\n`);
    return 0;
  });
}

runScript("report", main);

/** The operating-system user; a container without a passwd entry has none, and says so. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "unknown";
  }
}
