// Whether this configuration may start the bot. Not part of parseConfig on purpose: the roster,
// report and bench scripts parse the same environment with only a DATABASE_URL and must keep
// working; only the bot itself serves /sandbox and accepts deliveries.
//
// The danger it guards against: the sandbox seeds a demo branch, serves /sandbox without login
// and accepts deliveries signed with keys published in this repository (SANDBOX_LARK). On a
// server database that holds a real branch, anyone could then act as any real secretary.
import { SANDBOX_LARK, type Config } from "./config.ts";

export interface StartupVerdict {
  /** Why the bot must not start, in Chinese for the operator; undefined when it may. */
  readonly refusal: string | undefined;
  /** Said loudly before starting: what this configuration does that an operator may not expect. */
  readonly warnings: readonly string[];
}

type Env = Record<string, string | undefined>;

/** The settings that identify a real Lark app; the sandbox never uses any of them. */
const CREDENTIALS = [
  ["LARK_APP_ID", "appId"],
  ["LARK_APP_SECRET", "appSecret"],
  ["LARK_ENCRYPT_KEY", "encryptKey"],
  ["LARK_VERIFICATION_TOKEN", "verificationToken"],
] as const;

// parseConfig treats an empty value as unset (a copied .env.example has `LARK_APP_ID=`); so do we.
const isSet = (env: Env, name: string): boolean => (env[name] ?? "") !== "";

const REAL_TENANT =
  "设置 LARK_APP_ID、LARK_APP_SECRET（webhook 模式还需 LARK_ENCRYPT_KEY、LARK_VERIFICATION_TOKEN；docker compose 从 .env 读取），见 README 的 “Running it for a real branch”";

export const MISSING_DATA_KEY = [
  "没有配置数据密钥 DATA_KEYS：谈心记录、困难情况、求助原因等敏感内容须加密保存，不能以明文写入数据库。",
  "请生成一个密钥（node -e \"console.log('k1:'+require('crypto').randomBytes(32).toString('base64'))\"），",
  "写入 .env：DATA_KEYS=k1:<base64> 与 DATA_KEY_ID=k1，并妥善备份（丢失密钥即无法读出加密的内容）。见 docs/privacy.md。",
  "(No data key: set DATA_KEYS and DATA_KEY_ID; sensitive records are never stored in plain text. See docs/privacy.md.)",
].join("\n");

export function checkStartup(config: Config, env: Env): StartupVerdict {
  const warnings: string[] = [];
  const refuse = (message: string): StartupVerdict => ({ refusal: `同心拒绝启动：${message}`, warnings });
  const sandboxOptIn = /^(true|1|yes)$/.test(env.SANDBOX ?? "");

  if (config.sandbox) {
    // The sandbox replaces every credential with the published ones, so a real app's settings
    // next to it would be silently ignored, or mixed with a key anyone can read.
    const given = CREDENTIALS.map(([name]) => name).filter((name) => isSet(env, name));
    if (given.length > 0) {
      return refuse(
        [
          `${sandboxOptIn ? "设置了 SANDBOX=true，同时" : "没有设置 LARK_APP_ID，却"}配置了飞书应用的 ${given.join("、")}。`,
          "沙盒模式不使用这些设置，而是接受本仓库公开的沙盒密钥签名的事件；把真实租户与公开密钥混在一起，任何人都能冒充真实用户。",
          "请二选一：",
          `  1. 接入真实飞书租户：${REAL_TENANT}，并去掉 SANDBOX=true；`,
          "  2. 运行演示沙盒：删除所有 LARK_APP_ID / LARK_APP_SECRET / LARK_ENCRYPT_KEY / LARK_VERIFICATION_TOKEN 设置。",
        ].join("\n"),
      );
    }
    if (config.databaseUrl !== undefined && !sandboxOptIn) {
      return refuse(
        [
          "DATABASE_URL 指向一个数据库服务器，但既没有配置飞书应用（LARK_APP_ID / LARK_APP_SECRET），也没有明确开启沙盒（SANDBOX=true）。",
          "就这样启动，机器人会以沙盒模式运行：在该数据库中写入演示支部，开放无需登录的 /sandbox 页面，并接受本仓库公开的沙盒密钥签名的事件——任何人都能冒充任何书记。",
          "数据库未做任何改动。请二选一：",
          `  1. 接入真实飞书租户：${REAL_TENANT}；`,
          "  2. 明知如此仍要在这个数据库上运行演示沙盒：设置 SANDBOX=true。",
          "（不设 DATABASE_URL 时，沙盒使用内嵌数据库 PGLITE_DIR，无需任何设置。）",
        ].join("\n"),
      );
    }
    if (config.databaseUrl !== undefined) {
      warnings.push(
        [
          "注意：沙盒模式（SANDBOX=true）正运行在 DATABASE_URL 指向的数据库服务器上：",
          config.sandboxSeed ? "  - 在该数据库中写入演示支部（SANDBOX_SEED=false 可关闭）；" : "  - 不写入演示支部（SANDBOX_SEED=false）；",
          "  - /sandbox 页面无需登录，可以任何人的身份发消息、点卡片、拨动时钟；",
          "  - 接受用本仓库公开的沙盒密钥签名的事件与卡片回调。",
          "只可用于演示或测试数据库，切勿用于真实支部的数据。",
        ].join("\n"),
      );
    }
    if (!isLoopback(config.host)) {
      warnings.push(`注意：沙盒监听 ${config.host}（HOST），其他机器也能打开无需登录的 /sandbox 页面。只在本机使用时请去掉 HOST 设置（默认 127.0.0.1）。`);
    }
    return { refusal: undefined, warnings };
  }

  // A real app from here on: LARK_APP_ID set, or SANDBOX=false. (SANDBOX=true always means the
  // sandbox in parseConfig, so SANDBOX=true with a real LARK_APP_ID was refused above.)
  if (config.lark.appId === "") {
    return refuse(`设置了 SANDBOX=false，但没有配置飞书应用。请${REAL_TENANT}；或者去掉 SANDBOX=false 并且不设 DATABASE_URL，以运行演示沙盒。`);
  }
  // The published sandbox values are in every clone of this repository: a real tenant that
  // accepted them would accept forged deliveries from anyone.
  const published = CREDENTIALS.filter(([, field]) => config.lark[field] === SANDBOX_LARK[field]).map(([name]) => name);
  if (published.length > 0) {
    return refuse(
      `${published.join("、")} 等于本仓库公开的沙盒取值，任何人都能据此伪造飞书的事件与回调。请从飞书开发者后台（凭证与基础信息、事件与回调 > 加密策略）复制真实的取值。`,
    );
  }
  // Talk notes, household facts and aid reasons are sealed with this key; without it they would
  // have to be written in plain text, which the bot never does.
  if (config.dataKeys === undefined) return refuse(MISSING_DATA_KEY);
  return { refusal: undefined, warnings };
}

function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "::1" || host === "localhost" || host.startsWith("127.");
}
