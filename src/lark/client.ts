// The real Lark SDK client. Only `domain` differs between production and the Lark double.
// The token cache is ours so that error 99991663 (token invalid) can drop it: the SDK
// itself never refreshes a token that Lark rejected.
import * as lark from "@larksuiteoapi/node-sdk";
import { serializeError, scrub, type Logger } from "../log.ts";
import { larkBodyInfo, type LarkErrorInfo } from "./error-info.ts";
import { boundedHttp } from "./http.ts";

export class TokenCache {
  private values = new Map<string, { value: unknown; expiredTime: number | undefined }>();
  // The SDK types cache keys as `string | Symbol`.
  private key(key: string | Symbol, namespace?: string): string {
    return `${namespace ?? ""}/${String(key)}`;
  }
  async get(key: string | Symbol, options?: { namespace?: string }): Promise<unknown> {
    const hit = this.values.get(this.key(key, options?.namespace));
    if (!hit) return undefined;
    if (hit.expiredTime !== undefined && hit.expiredTime <= Date.now()) return undefined;
    return hit.value;
  }
  async set(key: string | Symbol, value: unknown, expiredTime?: number, options?: { namespace?: string }): Promise<boolean> {
    this.values.set(this.key(key, options?.namespace), { value, expiredTime });
    return true;
  }
  clear(): void {
    this.values.clear();
  }
}

export interface LarkClient {
  readonly sdk: lark.Client;
  readonly tokens: TokenCache;
}

type SdkLevel = "error" | "warn" | "info" | "debug" | "trace";

/**
 * One argument the SDK logged, made readable. Its failed calls arrive as `formatErrors` output:
 * `{message, config: {data, url, params, method}, request, response: {data, status}}` followed
 * by Lark's body; `config.data` is the request body as a JSON string (the app secret, for a
 * token request), so only the method, the URL's path and Lark's answer are kept.
 */
function sdkPart(arg: unknown): unknown {
  if (typeof arg === "string") return scrub(arg);
  if (arg instanceof Error) return serializeError(arg);
  if (!arg || typeof arg !== "object") return arg;
  const o = arg as { message?: unknown; config?: { url?: unknown; method?: unknown }; response?: { status?: unknown; data?: unknown } };
  if ("config" in o || "response" in o) {
    const info: LarkErrorInfo & { message?: string; method?: string; url?: string } = {};
    if (typeof o.message === "string") info.message = o.message;
    if (typeof o.config?.method === "string") info.method = o.config.method.toUpperCase();
    if (typeof o.config?.url === "string") info.url = String(scrub(o.config.url.split("?")[0]));
    if (typeof o.response?.status === "number") info.status = o.response.status;
    return { ...info, ...larkBodyInfo(o.response?.data) };
  }
  // Lark's error body, flattened by the SDK with its `error` fields (log_id, troubleshooter).
  const body = o as { code?: unknown; log_id?: unknown };
  if (typeof body.code === "number") {
    const info = larkBodyInfo(o);
    return typeof body.log_id === "string" ? { ...info, logId: body.log_id } : info;
  }
  return scrub(arg);
}

/**
 * The SDK's logger, writing its arguments as readable, scrubbed JSON instead of "[object Object]".
 * The SDK logs every failed call as an error before throwing it; whether it is one is for the
 * caller to say (a 230013 is a user outside the app's availability, not a fault), and the caller
 * logs it with what it means, so the SDK's own line is a warning.
 */
export function sdkLogger(log: Logger): Record<SdkLevel, (...args: unknown[]) => void> {
  const write = (level: SdkLevel) => (...args: unknown[]) => {
    // The SDK's LoggerProxy passes its arguments as one array; formatErrors adds another level.
    const parts = (args.flat(3) as unknown[]).map(sdkPart);
    const text = parts.filter((p): p is string => typeof p === "string").join(" ");
    const fields = parts.filter((p) => typeof p !== "string");
    const first = fields[0] as { message?: unknown } | undefined;
    const said = text || (typeof first?.message === "string" ? first.message : "");
    log[level]({ sdk: fields.length === 1 ? fields[0] : fields.length > 1 ? fields : undefined }, `lark sdk${said ? `: ${said}` : ""}`);
  };
  return { error: write("warn"), warn: write("warn"), info: write("info"), debug: write("debug"), trace: write("trace") };
}

export function createLarkClient(opts: { appId: string; appSecret: string; baseUrl: string; log: Logger; timeoutMs?: number }): LarkClient {
  const tokens = new TokenCache();
  const sdk = new lark.Client({
    // Bounded: a request Lark never answers is abandoned and retried (src/lark/http.ts).
    httpInstance: boundedHttp(opts.timeoutMs ?? 10_000),
    appId: opts.appId,
    appSecret: opts.appSecret,
    domain: opts.baseUrl,
    cache: tokens,
    loggerLevel: lark.LoggerLevel.warn,
    logger: sdkLogger(opts.log.child({ mod: "lark-sdk" })),
  });
  return { sdk, tokens };
}
