// `npm run lark:check` against the Lark double: a good app, a wrong secret, a missing scope, a
// disabled bot, config mistakes; the check function directly, and the script as an operator runs it.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startLarkDouble, type LarkDouble } from "../../src/double/index.ts";
import { ALL_SCOPES, BOT_SCOPES } from "../../src/lark/scopes.ts";
import { renderReport, runLarkCheck, type Mark, type SetupReport } from "../../src/lark/setup-check.ts";
import { BOT_CALLBACKS, BOT_EVENTS } from "../../src/lark/subscriptions.ts";

const APP = {
  appId: "cli_check_app",
  appSecret: "check-app-secret",
  encryptKey: "check-encrypt-key",
  verificationToken: "check-verification-token",
};
const ROOT = join(import.meta.dirname, "../..");

let double: LarkDouble;

beforeAll(async () => {
  double = await startLarkDouble({ ...APP, port: 0 });
});
afterAll(() => double.close());
beforeEach(() => {
  double.configureApp({ scopes: [...ALL_SCOPES], botActivated: true, appSecret: APP.appSecret });
});

function env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    LARK_APP_ID: APP.appId,
    LARK_APP_SECRET: APP.appSecret,
    LARK_ENCRYPT_KEY: APP.encryptKey,
    LARK_VERIFICATION_TOKEN: APP.verificationToken,
    LARK_BASE_URL: double.url,
    ...extra,
  };
}

const lines = (r: SetupReport, mark: Mark) => r.sections.flatMap((s) => s.lines.filter((l) => l.mark === mark).map((l) => l.text));
const probed = BOT_SCOPES.filter((s) => s.probe);

