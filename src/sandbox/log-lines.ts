// The sandbox's terminal, for a person watching a demo: every log line (pino's, and the Lark
// SDK's, which reach pino through src/lark/client.ts) as one readable Chinese line instead of a
// JSON object, without stack traces; the lines people need most are worded, the rest keep their
// message and a few fields. Production keeps JSON: the readable form is chosen only in the
// sandbox on a terminal, or with LOG_FORMAT=text, and LOG_FORMAT=json always wins.
import type { DestinationStream } from "pino";
import { describeRun, scheduleLabel } from "../jobs/schedule-labels.ts";
import { beijingDateTime } from "./page/time-format.ts";

export type LogFormat = "json" | "text";

/** JSON unless LOG_FORMAT says text, or, with LOG_FORMAT unset, the sandbox prints to a terminal. */
export function chooseLogFormat(opts: { sandbox: boolean; logFormat: LogFormat | undefined; isTTY: boolean }): LogFormat {
  if (opts.logFormat) return opts.logFormat;
  return opts.sandbox && opts.isTTY ? "text" : "json";
}

type Entry = Record<string, unknown>;

/** What Lark's codes mean, for the ones a sandbox run meets. */
const LARK_CODES: Record<number, string> = {
  99991661: "访问令牌缺失",
  99991663: "访问令牌已失效",
  99991664: "访问令牌已失效",
  99991665: "访问令牌已失效",
  99991668: "访问令牌已失效",
  99991400: "请求太频繁",
  230020: "请求太频繁",
  230001: "参数有误",
  230002: "机器人不在这个群里",
  230006: "机器人能力未开启",
  230013: "此人不在应用的可用范围内",
  230099: "卡片内容有误",
};

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Entry) : undefined);

/** "（错误码 99991663：访问令牌已失效）", from whatever carries Lark's status, code and msg. */
function larkCode(e: Entry | undefined): string {
  if (!e) return "";
  const code = typeof e.code === "number" ? e.code : undefined;
  const status = typeof e.status === "number" ? e.status : undefined;
  if (code === undefined) return status !== undefined ? `（HTTP ${status}）` : "";
  const meaning = LARK_CODES[code] ?? str(e.msg);
  return `（错误码 ${code}${meaning ? `：${meaning}` : ""}）`;
}

/** What a Lark call was for, from its method and path. */
function larkCall(method: string | undefined, url: string | undefined): string {
  const path = url ? url.replace(/^https?:\/\/[^/]+/, "").split("?")[0]! : "";
  if (/\/im\/v1\/messages(\/[^/]+\/reply)?$/.test(path) && method === "POST") return "发送消息";
  if (/\/im\/v1\/messages\/[^/]+$/.test(path) && method === "PATCH") return "更新卡片";
  if (path.includes("/im/v1/images")) return "上传图片";
  if (path.includes("/resources/")) return "下载附件";
  if (path.includes("tenant_access_token")) return "获取访问令牌";
  return [method, path].filter(Boolean).join(" ") || "调用";
}

/** The SDK's line: its fields arrive as one object or a list (the error and Lark's body). */
function sdkLine(e: Entry, lark: string): string {
  const parts = (Array.isArray(e.sdk) ? e.sdk : [e.sdk]).map(obj).filter((p): p is Entry => p !== undefined);
  const call = parts.find((p) => p.method || p.url);
  const coded = parts.find((p) => typeof p.code === "number") ?? parts.find((p) => typeof p.status === "number");
  const what = call ? larkCall(str(call.method), str(call.url)) : "调用";
  if (parts.length === 0) return `${lark}：${str(e.msg)?.replace(/^lark sdk:?\s*/, "") || "SDK 提示"}`;
  return `${lark}：${what}失败${larkCode(coded)}`;
}

/** An error as "类型：消息", never its stack. */
function errorText(v: unknown): string {
  const e = obj(v);
  if (!e) return str(v) ?? "";
  const message = str(e.message)?.split("\n")[0] ?? "";
  return `${str(e.type) ?? "Error"}：${message}${larkCode(e)}`;
}

/** A few plain fields after a message this file does not word, as key=value. */
function fieldsOf(e: Entry): string {
  const skip = new Set(["level", "time", "app", "msg", "pid", "hostname", "evt", "mod", "err", "error"]);
  const out: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (skip.has(k) || v === undefined || v === null) continue;
    const text = typeof v === "object" ? JSON.stringify(v) : String(v);
    out.push(`${k}=${text.length > 80 ? `${text.slice(0, 77)}…` : text}`);
    if (out.length === 5) break;
  }
  return out.join(" ");
}

type Worded = (e: Entry, lark: string) => string;

