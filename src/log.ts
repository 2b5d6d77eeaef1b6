// Structured logs (pino). Secrets never reach a log line, whatever shape they come in:
// - every logged object is scrubbed before it is written: a key that names a credential
//   (Authorization, app_secret, tenant_access_token, encrypt key, verification token, an event
//   header's `token`) is masked at any depth, and strings that carry one (a request body logged
//   as a JSON string, a "Bearer …" header) are masked inside;
// - errors are reduced to what helps (type, message, Lark's status/code/msg/log_id, method, URL
//   path): an AxiosError drags its request config along, whose headers hold the tenant token and
//   whose `data` is the JSON string of the token request with the app secret in it;
// - pino's own redaction list stays as a second net for the common top-level shapes.
// Child loggers carry the event id (`evt`) of the work.
import { pino, type Logger } from "pino";
import { larkErrorInfo } from "./lark/error-info.ts";

export type { Logger };

export const REDACTED = "[redacted]";

export const REDACT_PATHS = [
  "appSecret",
  "encryptKey",
  "verificationToken",
  "tenant_access_token",
  "token",
  "authorization",
  "*.appSecret",
  "*.encryptKey",
  "*.verificationToken",
  "*.token",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
  "config.lark.appSecret",
  "config.lark.encryptKey",
  "config.lark.verificationToken",
];

/** Key names whose value is a credential wherever it appears (compared without case). */
const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-lark-signature|app_?secret|encrypt_?key|verification_?token|metrics_?token|(tenant|app|user)?_?access_?token|refresh_?token|token)$/i;

/** Quick test before the masking patterns run: most strings mention none of these. */
const MAYBE_SECRET = /secret|token|bearer|encrypt_?key|access_key|ticket/i;
const SECRET_IN_TEXT: [RegExp, string][] = [
  // "app_secret":"…" inside a JSON string (a request body logged as text).
  [/("(?:app_?secret|encrypt_?key|verification_?token|(?:tenant|app|user)_access_token|refresh_token|token)"\s*:\s*")((?:[^"\\]|\\.)*)"/gi, `$1${REDACTED}"`],
  // app_secret=… in a query string or form body; access_key and ticket open a long connection.
  [/\b((?:app_?secret|encrypt_?key|verification_?token|(?:tenant|app|user)_access_token|refresh_token|access_key|ticket)=)[^&\s"]+/gi, `$1${REDACTED}`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
];

export function maskText(s: string): string {
  if (!MAYBE_SECRET.test(s)) return s;
  let out = s;
  for (const [re, to] of SECRET_IN_TEXT) out = out.replace(re, to);
  return out;
}

const MAX_DEPTH = 8;

/** A copy of `value` with every credential masked. Errors become their serialised summary. */
export function scrub(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return maskText(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return serializeError(value, depth, seen);
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[deep]";
  if (value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
    // AxiosHeaders and other classes that say how they want to be written.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    const source = typeof toJSON === "function" ? (toJSON.call(value) as unknown) : value;
    if (source !== value) return scrub(source, depth + 1, seen);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null && v !== "" ? REDACTED : scrub(v, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** Properties of an HTTP client's error that carry the request (and its credentials) along. */
const REQUEST_BAGGAGE = new Set(["config", "request", "response", "headers", "toJSON", "isAxiosError"]);

/**
 * An error as a log line wants it. For an HTTP client's error (AxiosError from the Lark SDK):
 * the status, Lark's code/msg/log_id, the method and the URL's path, and nothing of the request
 * config (its headers carry the tenant token, its data the app secret of a token request).
 */
export function serializeError(err: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (!(err instanceof Error)) return scrub(err, depth, seen);
  if (seen.has(err)) return "[circular]";
  seen.add(err);
  try {
    const out: Record<string, unknown> = { type: err.constructor?.name || err.name, message: maskText(err.message) };
    const e = err as Error & { config?: { method?: unknown; url?: unknown }; response?: unknown; cause?: unknown };
    if (e.config || e.response) {
      Object.assign(out, larkErrorInfo(err));
      if (typeof e.config?.method === "string") out.method = e.config.method.toUpperCase();
      if (typeof e.config?.url === "string") out.url = maskText(e.config.url.split("?")[0]!);
    } else {
      Object.assign(out, larkErrorInfo(err));
      if (err.stack) out.stack = maskText(err.stack);
    }
    for (const [k, v] of Object.entries(err)) {
      if (REQUEST_BAGGAGE.has(k) || k in out || (k === "name" && v === out.type)) continue;
      out[k] = SECRET_KEY.test(k) ? REDACTED : scrub(v, depth + 1, seen);
    }
    if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeError(e.cause, depth + 1, seen);
    return out;
  } finally {
    seen.delete(err);
  }
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "tongxin" },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: serializeError, error: serializeError },
      // Runs on every object logged (after child bindings are fixed, before serializers), so a
      // secret is masked whatever key it sits under and however deep.
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
