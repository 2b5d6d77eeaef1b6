// The decision whether the bot may start, for every way the sandbox and a real tenant can meet.
import { TEST_DATA_KEYS } from "../support/env.ts";
import { describe, expect, it } from "vitest";
import { parseConfig, SANDBOX_LARK } from "../../src/config.ts";
import { checkStartup } from "../../src/startup-checks.ts";

const SERVER_DB = "postgresql://tongxin:tongxin@db.example:5432/tongxin";
const REAL = { LARK_APP_ID: "cli_a1b2c3", LARK_APP_SECRET: "real-secret", LARK_ENCRYPT_KEY: "real-encrypt", LARK_VERIFICATION_TOKEN: "real-token", DATA_KEYS: TEST_DATA_KEYS };

/** As main.ts does it: parse, then check against the same environment. */
const verdictOf = (env: Record<string, string>) => checkStartup(parseConfig(env), env);

describe("checkStartup: the sandbox", () => {
  it("starts with nothing set (embedded database), listening on this machine only, without warnings", () => {
    const config = parseConfig({});
    expect(config.host).toBe("127.0.0.1");
    expect(checkStartup(config, {})).toEqual({ refusal: undefined, warnings: [] });
  });

  it("treats empty values, as in a copied .env.example, as unset", () => {
    expect(verdictOf({ LARK_APP_ID: "", LARK_APP_SECRET: "", LARK_ENCRYPT_KEY: "", SANDBOX: "" })).toEqual({ refusal: undefined, warnings: [] });
  });

  it("refuses a server database without Lark credentials and without the opt-in, naming both ways out", () => {
    const v = verdictOf({ DATABASE_URL: SERVER_DB });
    expect(v.refusal).toContain("同心拒绝启动");
    expect(v.refusal).toContain("DATABASE_URL");
    expect(v.refusal).toContain("演示支部");
    expect(v.refusal).toContain("/sandbox");
    expect(v.refusal).toContain("LARK_APP_ID");
    expect(v.refusal).toContain("SANDBOX=true");
    expect(v.refusal).toContain("数据库未做任何改动");
  });

  it("runs on a server database with SANDBOX=true, saying loudly what that does", () => {
    const v = verdictOf({ DATABASE_URL: SERVER_DB, SANDBOX: "true" });
    expect(v.refusal).toBeUndefined();
    expect(v.warnings).toHaveLength(1);
    for (const part of ["SANDBOX=true", "演示支部", "/sandbox 页面无需登录", "公开的沙盒密钥"]) expect(v.warnings[0]).toContain(part);
  });

  it("says no demo branch is written when SANDBOX_SEED=false", () => {
    const v = verdictOf({ DATABASE_URL: SERVER_DB, SANDBOX: "1", SANDBOX_SEED: "false" });
    expect(v.warnings[0]).toContain("不写入演示支部");
  });

  it("listens where HOST says when it is set, and warns that the page is open to other machines", () => {
    const config = parseConfig({ HOST: "0.0.0.0" });
    expect(config.host).toBe("0.0.0.0");
    const v = checkStartup(config, { HOST: "0.0.0.0" });
    expect(v.refusal).toBeUndefined();
    expect(v.warnings.join("\n")).toContain("0.0.0.0");
  });

  it("refuses SANDBOX=true together with a real LARK_APP_ID: a real tenant must never meet a published key", () => {
    const v = verdictOf({ ...REAL, SANDBOX: "true" });
    expect(v.refusal).toContain("SANDBOX=true");
    expect(v.refusal).toContain("LARK_APP_ID");
  });

  it("refuses Lark credentials without LARK_APP_ID instead of ignoring them in the sandbox", () => {
    const v = verdictOf({ LARK_ENCRYPT_KEY: "real-encrypt", LARK_VERIFICATION_TOKEN: "real-token" });
    expect(v.refusal).toContain("LARK_ENCRYPT_KEY、LARK_VERIFICATION_TOKEN");
  });
});

describe("checkStartup: a real tenant", () => {
  it("starts with real credentials on a server database, listening on every interface", () => {
    const config = parseConfig({ ...REAL, DATABASE_URL: SERVER_DB });
    expect(config.host).toBe("0.0.0.0");
    expect(checkStartup(config, { ...REAL, DATABASE_URL: SERVER_DB })).toEqual({ refusal: undefined, warnings: [] });
  });

  it.each([
    ["LARK_ENCRYPT_KEY", SANDBOX_LARK.encryptKey],
    ["LARK_VERIFICATION_TOKEN", SANDBOX_LARK.verificationToken],
    ["LARK_APP_SECRET", SANDBOX_LARK.appSecret],
    ["LARK_APP_ID", SANDBOX_LARK.appId],
  ])("refuses %s equal to the published sandbox value", (name, value) => {
    const v = verdictOf({ ...REAL, DATABASE_URL: SERVER_DB, [name]: value });
    expect(v.refusal).toContain(name);
    expect(v.refusal).toContain("公开的沙盒取值");
  });

  it("refuses the published keys in long-connection mode too", () => {
    const env = { LARK_APP_ID: "cli_a1b2c3", LARK_APP_SECRET: SANDBOX_LARK.appSecret, LARK_TRANSPORT: "ws" };
    expect(verdictOf(env).refusal).toContain("LARK_APP_SECRET");
  });

  it("refuses SANDBOX=false without a Lark app", () => {
    const v = verdictOf({ SANDBOX: "false", DATABASE_URL: SERVER_DB });
    expect(v.refusal).toContain("SANDBOX=false");
    expect(v.refusal).toContain("LARK_APP_ID");
  });
});
