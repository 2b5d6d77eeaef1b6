// The project's own check in front of every Lark delivery. The SDK's adapter answers a bad
// signature with 200 and never checks the token or the timestamp's age; here each of those
// is a 401 before anything is parsed further or written.
import { decryptEvent, signEvent, signatureMatches } from "./crypto.ts";

export interface VerifyOptions {
  encryptKey: string;
  verificationToken: string;
  /** Seconds a delivery may be old (Lark retries carry a fresh timestamp). */
  maxAgeSec: number;
  nowMs: number;
}

export type Verified = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 401; reason: string };

type Headers = Record<string, string | string[] | undefined>;

function header(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function verifyDelivery(raw: Buffer, headers: Headers, opts: VerifyOptions): Verified {
  let outer: unknown;
  try {
    outer = JSON.parse(raw.toString("utf8"));
  } catch {
    return { ok: false, status: 400, reason: "body is not JSON" };
  }
  if (typeof outer !== "object" || outer === null) return { ok: false, status: 400, reason: "body is not a JSON object" };

  let body = outer as Record<string, unknown>;
  if (opts.encryptKey) {
    if (typeof body.encrypt !== "string") return { ok: false, status: 401, reason: "body is not encrypted" };
    const ts = header(headers, "x-lark-request-timestamp");
    const nonce = header(headers, "x-lark-request-nonce");
    const sig = header(headers, "x-lark-signature");
    if (!ts || !nonce || !sig) return { ok: false, status: 401, reason: "signature headers missing" };
    if (!signatureMatches(signEvent(ts, nonce, opts.encryptKey, raw), sig)) return { ok: false, status: 401, reason: "bad signature" };
    const ageSec = Math.abs(opts.nowMs / 1000 - Number(ts));
    if (!Number.isFinite(ageSec) || ageSec > opts.maxAgeSec) return { ok: false, status: 401, reason: "timestamp too old" };
    try {
      body = JSON.parse(decryptEvent(opts.encryptKey, body.encrypt)) as Record<string, unknown>;
    } catch {
      return { ok: false, status: 401, reason: "cannot decrypt" };
    }
  }
  const token = body.type === "url_verification" ? body.token : (body.header as { token?: unknown } | undefined)?.token;
  if (token !== opts.verificationToken) return { ok: false, status: 401, reason: "wrong verification token" };
  return { ok: true, body };
}
