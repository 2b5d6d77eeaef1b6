// What reaches the log when things go wrong with Lark: the real SDK's errors against the Lark
// double (AxiosErrors whose config carries the tenant token and, for a token request, the app
// secret), the SDK's own log lines, and the other places a credential can sit. Each secret is
// looked for in every byte written; Lark's status, code, msg and log_id must be there instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLarkDouble, type LarkDouble } from "../../src/double/index.ts";
import { createLarkClient } from "../../src/lark/client.ts";
import { createLarkSender, SendFailureError } from "../../src/lark/sender.ts";
import { createLogger, type Logger } from "../../src/log.ts";

const TEST_LARK = { appId: "cli_log_test", appSecret: "log-test-app-secret", encryptKey: "log-test-encrypt-key", verificationToken: "log-test-verification-token" };

let double: LarkDouble;
beforeAll(async () => {
  double = await startLarkDouble({ ...TEST_LARK, port: 0 });
});
afterAll(async () => double?.close());

/** A logger writing into memory, as pino writes to stdout in production. */
function captured(level = "debug"): { log: Logger; text: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const log = createLogger(level, { write: (s: string) => void chunks.push(s) });
  return {
    log,
    text: () => chunks.join(""),
    lines: () => chunks.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("logging Lark's failures", () => {
  it("an AxiosError from a refused send: status, code, msg and log_id, and no tenant token", async () => {
    const c = captured();
    const client = createLarkClient({ ...TEST_LARK, baseUrl: double.url, log: c.log });
    const err = (await thrown(
      client.sdk.im.message.create({
        params: { receive_id_type: "open_id" },
        data: { receive_id: "ou_nobody", msg_type: "text", content: JSON.stringify({ text: "你好" }) },
      }),
    )) as { config?: { headers?: Record<string, unknown> }; response?: { headers?: Record<string, string> } };
    const authorization = String(err.config?.headers?.Authorization ?? err.config?.headers?.authorization ?? "");
    expect(authorization).toMatch(/^Bearer t-/);
    const token = authorization.slice("Bearer ".length);

    c.log.error({ err }, "send failed");
    c.log.error(err as Error, "send failed, error as the first argument");
    c.log.warn({ failure: err, nested: { deeper: { cause: err } } }, "error under other keys");

    expect(c.text()).not.toContain(token);
    const logId = err.response?.headers?.["x-tt-logid"];
    expect(logId).toBeTruthy();
    const line = c.lines().find((l) => l.msg === "send failed")!;
    expect(line.err).toMatchObject({ type: "AxiosError", status: 400, code: 230013, logId, method: "POST", url: `${double.url}/open-apis/im/v1/messages` });
    expect(String((line.err as { msg: string }).msg)).toContain("NO availability");
    // The SDK's own line about the same failure is readable JSON now, not "[object Object]".
    const sdkLine = c.lines().find((l) => l.mod === "lark-sdk")!;
    expect(JSON.stringify(sdkLine)).not.toContain("[object Object]");
    expect(sdkLine.sdk).toEqual(expect.arrayContaining([expect.objectContaining({ status: 400, code: 230013, logId })]));
  });

  it("a failed token request: the app secret in the request body never reaches the log", async () => {
    const c = captured();
    const secret = "s3cret-in-the-token-request-body";
    // A wrong app id makes Lark answer the token request with HTTP 400: an AxiosError whose
    // config.data is the JSON string {"app_id":…,"app_secret":…}.
    const client = createLarkClient({ appId: "cli_wrong_app", appSecret: secret, baseUrl: double.url, log: c.log });
    const err = (await thrown(client.sdk.request({ method: "GET", url: "/open-apis/bot/v3/info" }))) as { config?: { data?: unknown } };
    expect(String(err.config?.data)).toContain(secret);
    c.log.error({ err, config: (err as { config: unknown }).config }, "token request failed");
    expect(c.text()).not.toContain(secret);
    expect(c.text()).toContain("token request failed");
    const sdkLine = c.lines().find((l) => l.mod === "lark-sdk")!;
    expect(sdkLine.sdk).toMatchObject({ status: 400, code: 10003 });
  });

  it("the sender's failures carry Lark's code and log_id, and a wrong secret says so", async () => {
    const c = captured();
    const client = createLarkClient({ ...TEST_LARK, appSecret: "not-the-secret", baseUrl: double.url, log: c.log });
    const calls: string[] = [];
    const sender = createLarkSender(client, { log: c.log, observe: (op, code) => calls.push(`${op}:${code}`) });
    const wrongSecret = (await thrown(
      sender.deliver({ kind: "SEND", receiveIdType: "open_id", receiveId: "ou_x", msgType: "text", content: { text: "x" }, idempotencyKey: "k1" }),
    )) as SendFailureError;
    // Lark answers a wrong secret with HTTP 200 and code 10014; the SDK turns it into an Error.
    expect(wrongSecret.failure).toMatchObject({ kind: "transient", code: 10014, msg: "app secret invalid" });
    expect(c.text()).not.toContain("not-the-secret");

    const good = createLarkSender(createLarkClient({ ...TEST_LARK, baseUrl: double.url, log: c.log }), { log: c.log, observe: (op, code) => calls.push(`${op}:${code}`) });
    const refused = (await thrown(
      good.deliver({ kind: "SEND", receiveIdType: "open_id", receiveId: "ou_nobody", msgType: "text", content: { text: "x" }, idempotencyKey: "k2" }),
    )) as SendFailureError;
    expect(refused.failure).toMatchObject({ kind: "permanent", status: 400, code: 230013 });
    expect(refused.failure.logId).toMatch(/^\w{10,}$/);
    expect(refused.failure.detail).toContain(`log_id ${refused.failure.logId}`);
    expect(calls).toEqual(["send:10014", "send:230013"]);
  });
});

describe("redaction", () => {
  it("masks credentials wherever they sit: headers, request bodies as text, event headers, keys", () => {
    const c = captured();
    const secrets = {
      bearer: "t-g1044sbearerbearerbearer",
      appSecret: "app-secret-value-123",
      verification: "verification-token-value",
      tenant: "t-tenant-access-token-xyz",
      encrypt: "encrypt-key-value-abc",
      cardToken: "c-card-token-value",
      wsTicket: "ws-ticket-value",
    };
    c.log.info({ req: { method: "POST", headers: { authorization: `Bearer ${secrets.bearer}`, host: "x" } } }, "request");
    c.log.info({ a: { b: { c: { headers: { Authorization: `Bearer ${secrets.bearer}` } } } } }, "deep headers");
    c.log.info({ config: { data: JSON.stringify({ app_id: "cli_x", app_secret: secrets.appSecret }) } }, "request body as text");
    c.log.info({ body: `app_id=cli_x&app_secret=${secrets.appSecret}` }, "form body");
    c.log.info({ delivery: { envelope: { header: { event_id: "e1", token: secrets.verification } } } }, "event header");
    c.log.info({ answer: { code: 0, tenant_access_token: secrets.tenant, expire: 7200 } }, "token answer");
    c.log.info({ raw: `{"code":0,"tenant_access_token":"${secrets.tenant}"}` }, "token answer as text");
    c.log.info({ settings: { lark: { encryptKey: secrets.encrypt, encrypt_key: secrets.encrypt, verificationToken: secrets.verification } } }, "config");
    c.log.info({ event: { token: secrets.cardToken, action: { value: { a: "x" } } } }, "card callback");
    c.log.info({ url: `wss://example/ws?device_id=1&access_key=abc&ticket=${secrets.wsTicket}` }, "socket url");
    c.log.info({ list: [{ appSecret: secrets.appSecret }, [`Bearer ${secrets.bearer}`]] }, "arrays");
    const err = Object.assign(new Error(`request failed with Bearer ${secrets.bearer}`), { app_secret: secrets.appSecret });
    c.log.error({ err }, "plain error with a secret property");

    const text = c.text();
    for (const [name, value] of Object.entries(secrets)) expect(text, name).not.toContain(value);
    // What is not secret stays readable.
    expect(text).toContain("cli_x");
    expect(text).toContain('"event_id":"e1"');
    expect(c.lines()).toHaveLength(12);
  });

  it("the SDK logger adapter writes readable JSON for the SDK's argument shapes", () => {
    const c = captured();
    const logger = (createLarkClient({ ...TEST_LARK, baseUrl: double.url, log: c.log }).sdk as unknown as { logger: { error: (...a: unknown[]) => void } }).logger;
    // The SDK's formatErrors shape, as LoggerProxy passes it (one array argument).
    logger.error([
      {
        message: "Request failed with status code 400",
        config: { data: '{"app_id":"cli_x","app_secret":"adapter-secret"}', url: "https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal", method: "post" },
        request: { host: "open.feishu.cn" },
        response: { data: { code: 10003, msg: "invalid param", error: { log_id: "2024LOGID" } }, status: 400 },
      },
      { code: 10003, msg: "invalid param", log_id: "2024LOGID" },
    ]);
    expect(c.text()).not.toContain("adapter-secret");
    const line = c.lines()[0]!;
    expect(line.level).toBe(40);
    expect(line.sdk).toEqual([
      { message: "Request failed with status code 400", method: "POST", url: "https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal", status: 400, code: 10003, msg: "invalid param", logId: "2024LOGID" },
      { code: 10003, msg: "invalid param", logId: "2024LOGID" },
    ]);
  });
});
