// The bot started as an operator would (`tsx src/main.ts`) against a server database with no
// Lark settings: it must refuse in Chinese and leave the database exactly as it found it, since
// the sandbox it would otherwise run seeds a demo branch and trusts published keys.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_URL, REDIS_URL, dbUrl } from "../support/env.ts";

const name = `tongxin_start_${randomBytes(6).toString("hex")}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Runs the bot with exactly `env` (plus PATH/HOME) and returns how it ended. */
function runBot(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      // Nothing of the developer's environment (a LARK_APP_ID, SANDBOX, HOST) may leak in.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // A bot that does not refuse keeps running: stop it so the test fails on its output, not a hang.
    const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, stderr, stdout });
    });
  });
}

const tablesIn = (url: string) =>
  admin((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`), url).then((r) => r.rows[0]!.n);

describe("starting the bot against a server database", () => {
  beforeAll(async () => {
    // An empty database: any migration, seed or inbox write would leave a table behind.
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
  });
  afterAll(async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it("without Lark settings and without SANDBOX=true, refuses with a Chinese message and writes nothing", async () => {
    const run = await runBot({ DATABASE_URL: dbUrl(name), REDIS_URL, PORT: "0", LOG_LEVEL: "info" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("同心拒绝启动");
    expect(run.stderr).toContain("LARK_APP_ID");
    expect(run.stderr).toContain("SANDBOX=true");
    // It never got as far as the sandbox.
    expect(run.stdout).not.toContain("沙盒已启动");
    expect(await tablesIn(dbUrl(name))).toBe(0);
  }, 30_000);

  it("with SANDBOX=true and a real LARK_APP_ID, refuses too and writes nothing", async () => {
    const run = await runBot({
      DATABASE_URL: dbUrl(name),
      REDIS_URL,
      PORT: "0",
      SANDBOX: "true",
      LARK_APP_ID: "cli_a1b2c3",
      LARK_APP_SECRET: "real-secret",
      LARK_ENCRYPT_KEY: "real-encrypt",
      LARK_VERIFICATION_TOKEN: "real-token",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("同心拒绝启动");
    expect(run.stderr).toContain("SANDBOX=true");
    expect(await tablesIn(dbUrl(name))).toBe(0);
  }, 30_000);
});
