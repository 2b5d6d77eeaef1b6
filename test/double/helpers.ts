// Shared by the double's tests: credentials, a real SDK client pointed at the double, and a
// tiny bot receiver that checks Lark's signature and decrypts like a production webhook must.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as lark from "@larksuiteoapi/node-sdk";
import express from "express";
import { decryptEvent, signatureMatches, signEvent } from "../../src/lark/crypto.ts";
import { startLarkDouble, type LarkDouble, type LarkDoubleOptions } from "../../src/double/index.ts";

export const CREDS = {
  appId: "cli_test_double",
  appSecret: "secret-for-tests",
  encryptKey: "encrypt-key-for-tests",
  verificationToken: "verification-token-for-tests",
} as const;

export function startDouble(extra: Partial<LarkDoubleOptions> = {}): Promise<LarkDouble> {
  return startLarkDouble({ ...CREDS, ...extra });
}

// The SDK logs every failed request; the failures here are the point of the tests.
const silent = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };

export function sdkClient(double: LarkDouble, appSecret: string = CREDS.appSecret): lark.Client {
  return new lark.Client({
    appId: CREDS.appId,
    appSecret,
    domain: double.url,
    cache: new lark.DefaultCache(),
    disableTokenCache: false,
    logger: silent,
  });
}

/** The parts of an AxiosError the bot reads. */
export async function larkFailure(p: Promise<unknown>): Promise<{ status: number; code: number; headers: Record<string, string> }> {
  try {
    await p;
  } catch (err) {
    const e = err as { response?: { status: number; data: { code: number }; headers: Record<string, string> } };
    if (!e.response) throw err;
    return { status: e.response.status, code: e.response.data.code, headers: e.response.headers };
  }
  throw new Error("expected the call to fail");
}

export interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  signatureOk: boolean;
  payload: Record<string, unknown>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** What the receiver answers; default 200 {}. */
  answer: (r: Received) => { status?: number; body?: unknown; delayMs?: number };
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const app = express();
  const receiver: Receiver = { url: "", received: [], answer: () => ({}), close: async () => {} };
  app.post("/{*path}", express.raw({ type: "*/*" }), async (req, res) => {
    const raw = (req.body as Buffer).toString("utf8");
    const ts = String(req.headers["x-lark-request-timestamp"] ?? "");
    const nonce = String(req.headers["x-lark-request-nonce"] ?? "");
    const given = String(req.headers["x-lark-signature"] ?? "");
    const signatureOk = signatureMatches(signEvent(ts, nonce, CREDS.encryptKey, raw), given);
    let payload: Record<string, unknown> = {};
    try {
      payload = JSON.parse(decryptEvent(CREDS.encryptKey, (JSON.parse(raw) as { encrypt: string }).encrypt)) as Record<string, unknown>;
    } catch {
      // A body encrypted with another key: keep payload empty, the test looks at signatureOk.
    }
    const r: Received = { path: req.path, headers: req.headers, raw, signatureOk, payload };
    receiver.received.push(r);
    const { status = 200, body = {}, delayMs } = receiver.answer(r);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    res.status(status).json(body);
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

export const card2 = (title: string, extra: unknown[] = []) => ({
  schema: "2.0",
  config: { update_multi: true },
  header: { title: { tag: "plain_text", content: title }, template: "blue" },
  body: {
    elements: [
      { tag: "markdown", content: `**${title}**` },
      { tag: "button", text: { tag: "plain_text", content: "完成" }, behaviors: [{ type: "callback", value: { action: "done" } }] },
      ...extra,
    ],
  },
});
