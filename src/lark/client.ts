// The real Lark SDK client. Only `domain` differs between production and the Lark double.
// The token cache is ours so that error 99991663 (token invalid) can drop it: the SDK
// itself never refreshes a token that Lark rejected.
import * as lark from "@larksuiteoapi/node-sdk";
import type { Logger } from "../log.ts";

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

export function createLarkClient(opts: { appId: string; appSecret: string; baseUrl: string; log: Logger }): LarkClient {
  const tokens = new TokenCache();
  const log = opts.log.child({ mod: "lark-sdk" });
  const sdk = new lark.Client({
    appId: opts.appId,
    appSecret: opts.appSecret,
    domain: opts.baseUrl,
    cache: tokens,
    loggerLevel: lark.LoggerLevel.warn,
    logger: {
      error: (...m: unknown[]) => log.error({ sdk: m.map(String).join(" ") }),
      warn: (...m: unknown[]) => log.warn({ sdk: m.map(String).join(" ") }),
      info: (...m: unknown[]) => log.info({ sdk: m.map(String).join(" ") }),
      debug: (...m: unknown[]) => log.debug({ sdk: m.map(String).join(" ") }),
      trace: (...m: unknown[]) => log.trace({ sdk: m.map(String).join(" ") }),
    },
  });
  return { sdk, tokens };
}
