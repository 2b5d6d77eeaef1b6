// TRUST_PROXY and the metrics settings as parseConfig reads them: off by default, what express
// accepts otherwise, and a reason in Chinese for anything else.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.ts";

const base = { LARK_APP_ID: "cli_x", LARK_APP_SECRET: "s", LARK_ENCRYPT_KEY: "e", LARK_VERIFICATION_TOKEN: "v", DATABASE_URL: "postgresql://x/y", SANDBOX: "false" };
const trust = (v: string | undefined) => parseConfig({ ...base, ...(v === undefined ? {} : { TRUST_PROXY: v }) }).trustProxy;

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("TRUST_PROXY", () => {
  it("is off unless set", () => {
    expect(trust(undefined)).toBe(false);
    expect(trust("")).toBe(false);
    expect(trust("false")).toBe(false);
    expect(trust("0")).toBe(false);
  });

  it("takes what express's trust proxy takes", () => {
    expect(trust("true")).toBe(true);
    expect(trust("1")).toBe(1);
    expect(trust("2")).toBe(2);
    expect(trust("loopback")).toBe("loopback");
    expect(trust("loopback, 10.0.0.0/8 ,192.168.1.1")).toBe("loopback,10.0.0.0/8,192.168.1.1");
    expect(trust("uniquelocal,linklocal")).toBe("uniquelocal,linklocal");
    expect(trust("fd00::/8,::1")).toBe("fd00::/8,::1");
    expect(trust("10.0.0.0/255.0.0.0")).toBe("10.0.0.0/255.0.0.0");
  });

  it("refuses anything else with a reason", () => {
    for (const bad of ["maybe", "10.0.0.0/33", "300.1.1.1", "loopback,nonsense", "fd00::/129", "1.2.3.4/5/6"]) {
      const p = problems({ TRUST_PROXY: bad });
      expect(p, bad).toHaveLength(1);
      expect(p[0], bad).toMatch(/^TRUST_PROXY: 无法识别/);
    }
  });
});

describe("metrics settings", () => {
  it("are off by default: no listener, no token", () => {
    expect(parseConfig(base).metrics).toEqual({ port: undefined, host: "127.0.0.1", token: undefined });
  });

  it("take a port, a host and a token of at least 16 characters", () => {
    expect(parseConfig({ ...base, METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0", METRICS_TOKEN: "0123456789abcdef" }).metrics).toEqual({
      port: 9464,
      host: "0.0.0.0",
      token: "0123456789abcdef",
    });
    expect(problems({ METRICS_TOKEN: "short" })[0]).toMatch(/^METRICS_TOKEN: 至少 16 个字符/);
    expect(problems({ METRICS_PORT: "70000" })[0]).toMatch(/^METRICS_PORT/);
  });
});
