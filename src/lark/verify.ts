// The project's own check in front of every Lark delivery. The SDK's adapter answers a bad
// signature with 200 and never checks the token or the timestamp's age; here each of those
// is a 401 before anything is written.
//
// Order matters: a signed delivery is authenticated over its raw bytes (signature, then age)
// before a single byte of it is parsed, so an unauthenticated sender cannot make the bot parse
// a large or deeply nested JSON document. The one request Lark makes without a signature is the
// console's URL check; it alone may be parsed unauthenticated, and only when it is tiny.
import { decryptEvent, signEvent, signatureMatches } from "./crypto.ts";

export interface VerifyOptions {
  /** Empty when the app has no Encrypt Key: Lark then sends plain, unsigned bodies. */
  encryptKey: string;
  verificationToken: string;
  /** Seconds a delivery may be old (Lark retries carry a fresh timestamp). */
  maxAgeSec: number;
  nowMs: number;
}

/** Why a delivery was refused: short, fixed codes (they label metrics and log lines). */
export type RefusalReason =
  | "too_large"
  | "unsigned"
  | "bad_signature"
  | "stale"
  | "not_json"
  | "not_encrypted"
  | "bad_encryption"
  | "wrong_token"
  | "bad_schema"
  | "store_unavailable";

export type Verified =
  | { ok: true; kind: "delivery"; body: Record<string, unknown> }
  | { ok: true; kind: "challenge"; challenge: string }
  | { ok: false; status: 400 | 401; reason: RefusalReason; message: string };

/**
 * The largest unsigned body looked at. Lark's URL check is about 200 bytes (300 encrypted);
 * anything bigger without a signature is refused unread.
 */
export const MAX_UNSIGNED_BODY = 4 * 1024;

type Headers = Record<string, string | string[] | undefined>;

function header(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

const refuse = (status: 400 | 401, reason: RefusalReason, message: string): Verified => ({ ok: false, status, reason, message });

/** True when the request carries any of Lark's signature headers (then all three must be right). */
export function isSigned(headers: Headers): boolean {
  return headers["x-lark-signature"] !== undefined || headers["x-lark-request-timestamp"] !== undefined || headers["x-lark-request-nonce"] !== undefined;
}

export function verifyDelivery(raw: Buffer, headers: Headers, opts: VerifyOptions): Verified {
  if (!opts.encryptKey) return verifyPlain(raw, opts);
  if (!isSigned(headers)) return verifyUnsignedChallenge(raw, opts);

  const ts = header(headers, "x-lark-request-timestamp");
  const nonce = header(headers, "x-lark-request-nonce");
  const sig = header(headers, "x-lark-signature");
  if (!ts || !nonce || !sig) return refuse(401, "unsigned", "signature headers missing");
  if (!signatureMatches(signEvent(ts, nonce, opts.encryptKey, raw), sig)) return refuse(401, "bad_signature", "bad signature");
  const ageSec = Math.abs(opts.nowMs / 1000 - Number(ts));
  if (!Number.isFinite(ageSec) || ageSec > opts.maxAgeSec) return refuse(401, "stale", "timestamp too old");

  // Authenticated from here on: Lark itself wrote these bytes.
  const outer = parseObject(raw.toString("utf8"));
  if (!outer) return refuse(400, "not_json", "body is not a JSON object");
  if (typeof outer.encrypt !== "string") return refuse(401, "not_encrypted", "body is not encrypted");
  const body = decrypted(opts.encryptKey, outer.encrypt);
  if (!body) return refuse(401, "bad_encryption", "cannot decrypt");
  return checkToken(body, opts);
}

/**
 * An unsigned request: only Lark's URL check, authenticated by decrypting with the Encrypt Key
 * and then by the Verification Token inside. A plain challenge is refused: with an Encrypt Key
 * set, Lark encrypts it, and a plain one could come from anyone who read the token in a log.
 * An event that decrypts fine but is unsigned is refused too: Lark signs every event, so an
 * unsigned one is a replay of captured ciphertext.
 */
function verifyUnsignedChallenge(raw: Buffer, opts: VerifyOptions): Verified {
  if (raw.length > MAX_UNSIGNED_BODY) return refuse(401, "unsigned", "signature headers missing");
  const outer = parseObject(raw.toString("utf8"));
  if (!outer) return refuse(401, "unsigned", "signature headers missing");
  if (typeof outer.encrypt !== "string") {
    return outer.type === "url_verification"
      ? refuse(401, "not_encrypted", "plain url_verification refused: an Encrypt Key is configured")
      : refuse(401, "unsigned", "signature headers missing");
  }
  const body = decrypted(opts.encryptKey, outer.encrypt);
  if (!body || body.type !== "url_verification") return refuse(401, "unsigned", "signature headers missing");
  return checkToken(body, opts);
}

/**
 * No Encrypt Key: Lark sends plain bodies with no signature, and the token inside is the only
 * proof (config refuses webhook mode without a key for a real app, so this serves a double or
 * a test started without one).
 */
function verifyPlain(raw: Buffer, opts: VerifyOptions): Verified {
  const body = parseObject(raw.toString("utf8"));
  if (!body) return refuse(400, "not_json", "body is not a JSON object");
  return checkToken(body, opts);
}

function checkToken(body: Record<string, unknown>, opts: VerifyOptions): Verified {
  if (body.type === "url_verification") {
    if (body.token !== opts.verificationToken) return refuse(401, "wrong_token", "wrong verification token");
    if (typeof body.challenge !== "string") return refuse(400, "bad_schema", "url_verification without a challenge");
    return { ok: true, kind: "challenge", challenge: body.challenge };
  }
  const token = (body.header as { token?: unknown } | undefined)?.token;
  if (token !== opts.verificationToken) return refuse(401, "wrong_token", "wrong verification token");
  return { ok: true, kind: "delivery", body };
}

function decrypted(encryptKey: string, encrypted: string): Record<string, unknown> | undefined {
  try {
    return parseObject(decryptEvent(encryptKey, encrypted));
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
