// `npm run lark:check`: is this Lark app set up the way the bot needs it? Reads the same config
// the bot reads (parseConfig), then asks Lark what can be asked: a tenant token (App ID and
// Secret), the bot's info (bot ability on?), and one harmless probe per scope (src/lark/scopes.ts).
// What Lark offers no API for (event and callback subscriptions, request URLs, the Encrypt Key)
// it prints as the exact console settings to make. Every failing line says what to change;
// the report is `ok` only when nothing failed, which the script turns into its exit code.
import { ConfigError, parseConfig, SANDBOX_LARK, type Config } from "../config.ts";
import { BOT_SCOPES, type BotScope, type ScopeProbe } from "./scopes.ts";
import { BOT_CALLBACKS, BOT_EVENTS, WEBHOOK_PATHS } from "./subscriptions.ts";

export type Mark = "ok" | "fail" | "warn" | "info";
export interface CheckLine {
  mark: Mark;
  text: string;
}
export interface CheckSection {
  title: string;
  lines: CheckLine[];
}
export interface SetupReport {
  /** True when no line failed. Warnings (optional scopes, no PUBLIC_URL) do not fail it. */
  ok: boolean;
  failures: number;
  sections: CheckSection[];
}

type Env = Record<string, string | undefined>;

/** Lark's bot.activate_status values (GET /open-apis/bot/v3/info) and what an operator does about each. */
const ACTIVATE_STATUS: Record<number, { name: string; fix: string }> = {
  0: { name: "初始化", fix: "在开发者后台「应用能力 > 添加应用能力」添加「机器人」，再到「版本管理与发布」创建版本并发布" },
  1: { name: "租户停用", fix: "应用被企业停用了：请企业管理员在飞书管理后台「工作台 > 应用管理」中启用它" },
  3: { name: "安装后待启用", fix: "应用已安装但还没启用：请企业管理员在飞书管理后台「工作台 > 应用管理」中启用它" },
  4: { name: "升级待启用", fix: "新版本等待启用：请企业管理员在飞书管理后台「工作台 > 应用管理」中启用新版本" },
  5: { name: "license 过期停用", fix: "许可过期被停用：请企业管理员续期后重新启用应用" },
};
const BOT_ENABLED = 2;

const CODE_WRONG_SECRET = 10014;
const CODE_BAD_APP_ID = 10003;
const CODE_MISSING_SCOPE = 99991672;
/** Lark's gateway answers with 9999xxxx codes (token, scope, rate limit); the APIs themselves with smaller ones. */
const GATEWAY_CODES_FROM = 99_990_000;

const PUBLISH = "然后到「版本管理与发布」创建版本并发布（发布后才生效）";

class Report {
  private readonly sections: CheckSection[] = [];
  private current: CheckSection | undefined;
  section(title: string): this {
    this.current = { title, lines: [] };
    this.sections.push(this.current);
    return this;
  }
  add(mark: Mark, text: string): void {
    this.current!.lines.push({ mark, text });
  }
  ok = (t: string) => this.add("ok", t);
  fail = (t: string) => this.add("fail", t);
  warn = (t: string) => this.add("warn", t);
  info = (t: string) => this.add("info", t);
  done(): SetupReport {
    const failures = this.sections.reduce((n, s) => n + s.lines.filter((l) => l.mark === "fail").length, 0);
    return { ok: failures === 0, failures, sections: this.sections };
  }
}

export interface LarkCheckOptions {
  /** Per call to Lark; the default suits a slow network, a test may shorten it. */
  timeoutMs?: number;
}

export async function runLarkCheck(env: Env, opts: LarkCheckOptions = {}): Promise<SetupReport> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const r = new Report();

  r.section("配置（.env 与环境变量）");
  const read = readConfig(env, r);
  const config = read?.config;
  if (config) {
    const transport = config.lark.transport === "ws" ? "长连接（LARK_TRANSPORT=ws）" : "webhook（LARK_TRANSPORT=webhook）";
    if (read.usable) r.ok(`应用 ${config.lark.appId}，开放平台 ${config.lark.baseUrl}，接收方式 ${transport}`);
  }

  if (config && read.usable) {
    const lark = new LarkCalls(config.lark.baseUrl, timeoutMs);
    r.section("凭证（App ID、App Secret）");
    const token = await checkToken(lark, config, r);
    r.section("机器人");
    if (token) await checkBot(lark, token, r);
    else r.info("未检查：先解决上面的凭证问题");
    r.section("权限（开发者后台 > 权限管理）");
    if (token) await checkScopes(lark, token, r);
    else r.info("未检查：先解决上面的凭证问题");
  }

  consoleSettings(r, config, env);
  return r.done();
}

