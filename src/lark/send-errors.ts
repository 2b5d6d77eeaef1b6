// Turns whatever the SDK threw or returned into what the delivery worker must do next.
// Lark answers rate limits as HTTP 429 (code 99991400) or HTTP 400 (code 230020), with the
// seconds until the window resets in `x-ogw-ratelimit-reset`. Every failure keeps Lark's
// status, code, msg and log_id: the log line an operator reads, and what Lark's support asks for.
import { larkBodyInfo, larkErrorInfo, type LarkErrorInfo } from "./error-info.ts";

export type SendFailure = LarkErrorInfo &
  (
    | { kind: "rate_limited"; retryAfterMs: number; detail: string }
    | { kind: "token"; detail: string }
    | { kind: "transient"; detail: string }
    | { kind: "permanent"; detail: string }
  );

const RATE_LIMIT_CODES = new Set([99991400, 230020]);
const TOKEN_CODES = new Set([99991663, 99991661, 99991664, 99991665]);
/** Codes that no retry can fix: receiver outside the app's availability, bot not in chat, bad content. */
const PERMANENT_CODES = new Set([230001, 230002, 230006, 230013, 230025, 230099, 230031, 230035]);

interface HttpishError {
  response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> };
  code?: string;
  message?: string;
}

export function classifySendError(err: unknown): SendFailure {
  const e = (err ?? {}) as HttpishError;
  const reset = Number(e.response?.headers?.["x-ogw-ratelimit-reset"]);
  return classify(larkErrorInfo(err), { transportCode: e.code, message: e.message, resetSec: reset });
}

/** A 200 answer with a non-zero code is still a failure; an unknown code is treated as a 4xx would be. */
export function failureFromBody(body: { code?: number; msg?: string }): SendFailure | undefined {
  if (!body || body.code === 0 || body.code === undefined) return undefined;
  return classify({ status: 200, ...larkBodyInfo(body) }, { unknownIsPermanent: true });
}

function classify(
  info: LarkErrorInfo,
  opts: { transportCode?: string | undefined; message?: string | undefined; resetSec?: number; unknownIsPermanent?: boolean },
): SendFailure {
  const { status, code } = info;
  const detail = `${status ?? opts.transportCode ?? "error"} ${code ?? ""} ${info.msg ?? opts.message ?? ""}${info.logId ? ` (log_id ${info.logId})` : ""}`
    .replace(/\s+/g, " ")
    .trim();
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    const reset = opts.resetSec ?? NaN;
    return { kind: "rate_limited", retryAfterMs: Number.isFinite(reset) && reset > 0 ? reset * 1000 : 1000, detail, ...info };
  }
  if (code !== undefined && TOKEN_CODES.has(code)) return { kind: "token", detail, ...info };
  if (code !== undefined && PERMANENT_CODES.has(code)) return { kind: "permanent", detail, ...info };
  if (opts.unknownIsPermanent || (status !== undefined && status >= 400 && status < 500 && status !== 408)) return { kind: "permanent", detail, ...info };
  return { kind: "transient", detail, ...info };
}

/** The fields a log line about a failed Lark call carries. */
export function failureFields(f: SendFailure): LarkErrorInfo & { kind: string } {
  return {
    kind: f.kind,
    ...(f.status !== undefined ? { status: f.status } : {}),
    ...(f.code !== undefined ? { code: f.code } : {}),
    ...(f.msg !== undefined ? { msg: f.msg } : {}),
    ...(f.logId !== undefined ? { logId: f.logId } : {}),
  };
}
