// What an operator needs from a failed Lark call to act on it or to quote it to Lark's support:
// the HTTP status, Lark's `code` and `msg`, and the `log_id` Lark's staff look requests up by.
// Lark puts log_id in the error body (`error.log_id`) and in the `x-tt-logid` header; the SDK
// throws AxiosErrors for 4xx/5xx answers, returns the body for HTTP 200 answers with a non-zero
// code, and turns a failed token fetch into a plain Error whose message carries code and msg.
// No imports: the logger's error serializer uses this too.

export interface LarkErrorInfo {
  status?: number;
  code?: number;
  msg?: string;
  logId?: string;
}

interface Httpish {
  response?: { status?: unknown; data?: unknown; headers?: unknown };
  message?: unknown;
}

const TOKEN_ERROR = /failed to get (\w+), code: (-?\d+), msg: (.*)$/;

/** The parts of a Lark answer body that say what went wrong; empty when it is not one. */
export function larkBodyInfo(body: unknown): LarkErrorInfo {
  if (!body || typeof body !== "object") return {};
  const b = body as { code?: unknown; msg?: unknown; error?: { log_id?: unknown } };
  const out: LarkErrorInfo = {};
  if (typeof b.code === "number") out.code = b.code;
  if (typeof b.msg === "string") out.msg = b.msg;
  if (b.error && typeof b.error === "object" && typeof b.error.log_id === "string" && b.error.log_id) out.logId = b.error.log_id;
  return out;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const h = headers as Record<string, unknown> & { get?: (n: string) => unknown };
  const v = typeof h.get === "function" ? h.get(name) : (h[name] ?? h[name.toLowerCase()]);
  return typeof v === "string" && v ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
}

/** Status, code, msg and log id of whatever the SDK threw or answered; fields it lacks are absent. */
export function larkErrorInfo(err: unknown): LarkErrorInfo {
  if (!err || typeof err !== "object") return {};
  const e = err as Httpish;
  if (e.response && typeof e.response === "object") {
    const out: LarkErrorInfo = larkBodyInfo(e.response.data);
    if (typeof e.response.status === "number") out.status = e.response.status;
    out.logId ??= headerValue(e.response.headers, "x-tt-logid");
    if (out.logId === undefined) delete out.logId;
    return out;
  }
  if (typeof e.message === "string") {
    const m = TOKEN_ERROR.exec(e.message);
    if (m) return { code: Number(m[2]), msg: m[3]! };
  }
  return larkBodyInfo(err);
}
