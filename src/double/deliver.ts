// How Lark posts to a bot: the envelope JSON is AES-encrypted into {"encrypt": base64} and the
// exact body bytes are signed with timestamp + nonce + encrypt key. Exported on their own so a
// test can forge a bad signature, a wrong key or a stale timestamp. The one unsigned request
// Lark makes is the console's URL check (buildUnsignedRequest).
import { encryptEvent, signEvent } from "../lark/crypto.ts";
import { hexId } from "./ids.ts";

export interface SignOptions {
  encryptKey: string;
  /** Seconds since the epoch, as a string (Lark's X-Lark-Request-Timestamp). */
  timestamp?: string;
  nonce?: string;
  /** Replaces the computed signature, to forge a bad one. */
  signature?: string;
  now?: () => number;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export function buildSignedRequest(envelope: unknown, opts: SignOptions): SignedRequest {
  const body = JSON.stringify({ encrypt: encryptEvent(opts.encryptKey, JSON.stringify(envelope)) });
  const timestamp = opts.timestamp ?? String(Math.floor((opts.now ?? Date.now)() / 1000));
  const nonce = opts.nonce ?? hexId(8);
  const signature = opts.signature ?? signEvent(timestamp, nonce, opts.encryptKey, body);
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-lark-request-timestamp": timestamp,
      "x-lark-request-nonce": nonce,
      "x-lark-signature": signature,
      "user-agent": "Lark-Double/1.0",
    },
  };
}

/**
 * The console's "save request URL" check as Lark sends it: no X-Lark-Signature, timestamp or
 * nonce headers at all (several public integrations captured it on the wire), the body
 * encrypted into {"encrypt": …} when the app has an Encrypt Key and plain JSON when it has none.
 */
export function buildUnsignedRequest(payload: unknown, encryptKey: string): SignedRequest {
  const json = JSON.stringify(payload);
  return {
    body: encryptKey ? JSON.stringify({ encrypt: encryptEvent(encryptKey, json) }) : json,
    headers: { "content-type": "application/json; charset=utf-8", "user-agent": "Lark-Double/1.0" },
  };
}

export interface DeliveryResult {
  /** The bot's HTTP status; 0 when it could not be reached or did not answer in time. */
  status: number;
  /** The bot's answer, parsed as JSON when it is JSON, else the raw text. */
  body: unknown;
  ms: number;
  error?: string;
}

export interface DeliverOptions extends SignOptions {
  /** Lark gives up on a bot after 3 s. */
  timeoutMs?: number;
}

export async function deliver(url: string, envelope: unknown, opts: DeliverOptions): Promise<DeliveryResult> {
  return postRequest(url, buildSignedRequest(envelope, opts), opts.timeoutMs ?? 3000);
}

/** Posts a request built beforehand (signed or not) the way Lark does, giving up after timeoutMs. */
export async function postRequest(url: string, req: SignedRequest, timeoutMs: number): Promise<DeliveryResult> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, body: parseMaybeJson(text), ms: Math.round(performance.now() - started) };
  } catch (err) {
    const e = err as Error;
    const error = e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : `${e.message}${causeOf(e)}`;
    return { status: 0, body: undefined, ms: Math.round(performance.now() - started), error };
  }
}

function parseMaybeJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function causeOf(e: Error): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message ?? "unknown cause"})` : "";
}