/** Messages worded in Chinese, by the English message the code logs. */
const WORDED: Record<string, Worded> = {
  "migrations applied": (e) => `数据库：已应用 ${Array.isArray(e.applied) ? e.applied.length : ""} 个迁移`,
  "holiday schedule seeded from the library": (e) => `节假日：从日历库载入 ${Array.isArray(e.seeded) ? e.seeded.join("、") : ""} 年的安排`,
  "tongxin started": () => "同心已启动",
  "shutting down": (e) => `收到 ${str(e.signal) ?? "信号"}，正在关闭`,
  "sandbox clock moved": (e) => `沙盒时间：${str(e.now) ? beijingDateTime(str(e.now)!) : "?"}（北京时间）`,
  "sandbox task run": (e) => `沙盒页面运行了「${scheduleLabel(str(e.task) ?? "").name.zh}」：${str(e.said) ?? ""}`,
  // Tasks that log their result log the fields their run returns.
  "talk sweep": (e) => describeRun("talk-sweep", e).zh,
  "festival visits planned": (e) => describeRun("visit-plan", e).zh,
  "weekly job push": (e) => describeRun("job-push-weekly", e).zh,
  "employment check-ins": (e) => describeRun("employment-checkin", e).zh,
  "overdue visits escalated": (e) => `走访逾期提醒：${str(e.tasks) ?? "?"} 项报书记`,
  "Lark refused the tenant token; fetching a new one and trying once more": (_e, lark) => `${lark}：访问令牌已过期（沙盒时间跳过了它的有效期），重新获取后再试一次`,
  "send failed; will retry": (e, lark) => `${lark}：发送失败${larkCode(obj(e.lark))}，稍后重试（第 ${str(e.attempt) ?? "?"} 次）`,
  "message could not be delivered": (e, lark) => `${lark}：消息无法送达${larkCode(obj(e.lark))}，不再重试`,
  "lark rate limit; delaying": (e, lark) => `${lark}：请求太频繁，${Math.ceil(Number(e.retryAfterMs ?? 0) / 1000)} 秒后再发`,
  "redis connection error; reconnecting": (e) => `Redis 连接出错，正在重连：${str(e.err) ?? ""}`,
  "maintenance task failed": (e) => `定时任务 ${scheduleLabel(str(e.task) ?? "").name.zh} 运行失败：${errorText(e.err)}`,
  "refused a Lark delivery": (e, lark) => `机器人拒收了${lark}的一次推送：${str(e.reason) ?? fieldsOf(e)}`,
  "command refused": (e) => `命令被拒绝：${fieldsOf(e)}`,
  "card action refused": (e) => `卡片操作被拒绝：${fieldsOf(e)}`,
  "card action failed": (e) => `卡片操作出错：${errorText(e.err)}`,
  "event failed": (e) => `事件处理出错：${errorText(e.err)}`,
  "long connection connected": (_e, lark) => `长连接：已连上${lark}`,
  "long connection dropped; reconnecting": () => "长连接：断开了，正在重连",
  "long connection reconnected": () => "长连接：已重新连上",
};

const LEVEL_MARK: Record<number, string> = { 10: "·", 20: "·", 30: "·", 40: "⚠", 50: "✕", 60: "✕" };
const LEVEL_COLOUR: Record<number, string> = { 40: "\x1b[33m", 50: "\x1b[31m", 60: "\x1b[31m" };

/** One log entry (pino's object) as one line, without a newline inside; nothing for a line already shown. */
export function readableLogLine(e: Entry, opts: { lark?: string } = {}): string | undefined {
  // Startup warnings are written to stderr as they are, before the log has them.
  if (e.startup === true) return undefined;
  const lark = opts.lark ?? "飞书替身";
  const msg = str(e.msg) ?? "";
  const worded = Object.hasOwn(WORDED, msg) ? WORDED[msg] : undefined;
  let text: string;
  if (worded) text = worded(e, lark);
  else if (e.mod === "lark-sdk") text = sdkLine(e, lark);
  else if (msg.startsWith("applying ")) text = `数据库：应用迁移 ${msg.slice("applying ".length)}`;
  // Said again with the list of migrations ("migrations applied").
  else if (/^applied \d+ migration\(s\)$/.test(msg)) return undefined;
  else {
    const err = e.err ?? e.error;
    const rest = [err !== undefined ? errorText(err) : "", fieldsOf(e)].filter(Boolean).join(" ");
    text = `日志：${msg}${rest ? `（${rest}）` : ""}`;
  }
  const level = typeof e.level === "number" ? e.level : 30;
  return `${LEVEL_MARK[level] ?? "·"} ${text.replace(/\s*\n\s*/g, " ")}`;
}

/**
 * A pino destination writing each entry as a readable line. A line that is not JSON (it should
 * not happen) is written as it came, but never over several lines.
 */
export function readableLogStream(opts: { write: (s: string) => void; colour: boolean; lark?: string }): DestinationStream {
  return {
    write(chunk: string): void {
      for (const raw of chunk.split("\n")) {
        if (!raw.trim()) continue;
        let entry: Entry | undefined;
        try {
          entry = obj(JSON.parse(raw));
        } catch {
          entry = undefined;
        }
        const line = entry ? readableLogLine(entry, { lark: opts.lark }) : `· ${raw}`;
        if (line === undefined) continue;
        const level = typeof entry?.level === "number" ? entry.level : 30;
        const colour = opts.colour ? (LEVEL_COLOUR[level] ?? "\x1b[2m") : "";
        opts.write(`${colour}${line}${colour ? "\x1b[0m" : ""}\n`);
      }
    },
  };
}