describe("lark:check", () => {
  it("passes a well set-up app and prints the console settings with the public URL", async () => {
    const r = await runLarkCheck(env({ PUBLIC_URL: "https://tongxin.example.org/" }));
    expect(lines(r, "fail")).toEqual([]);
    expect(r.ok).toBe(true);
    const ok = lines(r, "ok");
    expect(ok).toContain(`应用 ${APP.appId}，开放平台 ${double.url}，接收方式 webhook（LARK_TRANSPORT=webhook）`);
    expect(ok.some((l) => l.startsWith("App ID 与 App Secret 正确"))).toBe(true);
    expect(ok).toContain(`机器人「同心」已启用（open_id ${double.botOpenId}）`);
    for (const s of probed) expect(ok.some((l) => l.startsWith(`${s.scope}：`) && l.includes("说明已开通"))).toBe(true);
    const info = lines(r, "info");
    for (const s of BOT_SCOPES.filter((x) => !x.probe)) expect(info.some((l) => l.startsWith(`${s.scope}（`) && l.includes("接口探测不到"))).toBe(true);
    expect(info).toContain("事件与回调 > 事件配置 > 订阅方式：选「将事件发送至开发者服务器」，请求地址 https://tongxin.example.org/lark/events");
    expect(info).toContain("事件与回调 > 回调配置 > 订阅方式：选「将回调发送至开发者服务器」，回调地址 https://tongxin.example.org/lark/cards");
    for (const e of [...BOT_EVENTS, ...BOT_CALLBACKS]) expect(info.some((l) => l.includes(e.type))).toBe(true);
    expect(info.some((l) => l.startsWith("事件与回调 > 加密策略"))).toBe(true);
    expect(lines(r, "warn")).toEqual([]);
    expect(renderReport(r)).toContain("结论：✓");
    // Every probe is refused or finds nothing: the check sends no message and stores nothing.
    expect(double.messages()).toEqual([]);
  });

  it("says which setting is wrong when the App Secret is", async () => {
    const r = await runLarkCheck(env({ LARK_APP_SECRET: "an-old-secret" }));
    expect(r.ok).toBe(false);
    expect(lines(r, "fail")).toEqual([
      expect.stringMatching(/^LARK_APP_SECRET 不对（飞书答复 HTTP 200，code 10014 app secret invalid.*）：到开发者后台「凭证与基础信息」复制 App Secret 填入 LARK_APP_SECRET/),
    ]);
    expect(lines(r, "info")).toContain("未检查：先解决上面的凭证问题");
    expect(renderReport(r)).toContain("结论：✗ 有 1 项要处理");
  });

  it("names a missing required scope with the fix and Lark's own link; a missing optional one only warns", async () => {
    double.configureApp({ scopes: ALL_SCOPES.filter((s) => s !== "contact:user.id:readonly" && s !== "im:chat:readonly") });
    const r = await runLarkCheck(env());
    expect(r.ok).toBe(false);
    const fails = lines(r, "fail");
    expect(fails).toHaveLength(1);
    expect(fails[0]).toMatch(/^contact:user\.id:readonly 未开通（名册导入时按手机号或邮箱找到成员的飞书账号（open_id））：在「权限管理」开通 contact:user\.id:readonly，然后到「版本管理与发布」创建版本并发布/);
    expect(fails[0]).toContain(`开通链接：https://open.feishu.cn/app/${APP.appId}/auth?q=contact:user.id:readonly&op_from=openapi&token_type=tenant`);
    expect(fails[0]).toMatch(/code 99991672，log_id [0-9A-Fa-f]+/);
    expect(lines(r, "warn").filter((l) => !l.includes("PUBLIC_URL"))).toEqual([expect.stringMatching(/^im:chat:readonly 未开通.*这项是可选的$/)]);
    expect(lines(r, "ok").some((l) => l.startsWith("im:message："))).toBe(true);
  });

  it("reports a bot that is not enabled, with what the admin must do; the scopes still read as granted", async () => {
    double.configureApp({ botActivated: false });
    const r = await runLarkCheck(env());
    expect(r.ok).toBe(false);
    expect(lines(r, "fail")).toEqual([
      "机器人未启用（activate_status 0 初始化），同心发不出消息（飞书会答复 230006 Bot ability is not activated）：在开发者后台「应用能力 > 添加应用能力」添加「机器人」，再到「版本管理与发布」创建版本并发布",
    ]);
    for (const s of probed) expect(lines(r, "ok").some((l) => l.startsWith(`${s.scope}：`))).toBe(true);

    double.configureApp({ botActivateStatus: 1 });
    expect(lines(await runLarkCheck(env()), "fail")[0]).toMatch(/^机器人未启用（activate_status 1 租户停用）.*企业管理员/);
  });

  it("reports config mistakes and still checks the credentials; the sandbox and published keys fail", async () => {
    const noKey = await runLarkCheck(env({ LARK_ENCRYPT_KEY: undefined }));
    expect(lines(noKey, "fail")).toEqual([expect.stringMatching(/^配置有误：LARK_ENCRYPT_KEY: webhook mode needs the Encrypt Key.*请在 \.env 或环境变量中改正/)]);
    expect(lines(noKey, "ok").some((l) => l.startsWith("App ID 与 App Secret 正确"))).toBe(true);

    const sandbox = await runLarkCheck({ LARK_BASE_URL: double.url });
    expect(sandbox.ok).toBe(false);
    expect(lines(sandbox, "fail")).toEqual([expect.stringMatching(/^没有配置飞书应用：在 \.env 填写 LARK_APP_ID、LARK_APP_SECRET/)]);
    expect(sandbox.sections.map((s) => s.title)).toEqual(["配置（.env 与环境变量）", "开发者后台设置（订阅无法通过接口读取，请逐项核对）"]);

    const published = await runLarkCheck(env({ LARK_ENCRYPT_KEY: "sandbox-encrypt-key" }));
    expect(lines(published, "fail")).toEqual(["LARK_ENCRYPT_KEY 是本仓库公开的沙盒取值，任何人都能伪造：请从开发者后台复制这个应用自己的取值"]);

    const unreachable = await runLarkCheck(env({ LARK_BASE_URL: "http://127.0.0.1:1" }), { timeoutMs: 2000 });
    expect(lines(unreachable, "fail")).toEqual([expect.stringMatching(/^连不上 http:\/\/127\.0\.0\.1:1（.+）：检查 LARK_BASE_URL/)]);
  });

  it("tells a long-connection app to choose 使用长连接接收事件/回调 instead of URLs", async () => {
    const r = await runLarkCheck(env({ LARK_TRANSPORT: "ws", LARK_ENCRYPT_KEY: undefined, LARK_VERIFICATION_TOKEN: undefined }));
    expect(r.ok).toBe(true);
    const info = lines(r, "info");
    expect(info).toContain("事件与回调 > 事件配置 > 订阅方式：选「使用长连接接收事件」（不需要公网地址，仅企业自建应用可用）");
    expect(info).toContain("事件与回调 > 回调配置 > 订阅方式：选「使用长连接接收回调」");
    expect(info.some((l) => l.includes("/lark/events"))).toBe(false);
  });

  it("runs as `npm run lark:check`: exit 1 with the fix on a missing scope, exit 0 once it is granted", async () => {
    // A directory without .env, and an environment without the test runner's Lark settings.
    const cwd = await mkdtemp(join(tmpdir(), "lark-check-"));
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LARK_|SANDBOX|PUBLIC_URL)/.test(k)));
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "scripts/lark-check.ts")], { cwd, env: { ...base, ...env() } });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, out }));
      });
    try {
      double.configureApp({ scopes: ALL_SCOPES.filter((s) => s !== "im:resource") });
      const missing = await run();
      expect(missing.code).toBe(1);
      expect(missing.out).toContain("没有 .env，只读取环境变量");
      expect(missing.out).toMatch(/  ✗ im:resource 未开通（上传图片和文件.*）：在「权限管理」开通 im:resource/);
      expect(missing.out).toContain("结论：✗ 有 1 项要处理");

      double.configureApp({ scopes: [...ALL_SCOPES] });
      const good = await run();
      expect(good.code).toBe(0);
      expect(good.out).toContain("  ✓ im:resource：");
      expect(good.out).toContain("结论：✓");
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe("the README's setup steps", () => {
  it("list exactly the scopes, events and callback in src/lark/", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const setup = readme.slice(readme.indexOf("## Running it for a real branch"));
    const step = (label: string) => {
      const from = setup.indexOf(label);
      expect(from).toBeGreaterThan(-1);
      const rest = setup.slice(from);
      const end = rest.search(/\n\d+\. /);
      return end === -1 ? rest : rest.slice(0, end);
    };
    const scopes = [...step("**Scopes (权限)**").matchAll(/`([a-z_]+(?::[\w.]+)+)`/g)].map((m) => m[1]);
    expect(scopes).toEqual([...ALL_SCOPES]);
    const events = [...step("**Events (事件与回调)**").matchAll(/`([a-z_]+(?:\.[a-z0-9_]+)+)`/g)].map((m) => m[1]);
    expect(events).toEqual([...BOT_EVENTS, ...BOT_CALLBACKS].map((e) => e.type));
  });
});
