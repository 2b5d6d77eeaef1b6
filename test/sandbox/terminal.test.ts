// The sandbox's terminal as a person running a demo sees it: the bot started as `npm start`
// starts it (LOG_FORMAT=text stands for the terminal, as a pipe is not one), someone says 帮助,
// the clock is jumped past the tenant token's life through the page's API, 帮助 again (the
// double refuses the stale token, the bot fetches a new one) and a task run from the page.
// Every line printed is readable: no JSON object, no "[object Object]", no stack trace.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/db.ts";
import { REDIS_URL } from "../support/env.ts";
import { openIdOf } from "./support/page.ts";

let db: TestDatabase;
let bot: ChildProcessWithoutNullStreams | undefined;
let output = "";

/** A port nobody listens on now: the bot's Lark client is configured with the double's port before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Resolves with the first match of `re` in what the bot printed so far or prints next. */
function printed(re: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = output.match(re);
      if (!m && bot?.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(guard);
        reject(new Error(`the bot exited (${bot?.exitCode}) before printing ${re}; it printed:\n${output}`));
        return true;
      }
      if (!m) return false;
      clearInterval(poll);
      clearTimeout(guard);
      resolve(m);
      return true;
    };
    const poll = setInterval(check, 50);
    const guard = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`the bot never printed ${re}; it printed:\n${output}`));
    }, timeoutMs);
    check();
  });
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

const stripColour = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "");

beforeAll(async () => {
  db = await freshDatabase();
  bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SANDBOX: "true",
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: `t${randomBytes(5).toString("hex")}`,
      PORT: "0",
      HOST: "127.0.0.1",
      LARK_DOUBLE_PORT: String(await freePort()),
      LOG_LEVEL: "info",
      LOG_FORMAT: "text",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  bot.stdout.on("data", (d: Buffer) => (output += d.toString()));
  bot.stderr.on("data", (d: Buffer) => (output += d.toString()));
}, 60_000);

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const closed = new Promise((r) => bot!.once("close", r));
    bot.kill("SIGTERM");
    await closed;
  }
  await db?.close();
});

describe("the sandbox terminal", () => {
  it("prints only readable lines when the clock jumps past the tenant token and the bot sends again", async () => {
    const [, base] = await printed(/沙盒页面 Sandbox page: (http:\/\/\S+)\/sandbox/, 60_000);
    const api = `${base}/sandbox/api`;
    const from = openIdOf("张三");

    await post(`${api}/say`, { from, text: "帮助" });
    await printed(/同心 发送 → 张三/);
    const before = output.length;

    // Three days on, the tenant token the bot holds is long expired in sandbox time.
    await post(`${api}/clock`, { advanceMs: 3 * 24 * 3600_000 });
    await post(`${api}/say`, { from, text: "帮助" });
    await printed(/飞书替身：访问令牌已过期/);
    await post(`${api}/run/talk-sweep`, {});
    await printed(/沙盒页面运行了「谈心提醒」：/);
    // The second answer reached 张三 with the new token.
    await expect.poll(() => output.slice(before).includes("同心 发送 → 张三"), { timeout: 30_000 }).toBe(true);

    const lines = stripColour(output).split("\n");
    // The SDK's refusal, in one Chinese line with Lark's code.
    expect(lines.some((l) => /^⚠ 飞书替身：发送消息失败（错误码 99991663：访问令牌已失效）$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("· 沙盒时间："))).toBe(true);
    const unreadable = lines.filter((l) => l.trimStart().startsWith("{") || l.includes("[object Object]") || /^\s+at .+:\d+:\d+\)?$/.test(l));
    expect(unreadable, output).toEqual([]);
  }, 90_000);
});
