// The sandbox's readable log: which format is chosen (production keeps JSON), and what pino's
// and the Lark SDK's lines become, through the real logger and the SDK's logger adapter.
import { describe, expect, it } from "vitest";
import { sdkLogger } from "../../src/lark/client.ts";
import { createLogger } from "../../src/log.ts";
import { chooseLogFormat, readableLogLine, readableLogStream } from "../../src/sandbox/log-lines.ts";

function capture() {
  const lines: string[] = [];
  const log = createLogger("info", readableLogStream({ write: (s) => lines.push(s), colour: false }));
  return { log, lines };
}

describe("the sandbox's log format", () => {
  it("is JSON unless the sandbox prints to a terminal or LOG_FORMAT says otherwise", () => {
    expect(chooseLogFormat({ sandbox: false, logFormat: undefined, isTTY: true })).toBe("json");
    expect(chooseLogFormat({ sandbox: false, logFormat: undefined, isTTY: false })).toBe("json");
    expect(chooseLogFormat({ sandbox: true, logFormat: undefined, isTTY: false })).toBe("json");
    expect(chooseLogFormat({ sandbox: true, logFormat: undefined, isTTY: true })).toBe("text");
    expect(chooseLogFormat({ sandbox: true, logFormat: "json", isTTY: true })).toBe("json");
    expect(chooseLogFormat({ sandbox: false, logFormat: "text", isTTY: false })).toBe("text");
  });
});

describe("readable log lines", () => {
  it("words the SDK's failed call as one Chinese line with Lark's code, and masks nothing into view", () => {
    const { log, lines } = capture();
    // What the SDK hands its logger when Lark (the double) refuses a stale tenant token.
    const failure = {
      message: "Request failed with status code 400",
      config: { method: "post", url: "http://127.0.0.1:3100/open-apis/im/v1/messages?receive_id_type=open_id", headers: { Authorization: "Bearer t-secret" }, data: "{}" },
      response: { status: 400, data: { code: 99991663, msg: "Invalid access token for authorization." } },
    };
    sdkLogger(log.child({ mod: "lark-sdk" })).error([failure, { code: 99991663, msg: "Invalid access token for authorization.", log_id: "abc" }]);
    expect(lines).toEqual(["⚠ 飞书替身：发送消息失败（错误码 99991663：访问令牌已失效）\n"]);
  });

  it("words the lines a demo meets, and keeps the others on one line with their message", () => {
    const { log, lines } = capture();
    log.warn({ lark: { kind: "token", status: 400, code: 99991663, op: "send" } }, "Lark refused the tenant token; fetching a new one and trying once more");
    log.info({ sandbox: "clock", now: "2026-12-14T01:00:00.000Z" }, "sandbox clock moved");
    log.info({ sandbox: "task", task: "talk-sweep", said: "给 3 位领导发出提醒" }, "sandbox task run");
    log.info({ today: "2026-12-14", leaders: 3, secretaries: 0, staged: 3 }, "talk sweep");
    log.info("applying 20261127101302_init");
    log.error({ outboxId: 7, lark: { kind: "permanent", code: 230013, msg: "no availability" } }, "message could not be delivered");
    log.error({ err: new Error("boom\nsecond line") }, "something new went wrong");
    log.warn({ startup: true }, "沙盒正在使用服务器数据库");
    expect(lines.map((l) => l.trimEnd())).toEqual([
      "⚠ 飞书替身：访问令牌已过期（沙盒时间跳过了它的有效期），重新获取后再试一次",
      "· 沙盒时间：2026-12-14 09:00（北京时间）",
      "· 沙盒页面运行了「谈心提醒」：给 3 位领导发出提醒",
      "· 谈心提醒：给 3 位领导发出提醒",
      "· 数据库：应用迁移 20261127101302_init",
      "✕ 飞书替身：消息无法送达（错误码 230013：此人不在应用的可用范围内），不再重试",
      "✕ 日志：something new went wrong（Error：boom）",
    ]);
    for (const l of lines) expect(l.endsWith("\n") && !l.slice(0, -1).includes("\n")).toBe(true);
  });

  it("never prints a stack or an object as [object Object]", () => {
    const err = { type: "TypeError", message: "x is not a function", stack: "TypeError: x is not a function\n    at f (/app/src/a.ts:1:2)" };
    const line = readableLogLine({ level: 50, msg: "card action failed", err })!;
    expect(line).toBe("✕ 卡片操作出错：TypeError：x is not a function");
    expect(readableLogLine({ level: 30, msg: "odd", detail: { nested: { a: 1 } } })).toBe('· 日志：odd（detail={"nested":{"a":1}}）');
  });
});
