// The sandbox seals its demo records like a real bot, with a key of its own: made once under the
// data directory (readable by this user only) and reused, so the demo data survives restarts.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { newDataKey } from "../lib/sealing.ts";

/** DATA_KEYS for the sandbox: read from `<data dir>/data-keys`, or made there on first start. */
export function sandboxDataKeys(pgliteDir: string): { keys: string; currentId: string } {
  const file = join(dirname(pgliteDir), "data-keys");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${newDataKey("sandbox1")}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  const keys = readFileSync(file, "utf8").trim();
  return { keys, currentId: keys.slice(0, keys.indexOf(":")) };
}
