// npm run keys:rotate [-- --batch 500]
// Re-seals every sensitive value not sealed with DATA_KEY_ID (older keys, or plain text written
// before sealing began) with it, a batch of rows per transaction. Resumable: stopped half-way, a
// re-run continues where it stopped; nothing is lost in between, as each batch commits whole.
// Keep the old key in DATA_KEYS until this has finished; then it may be removed.
// Exit codes: 0 done; 2 could not run (configuration, a key that does not open its probe).
import { parseArgs } from "node:util";
import { keyringFrom } from "../src/lib/sealing.ts";
import { rotateAll } from "../src/store/key-rotation.ts";
import { checkKeyProbes } from "../src/store/sealing.ts";
import { withStore } from "./lib/report-script.ts";

const USAGE = "用法 usage: npm run keys:rotate [-- --batch <每批行数 rows per transaction, 500>]";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { batch: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const batch = Number(values.batch ?? 500);
  if (!Number.isInteger(batch) || batch < 1) {
    process.stderr.write(`--batch 必须是正整数 (must be a positive integer)\n${USAGE}\n`);
    return 2;
  }
  return withStore({ usage: USAGE, isBadRequest: () => false }, async (db, config) => {
    if (!config.dataKeys) {
      process.stderr.write("没有配置 DATA_KEYS，无从轮换 (DATA_KEYS is not set)\n");
      return 2;
    }
    const keyring = keyringFrom(config.dataKeys.keys, config.dataKeys.currentId);
    const problems = await checkKeyProbes(db.sql, keyring);
    if (problems.length > 0) {
      process.stderr.write(`${problems.join("\n")}\n`);
      return 2;
    }
    process.stdout.write(`用数据密钥「${keyring.currentId}」重新加密 (re-sealing with data key "${keyring.currentId}")…\n`);
    const n = await rotateAll(db, batch, (p) => process.stdout.write(`  ${p.column}: ${p.done}/${p.total}\n`));
    process.stdout.write(`完成：重新加密 ${n} 个值 (done: ${n} values re-sealed)\n`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`keys:rotate failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
