// Turns whatever the SDK threw or returned into what the delivery worker must do next.
// Lark answers rate limits as HTTP 429 (code 99991400) or HTTP 400 (code 230020), with the
// seconds until the window resets in `x-ogw-ratelimit-reset`.

export type SendFailure =
  | { kind: "rate_limited"; retryAfterMs: number; detail: string }
  | { kind: "token"; detail: string }
  | { kind: "transient"; detail: string }
  | { kind: "permanent"; detail: string };

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
  const status = e.response?.status;
  const code = e.response?.data?.code;
  const detail = `${status ?? e.code ?? "error"} ${code ?? ""} ${e.response?.data?.msg ?? e.message ?? ""}`.trim();
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    const reset = Number(e.response?.headers?.["x-ogw-ratelimit-reset"]);
    return { kind: "rate_limited", retryAfterMs: Number.isFinite(reset) && reset > 0 ? reset * 1000 : 1000, detail };
  }
  if (code !== undefined && TOKEN_CODES.has(code)) return { kind: "token", detail };
  if (code !== undefined && PERMANENT_CODES.has(code)) return { kind: "permanent", detail };
  if (status !== undefined && status >= 400 && status < 500 && status !== 408) return { kind: "permanent", detail };
  return { kind: "transient", detail };
}

/** A 200 answer with a non-zero code is still a failure; make it look like the thrown kind. */
export function failureFromBody(body: { code?: number; msg?: string }): SendFailure | undefined {
  if (!body || body.code === 0 || body.code === undefined) return undefined;
  return classifySendError({ response: { status: 400, data: body, headers: {} } });
}
