// npm run audit:verify [-- --batch 5000]
// Walks every organisation's audit chain in the database the app uses (DATABASE_URL, else PGlite
// under PGLITE_DIR), recomputing each line's hash, and says in Chinese what does not hold: a
// missing line, a changed line, a head that does not name its chain's last line, lines outside
// any chain. Exit codes: 0 every chain whole; 1 a problem found; 2 could not run.
import { parseArgs } from "node:util";
import type { AuditProblem } from "../src/store/audit-chain.ts";
import { storesOn } from "../src/store/stores.ts";
import { runScript, withStore } from "./lib/report-script.ts";

const USAGE = "用法 usage: npm run audit:verify [-- --batch <每批行数>]";

/** The chain's name as a reader knows it: chain n is organisation n's. */
const chainName = (chain: number) => (chain === 0 ? "不属于任何组织的审计链" : `组织 ${chain} 的审计链`);

function problemLine(p: AuditProblem): string {
  switch (p.kind) {
    case "gap":
      return p.from === p.to ? `✗ ${chainName(p.chain)}缺少第 ${p.from} 行（已被删除）` : `✗ ${chainName(p.chain)}缺少第 ${p.from}–${p.to} 行（已被删除）`;
    case "changed":
      return `✗ ${chainName(p.chain)}第 ${p.seq} 行（AuditLog.id ${p.id}）内容与写入时不符（已被改动）`;
    case "head":
      return `✗ ${chainName(p.chain)}的链头记为第 ${p.headSeq ?? "—"} 行，而链中最后一行是第 ${p.lastSeq ?? "—"} 行（链尾的行被删除，或链头被改写）`;
    case "unchained":
      return `✗ 有 ${p.ids.length} 行审计记录不在任何链中（写入时触发器被停用），AuditLog.id：${p.ids.slice(0, 20).join("、")}${p.ids.length > 20 ? " …" : ""}`;
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { batch: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const batch = values.batch === undefined ? undefined : Number(values.batch);
  if (batch !== undefined && !(Number.isInteger(batch) && batch > 0)) {
    process.stderr.write(`每批行数应为正整数 (batch must be a positive integer): ${values.batch}\n${USAGE}\n`);
    return 2;
  }
  return withStore({ usage: USAGE, isBadRequest: () => false }, async (db) => {
    const r = await storesOn(db).auditChain.verifyChains(batch === undefined ? {} : { batch });
    for (const p of r.problems) process.stdout.write(`${problemLine(p)}\n`);
    if (r.problems.length > 0) {
      process.stdout.write(`审计记录校验未通过：${r.chains} 条链、${r.lines} 行，发现 ${r.problems.length} 处问题。\n`);
      return 1;
    }
    process.stdout.write(`✓ 审计记录完整：${r.chains} 条链、${r.lines} 行，逐行校验无误。\n`);
    return 0;
  });
}

runScript("audit:verify", main);