// ── Config ────────────────────────────────────────────────────────────────────────────────

interface ConfigRead {
  config: Config;
  /** False when the config names no real app (sandbox): there is nothing to ask Lark about. */
  usable: boolean;
}

function readConfig(env: Env, r: Report): ConfigRead | undefined {
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const p of err.problems) r.fail(`配置有误：${p}。请在 .env 或环境变量中改正（各项说明见 .env.example）`);
    // The webhook keys matter only when Lark delivers; a missing Encrypt Key must not hide a
    // wrong App Secret, so the API checks still run with the rest of the config.
    if ((env.LARK_TRANSPORT ?? "webhook") !== "webhook") return undefined;
    try {
      const c = parseConfig({ ...env, LARK_TRANSPORT: "ws" });
      config = { ...c, lark: { ...c.lark, transport: "webhook" } };
    } catch {
      return undefined;
    }
  }

  if (config.sandbox) {
    if (/^(true|1|yes)$/.test(env.SANDBOX ?? "")) {
      r.fail("设置了 SANDBOX=true：同心会运行沙盒，不连接飞书。接入真实飞书时去掉 SANDBOX=true，并填写 LARK_APP_ID、LARK_APP_SECRET");
    } else {
      r.fail(
        "没有配置飞书应用：在 .env 填写 LARK_APP_ID、LARK_APP_SECRET（开发者后台「凭证与基础信息」）；webhook 方式还要填 LARK_ENCRYPT_KEY、LARK_VERIFICATION_TOKEN（「事件与回调 > 加密策略」）",
      );
    }
    return { config, usable: false };
  }
  if (!config.lark.appId) {
    r.fail("设置了 SANDBOX=false，但没有 LARK_APP_ID、LARK_APP_SECRET：请从开发者后台「凭证与基础信息」复制填入 .env");
    return { config, usable: false };
  }
  // Anyone with this repository knows the sandbox values: a real app must never use them.
  const published = (
    [
      ["LARK_APP_SECRET", config.lark.appSecret === SANDBOX_LARK.appSecret],
      ["LARK_ENCRYPT_KEY", config.lark.encryptKey === SANDBOX_LARK.encryptKey],
      ["LARK_VERIFICATION_TOKEN", config.lark.verificationToken === SANDBOX_LARK.verificationToken],
    ] as const
  ).filter(([, same]) => same);
  for (const [name] of published) r.fail(`${name} 是本仓库公开的沙盒取值，任何人都能伪造：请从开发者后台复制这个应用自己的取值`);
  return { config, usable: true };
}

// ── Calls to Lark ─────────────────────────────────────────────────────────────────────────

interface Answer {
  status: number;
  code: number | undefined;
  msg: string;
  logId: string | undefined;
  body: Record<string, unknown>;
}
type Called = { answer: Answer; error?: undefined } | { answer?: undefined; error: string };

class LarkCalls {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async call(p: Omit<ScopeProbe, "call"> & { token?: string }): Promise<Called> {
    const url = new URL(`${this.baseUrl}/open-apis${p.path}`);
    for (const [k, v] of Object.entries(p.query ?? {})) url.searchParams.set(k, v);
    const headers: Record<string, string> = {};
    if (p.token) headers.authorization = `Bearer ${p.token}`;
    let body: string | FormData | undefined;
    if (p.json !== undefined) {
      headers["content-type"] = "application/json; charset=utf-8";
      body = JSON.stringify(p.json);
    } else if (p.form) {
      body = new FormData();
      for (const [k, v] of Object.entries(p.form)) body.append(k, v);
    }
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: p.method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(this.timeoutMs) });
      text = await res.text();
    } catch (err) {
      return { error: networkError(err, this.timeoutMs) };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const b = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
    const error = b.error && typeof b.error === "object" ? (b.error as { log_id?: unknown }) : {};
    return {
      answer: {
        status: res.status,
        code: typeof b.code === "number" ? b.code : undefined,
        msg: typeof b.msg === "string" ? b.msg : text.slice(0, 200),
        logId: typeof error.log_id === "string" && error.log_id ? error.log_id : (res.headers.get("x-tt-logid") ?? undefined),
        body: b,
      },
    };
  }
}

