// A missing or wrong data key stops the bot at startup with a message naming what to fix; it
// never starts writing sensitive records in plain text, or sealing with a key that cannot open
// what was sealed before.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.ts";
import { keyringFrom, newDataKey } from "../../src/lib/sealing.ts";
import { checkStartup } from "../../src/startup-checks.ts";
import { checkKeyProbes } from "../../src/store/sealing.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";
import { REDIS_URL } from "../support/env.ts";

/** Runs the bot as an operator does (`tsx src/main.ts`) with exactly `env`; returns how it ended. */
function runBot(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // A bot that does not refuse keeps running: stop it so the test fails on its output, not a hang.
    const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, stderr });
    });
  });
}

const REAL = { LARK_APP_ID: "cli_a1b2c3", LARK_APP_SECRET: "real-secret", LARK_ENCRYPT_KEY: "real-encrypt", LARK_VERIFICATION_TOKEN: "real-token" };

describe("startup: data keys", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("refuses a real bot without DATA_KEYS, in Chinese and English", () => {
    const verdict = checkStartup(parseConfig(REAL), REAL);
    expect(verdict.refusal).toMatch(/没有配置数据密钥 DATA_KEYS/);
    expect(verdict.refusal).toMatch(/No data key: set DATA_KEYS/);
    expect(checkStartup(parseConfig({ ...REAL, DATA_KEYS: newDataKey("k1") }), REAL).refusal).toBeUndefined();
  });

  it("refuses a malformed DATA_KEYS or a DATA_KEY_ID it does not hold, when the configuration is read", () => {
    expect(() => parseConfig({ ...REAL, DATA_KEYS: "k1:c2hvcnQ=" })).toThrow(/DATA_KEYS: .*32/);
    expect(() => parseConfig({ ...REAL, DATA_KEYS: newDataKey("k1"), DATA_KEY_ID: "k2" })).toThrow(/DATA_KEY_ID「k2」/);
  });

  it("writes a probe for a key the first time, accepts the same key again, and names a different key under that id", async () => {
    const k1 = newDataKey("k2026a");
    expect(await checkKeyProbes(db.sql, keyringFrom(k1, undefined))).toEqual([]);
    expect(await db.sql.query(`SELECT "keyId" FROM "DataKeyProbe"`)).toEqual([{ keyId: "k2026a" }]);
    expect(await checkKeyProbes(db.sql, keyringFrom(k1, undefined))).toEqual([]);

    const wrong = await checkKeyProbes(db.sql, keyringFrom(newDataKey("k2026a"), undefined));
    expect(wrong).toHaveLength(1);
    expect(wrong[0]).toMatch(/数据密钥「k2026a」/);
    expect(wrong[0]).toMatch(/data key "k2026a" does not open/);

    // Rotating: a new current key gets its probe; the old one, still configured, must still open.
    expect(await checkKeyProbes(db.sql, keyringFrom(`${newDataKey("k2027")},${k1}`, "k2027"))).toEqual([]);
    const ids = (await db.sql.query<{ keyId: string }>(`SELECT "keyId" FROM "DataKeyProbe" ORDER BY "keyId"`)).map((r) => r.keyId);
    expect(ids).toEqual(["k2026a", "k2027"]);
  });

  it("main.ts refuses to start without a key, and with a different key under an id the database knows", async () => {
    const env = { ...REAL, DATABASE_URL: db.url, REDIS_URL, PORT: "0", LOG_LEVEL: "silent" };
    const missing = await runBot(env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("同心拒绝启动");
    expect(missing.stderr).toContain("DATA_KEYS");

    // The probe written above under k2026a was sealed with another key.
    const wrong = await runBot({ ...env, DATA_KEYS: newDataKey("k2026a") });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("数据密钥「k2026a」与数据库中用它加密的数据不符");
  }, 60_000);
});
