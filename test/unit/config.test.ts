import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.ts";

describe("parseConfig", () => {
  it("runs the sandbox with embedded defaults when nothing is set", () => {
    const c = parseConfig({});
    expect(c.sandbox).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.pgliteDir).toBe("./data/pglite");
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(c.lark.baseUrl).toBe("http://127.0.0.1:3100");
    expect(c.timezone).toBe("Asia/Shanghai");
    expect(c.role).toBe("all");
  });

  it("uses a real Lark app when its credentials are set", () => {
    const c = parseConfig({ LARK_APP_ID: "cli_a", LARK_APP_SECRET: "s", LARK_ENCRYPT_KEY: "k", LARK_VERIFICATION_TOKEN: "v", LARK_BASE_URL: "https://open.larksuite.com/" });
    expect(c.sandbox).toBe(false);
    expect(c.lark).toMatchObject({ appId: "cli_a", encryptKey: "k", baseUrl: "https://open.larksuite.com", transport: "webhook" });
  });

  it("lists every problem readably", () => {
    let err: unknown;
    try {
      parseConfig({ LARK_APP_ID: "cli_a", PORT: "abc", DATABASE_URL: "mysql://x", REDIS_URL: "localhost", ROLE: "boss" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as ConfigError).message;
    for (const field of ["LARK_APP_SECRET", "PORT", "DATABASE_URL", "REDIS_URL", "ROLE", "LARK_ENCRYPT_KEY", "LARK_VERIFICATION_TOKEN"]) expect(msg).toContain(field);
  });

  it("does not need the encrypt key in long-connection mode", () => {
    expect(parseConfig({ LARK_APP_ID: "a", LARK_APP_SECRET: "b", LARK_TRANSPORT: "ws" }).lark.transport).toBe("ws");
  });
});