function networkError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError") return `${timeoutMs / 1000} 秒内没有答复`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** How Lark answered, as an operator quotes it to Lark's support: status, code, msg, log_id. */
function quote(a: Answer, withMsg = true): string {
  const msg = withMsg && a.msg ? ` ${a.msg}` : "";
  return `飞书答复 HTTP ${a.status}，code ${a.code ?? "无"}${msg}${a.logId ? `，log_id ${a.logId}` : ""}`;
}

const unreachable = (baseUrl: string, error: string) =>
  `连不上 ${baseUrl}（${error}）：检查 LARK_BASE_URL（飞书 https://open.feishu.cn，Lark 国际版 https://open.larksuite.com）以及本机到它的网络和代理`;

// ── Token, bot, scopes ────────────────────────────────────────────────────────────────────

async function checkToken(lark: LarkCalls, config: Config, r: Report): Promise<string | undefined> {
  const { answer: a, error } = await lark.call({
    method: "POST",
    path: "/auth/v3/tenant_access_token/internal",
    json: { app_id: config.lark.appId, app_secret: config.lark.appSecret },
  });
  if (!a) {
    r.fail(unreachable(lark.baseUrl, error));
    return undefined;
  }
  const token = a.body.tenant_access_token;
  if (a.code === 0 && typeof token === "string" && token) {
    r.ok(`App ID 与 App Secret 正确，已取得 tenant_access_token（${Number(a.body.expire) || "?"} 秒后过期）`);
    return token;
  }
  if (a.code === CODE_WRONG_SECRET) {
    r.fail(`LARK_APP_SECRET 不对（${quote(a)}）：到开发者后台「凭证与基础信息」复制 App Secret 填入 LARK_APP_SECRET；重置过 Secret 就要用新的`);
  } else if (a.code === CODE_BAD_APP_ID) {
    r.fail(
      `LARK_APP_ID 不被接受（${quote(a)}）：到「凭证与基础信息」核对 App ID（cli_ 开头）；Lark 国际版的应用要把 LARK_BASE_URL 设为 https://open.larksuite.com`,
    );
  } else {
    r.fail(`取 tenant_access_token 失败（${quote(a)}）：按飞书的说明处理，或凭 log_id 询问飞书技术支持`);
  }
  return undefined;
}

async function checkBot(lark: LarkCalls, token: string, r: Report): Promise<void> {
  const { answer: a, error } = await lark.call({ method: "GET", path: "/bot/v3/info", token });
  if (!a) return r.fail(unreachable(lark.baseUrl, error));
  if (a.code !== 0) return r.fail(`读取机器人信息失败（${quote(a)}）：确认已在「应用能力」添加「机器人」并发布了版本`);
  const bot = (a.body.bot ?? {}) as { activate_status?: unknown; app_name?: unknown; open_id?: unknown };
  const status = typeof bot.activate_status === "number" ? bot.activate_status : undefined;
  if (status === undefined) {
    return r.fail(`应用没有机器人能力（飞书答复里没有 bot.activate_status）：${ACTIVATE_STATUS[0]!.fix}`);
  }
  if (status === BOT_ENABLED) return r.ok(`机器人「${String(bot.app_name ?? "")}」已启用（open_id ${String(bot.open_id ?? "?")}）`);
  const known = ACTIVATE_STATUS[status];
  r.fail(
    `机器人未启用（activate_status ${status}${known ? ` ${known.name}` : ""}），同心发不出消息（飞书会答复 230006 Bot ability is not activated）：${known?.fix ?? "在开发者后台查看应用和机器人的状态"}`,
  );
}

async function checkScopes(lark: LarkCalls, token: string, r: Report): Promise<void> {
  for (const s of BOT_SCOPES) {
    if (!s.probe) {
      r.info(`${s.scope}（${s.purpose}）：只用于接收事件，接口探测不到，请在「权限管理」确认已开通`);
      continue;
    }
    const { answer: a, error } = await lark.call({ ...s.probe, token });
    if (!a) {
      r.fail(`无法确认 ${s.scope}（${error}）：${unreachable(lark.baseUrl, error)}`);
      continue;
    }
    reportProbe(s, a, r);
  }
}

/**
 * The gateway checks scopes before the API reads its arguments: 99991672 means missing, any
 * answer from the API itself (code 0 or a code below 9999xxxx, even "bot not enabled") means the
 * gateway let the call through. Other gateway answers (token, rate limit) and 5xx prove nothing.
 */
