// The one place the environment is read. parseConfig is pure (env in, Config out) so tests
// build configs without touching process.env.
import { z } from "zod";
import { trustProxySetting, type TrustProxy } from "./http/trust-proxy.ts";
import { keyringFrom } from "./lib/sealing.ts";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = z.coerce.number().int().positive();

export const ROLES = ["all", "web", "worker", "scheduler"] as const;
export type ProcessRole = (typeof ROLES)[number];

const schema = z
  .object({
    LARK_APP_ID: z.string().min(1).optional(),
    LARK_APP_SECRET: z.string().min(1).optional(),
    LARK_ENCRYPT_KEY: z.string().min(1).optional(),
    LARK_VERIFICATION_TOKEN: z.string().min(1).optional(),
    LARK_BASE_URL: z.url().default("https://open.feishu.cn"),
    LARK_TRANSPORT: z.enum(["webhook", "ws"]).default("webhook"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .optional(),
    PGLITE_DIR: z.string().default("./data/pglite"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").default("redis://127.0.0.1:6379"),
    QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default("tongxin"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // No default here: the address depends on the mode (see `host` below).
    HOST: z.string().min(1).optional(),
    TZ_NAME: z.string().default("Asia/Shanghai"),
    ROLE: z.enum(ROLES).default("all"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // json: one JSON object a line (production); text: one readable Chinese line (the sandbox's
    // default when a person watches the terminal, see src/sandbox/log-lines.ts).
    LOG_FORMAT: z.enum(["json", "text"]).optional(),
    SEND_RATE_APP_PER_SEC: positiveInt.default(50),
    SEND_RATE_TARGET_PER_SEC: positiveInt.default(5),
    SEND_MAX_ATTEMPTS: positiveInt.default(8),
    // How long a call to Lark may take before it is abandoned and retried (uploads: 6 times this).
    LARK_HTTP_TIMEOUT_MS: positiveInt.default(10_000),
    AID_MAX_YUAN: positiveInt.default(50_000),
    /** The largest picture or PDF a member may attach to a request (said in the refusal). */
    ATTACHMENT_MAX_MB: z.coerce.number().positive().max(30).default(10),
    SANDBOX: bool.optional(),
    SANDBOX_SEED: bool.default(true),
    LARK_DOUBLE_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
    PUBLIC_URL: z.url().optional(),
    ROSTER_CONTACT: z.string().default("所在党支部的书记或党务工作者"),
    SCHEDULER_REFRESH_MS: positiveInt.default(60_000),
    // How often (ms) the scheduler role checks that Redis still holds its sentinel key (a FLUSHALL or an empty restart).
    REDIS_LOSS_CHECK_MS: positiveInt.default(2000),
    TRUST_PROXY: trustProxySetting.optional(),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().min(1).default("127.0.0.1"),
    METRICS_TOKEN: z.string().min(16, "至少 16 个字符（例如 openssl rand -hex 24 生成）").optional(),
    // How long a processed event's payload and a delivered message's content are kept (docs/privacy.md).
    PAYLOAD_RETENTION_HOURS: positiveInt.default(8),
    // How long the sensitive records of a member who left are kept before they are erased.
    RETENTION_AFTER_LEAVING_DAYS: positiveInt.default(1095),
    // Data keys sealing sensitive columns at rest: "k2026a:<base64 of 32 bytes>,k2025:<…>"; new
    // values are sealed with DATA_KEY_ID (default: the first), the others only open old values.
    DATA_KEYS: z.string().min(1).optional(),
    DATA_KEY_ID: z.string().min(1).optional(),
  });

/** Rules between variables. Checked on the raw values so they are reported together with type errors. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const hasId = Boolean(env.LARK_APP_ID);
  if (hasId !== Boolean(env.LARK_APP_SECRET)) problems.push("LARK_APP_SECRET: LARK_APP_ID and LARK_APP_SECRET go together");
  const webhook = (env.LARK_TRANSPORT ?? "webhook") === "webhook";
  if (hasId && webhook && !env.LARK_ENCRYPT_KEY) {
    problems.push("LARK_ENCRYPT_KEY: webhook mode needs the Encrypt Key from the app's 事件与回调 > 加密策略 page");
  }
  if (hasId && webhook && !env.LARK_VERIFICATION_TOKEN) problems.push("LARK_VERIFICATION_TOKEN: webhook mode needs the Verification Token");
  if (env.DATA_KEYS) {
    try {
      keyringFrom(env.DATA_KEYS, env.DATA_KEY_ID);
    } catch (err) {
      problems.push(`DATA_KEYS: ${(err as Error).message}`);
    }
  } else if (env.DATA_KEY_ID) problems.push("DATA_KEY_ID: names one of DATA_KEYS, which is not set");
  return problems;
}

export interface Config {
  readonly lark: {
    readonly appId: string;
    readonly appSecret: string;
    readonly encryptKey: string;
    readonly verificationToken: string;
    readonly baseUrl: string;
    readonly transport: "webhook" | "ws";
  };
  /** True when no Lark app is configured: the bot runs against its own in-process Lark double. */
  readonly sandbox: boolean;
  readonly sandboxSeed: boolean;
  readonly larkDoublePort: number;
  readonly databaseUrl: string | undefined;
  readonly pgliteDir: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly port: number;
  readonly host: string;
  readonly timezone: string;
  readonly role: ProcessRole;
  readonly logLevel: string;
  /** Unset: JSON, except in the sandbox on a terminal. */
  readonly logFormat: "json" | "text" | undefined;
  readonly send: { readonly appPerSec: number; readonly targetPerSec: number; readonly maxAttempts: number };
  /** Milliseconds after which a call to Lark that has not answered is abandoned (a hung Lark). */
  readonly larkTimeoutMs: number;
  readonly aidMaxFen: number;
  /** The largest picture or PDF attached to an aid request, in bytes (ATTACHMENT_MAX_MB). */
  readonly attachmentMaxBytes: number;
  readonly publicUrl: string | undefined;
  /** Whom a stranger is told to contact to be added to the roster. */
  readonly rosterContact: string;
  /** How often the scheduler role upserts the job schedulers again (they vanish with Redis). */
  readonly schedulerRefreshMs: number;
  /** How often the scheduler role checks for a Redis that lost its data, to restore schedulers and re-queue pending work at once. */
  readonly redisLossCheckMs: number;
  /** express's `trust proxy`: false unless TRUST_PROXY names the proxies in front of the bot. */
  readonly trustProxy: TrustProxy;
  /** /metrics: on its own listener (port, host) and/or on the main port behind a Bearer token; off when neither is set. */
  readonly metrics: { readonly port: number | undefined; readonly host: string; readonly token: string | undefined };
  readonly retention: {
    /**
     * Hours after which a processed event is stripped to its key and a delivered message to an
     * empty shell. 8 by default: Lark redelivers an event for up to about 7 hours, and a
     * message's uuid dedupes for 1 hour; the keys, which dedupe, are kept for ever.
     */
    readonly payloadHours: number;
    /**
     * Days a member's sensitive records are kept after their last membership ended, then erased.
     * 1095 (3 years) by default: long enough for a departure recorded in error to be undone, for
     * the branch's annual reviews and a committee's three-year term (换届) to look back on the
     * care that was given, and no longer than that is needed.
     */
    readonly afterLeavingDays: number;
  };
  /** DATA_KEYS and DATA_KEY_ID as given (checked to build a keyring); undefined: none configured. */
  readonly dataKeys: { readonly keys: string; readonly currentId: string | undefined } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Credentials the sandbox uses with its own Lark double. Never valid against real Lark. */
export const SANDBOX_LARK = {
  // Shaped like a real app id (cli_ + 16 hex digits): the SDK's WSClient refuses any other,
  // and the sandbox can run over the long connection too (LARK_TRANSPORT=ws).
  appId: "cli_5a4db0c5a4db0c00",
  appSecret: "sandbox-secret",
  encryptKey: "sandbox-encrypt-key",
  verificationToken: "sandbox-verification-token",
} as const;

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`)),
    ...crossFieldProblems(cleaned),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const sandbox = e.SANDBOX ?? !e.LARK_APP_ID;
  const lark = sandbox
    ? {
        ...SANDBOX_LARK,
        baseUrl: `http://127.0.0.1:${e.LARK_DOUBLE_PORT}`,
        transport: e.LARK_TRANSPORT,
      }
    : {
        appId: e.LARK_APP_ID ?? "",
        appSecret: e.LARK_APP_SECRET ?? "",
        encryptKey: e.LARK_ENCRYPT_KEY ?? "",
        verificationToken: e.LARK_VERIFICATION_TOKEN ?? "",
        baseUrl: e.LARK_BASE_URL.replace(/\/+$/, ""),
        transport: e.LARK_TRANSPORT,
      };
  return Object.freeze({
    lark: Object.freeze(lark),
    sandbox,
    sandboxSeed: e.SANDBOX_SEED,
    larkDoublePort: e.LARK_DOUBLE_PORT,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    port: e.PORT,
    // The sandbox serves /sandbox without login and accepts published keys, so unless HOST says
    // otherwise it is reachable from this machine only; a real bot must be reachable by Lark.
    host: e.HOST ?? (sandbox ? "127.0.0.1" : "0.0.0.0"),
    timezone: e.TZ_NAME,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    send: Object.freeze({
      appPerSec: e.SEND_RATE_APP_PER_SEC,
      targetPerSec: e.SEND_RATE_TARGET_PER_SEC,
      maxAttempts: e.SEND_MAX_ATTEMPTS,
    }),
    larkTimeoutMs: e.LARK_HTTP_TIMEOUT_MS,
    aidMaxFen: e.AID_MAX_YUAN * 100,
    attachmentMaxBytes: Math.round(e.ATTACHMENT_MAX_MB * 1024 * 1024),
    publicUrl: e.PUBLIC_URL,
    rosterContact: e.ROSTER_CONTACT,
    schedulerRefreshMs: e.SCHEDULER_REFRESH_MS,
    redisLossCheckMs: e.REDIS_LOSS_CHECK_MS,
    trustProxy: e.TRUST_PROXY ?? false,
    metrics: Object.freeze({ port: e.METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN }),
    retention: Object.freeze({ payloadHours: e.PAYLOAD_RETENTION_HOURS, afterLeavingDays: e.RETENTION_AFTER_LEAVING_DAYS }),
    dataKeys: e.DATA_KEYS ? Object.freeze({ keys: e.DATA_KEYS, currentId: e.DATA_KEY_ID }) : undefined,
  });
}
