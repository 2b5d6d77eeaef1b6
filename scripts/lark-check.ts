// npm run lark:check: checks the Lark app in .env / the environment against what the bot needs
// (credentials, bot ability, scopes) and prints the console settings to make. Exit code 0 when
// nothing failed, 1 otherwise. The logic is in src/lark/setup-check.ts.
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { renderReport, runLarkCheck } from "../src/lark/setup-check.ts";

if (process.argv.includes("-h") || process.argv.includes("--help")) {
  process.stdout.write(
    "用法 usage: npm run lark:check\n读取当前目录的 .env 与环境变量（环境变量优先），检查飞书应用的凭证、机器人与权限，并列出开发者后台要做的设置。\n",
  );
  process.exit(0);
}

// The bot itself reads only its environment (docker compose passes .env as env_file); an
// operator runs this check from the checkout, so it reads .env as compose would, and lets a
// variable set in the shell win, as `node --env-file` does. Empty values count as unset.
const ENV_FILE = ".env";
const fromFile = existsSync(ENV_FILE) ? parseEnv(readFileSync(ENV_FILE, "utf8")) : {};
const fromShell = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""));

try {
  const report = await runLarkCheck({ ...fromFile, ...fromShell });
  process.stdout.write(`${existsSync(ENV_FILE) ? "读取了 .env 与环境变量" : "没有 .env，只读取环境变量"}\n\n`);
  process.stdout.write(renderReport(report));
  process.exitCode = report.ok ? 0 : 1;
} catch (err) {
  process.stderr.write(`检查本身出错了：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