function reportProbe(s: BotScope, a: Answer, r: Report): void {
  const probe = s.probe!;
  if (a.code === CODE_MISSING_SCOPE) {
    const link = /https:\/\/\S+\/auth\?[^\s，。]+/.exec(a.msg)?.[0];
    const text = `${s.scope} 未开通（${s.purpose}）：在「权限管理」开通 ${s.scope}，${PUBLISH}${link ? `。开通链接：${link}` : ""}（${quote(a, false)}）`;
    if (s.required) r.fail(text);
    else r.warn(`${text}；这项是可选的`);
    return;
  }
  if (a.code === undefined || a.code >= GATEWAY_CODES_FROM || a.status >= 500) {
    r.fail(`无法确认 ${s.scope}（探测：${probe.call}；${quote(a)}）：稍后重跑本检查；一直如此就凭 log_id 询问飞书技术支持`);
    return;
  }
  r.ok(`${s.scope}：${s.purpose}（探测：${probe.call}，飞书答复 code ${a.code}，说明已开通）`);
}

// ── What cannot be read: the console settings ─────────────────────────────────────────────

function consoleSettings(r: Report, config: Config | undefined, env: Env): void {
  r.section("开发者后台设置（订阅无法通过接口读取，请逐项核对）");
  const required = BOT_SCOPES.filter((s) => s.required).map((s) => s.scope);
  const optional = BOT_SCOPES.filter((s) => !s.required).map((s) => s.scope);
  r.info(`权限管理：开通 ${required.join("、")}${optional.length ? `（可选：${optional.join("、")}）` : ""}；${PUBLISH}`);
  r.info("版本管理与发布 > 可用范围：包含支部的全体成员（不在范围内的人收不到同心的消息，飞书答复 230013）");

  const transport = config?.lark.transport ?? (env.LARK_TRANSPORT === "ws" ? "ws" : "webhook");
  if (transport === "ws") {
    r.info("事件与回调 > 事件配置 > 订阅方式：选「使用长连接接收事件」（不需要公网地址，仅企业自建应用可用）");
    r.info("事件与回调 > 回调配置 > 订阅方式：选「使用长连接接收回调」");
    r.info("保存长连接设置前先用 LARK_TRANSPORT=ws 启动同心：飞书检测到连接才允许保存");
  } else {
    const publicUrl = config?.publicUrl?.replace(/\/+$/, "");
    const base = publicUrl ?? "https://<同心的公网域名>";
    if (!publicUrl) r.warn("没有设置 PUBLIC_URL，下面的地址用 <同心的公网域名> 占位：设置 PUBLIC_URL=https://你的域名 后重跑本检查，会给出完整地址");
    r.info("事件与回调 > 加密策略：设置 Encrypt Key，把 Encrypt Key 和 Verification Token 分别填入 LARK_ENCRYPT_KEY、LARK_VERIFICATION_TOKEN");
    r.info(`事件与回调 > 事件配置 > 订阅方式：选「将事件发送至开发者服务器」，请求地址 ${base}${WEBHOOK_PATHS.events}`);
    r.info(`事件与回调 > 回调配置 > 订阅方式：选「将回调发送至开发者服务器」，回调地址 ${base}${WEBHOOK_PATHS.cards}`);
    r.info("保存地址时飞书会立即发送验证请求：先启动同心，并确认上面两个地址从公网能访问");
  }
  for (const e of BOT_EVENTS) r.info(`事件与回调 > 事件配置 > 添加事件：${e.type}（${e.consoleName}：${e.purpose}）`);
  for (const c of BOT_CALLBACKS) r.info(`事件与回调 > 回调配置 > 添加回调：${c.type}（${c.consoleName}：${c.purpose}）`);
}

// ── Output ────────────────────────────────────────────────────────────────────────────────

const MARKS: Record<Mark, string> = { ok: "✓", fail: "✗", warn: "⚠", info: "·" };

export function renderReport(report: SetupReport): string {
  const out = ["同心 飞书接入检查 (npm run lark:check)", ""];
  for (const s of report.sections) {
    out.push(`【${s.title}】`);
    for (const l of s.lines) out.push(`  ${MARKS[l.mark]} ${l.text}`);
    out.push("");
  }
  out.push(
    report.ok
      ? "结论：✓ 能通过接口检查的都没问题；订阅和地址无法通过接口读取，请按「开发者后台设置」逐项核对。"
      : `结论：✗ 有 ${report.failures} 项要处理（✗ 行，每行写明了改法），改好后重跑 npm run lark:check。`,
  );
  return out.join("\n") + "\n";
}
