// Lark's error answers, in one place so every endpoint (and every fault) answers a given
// failure with the same status, code and message the real platform uses.
import { randomBytes } from "node:crypto";
import type { Response } from "express";

export class LarkApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields of the answer's `error` object, next to `log_id`. */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(msg);
    this.name = "LarkApiError";
  }
}

export const larkErrors = {
  missingToken: () =>
    new LarkApiError(400, 99991661, "Missing access token for authorization. Please make a request with token attached."),
  invalidToken: () =>
    new LarkApiError(400, 99991663, "Invalid access token for authorization. Please make a request with token attached."),
  invalidParam: (detail: string) => new LarkApiError(400, 99992402, `field validation failed: ${detail}`),
  badRequest: (detail: string) => new LarkApiError(400, 230001, `Your request contains an invalid request parameter, ${detail}`),
  botNotInChat: () => new LarkApiError(400, 230002, "The bot can not be outside the group."),
  noAvailability: () => new LarkApiError(400, 230013, "Bot has NO availability to this user."),
  contentTooLong: (bytes: number, max: number) =>
    new LarkApiError(400, 230025, `The length of the message content reaches its limit (${bytes} > ${max} bytes).`),
  badCard: (detail: string) => new LarkApiError(400, 230099, `Failed to create card content, ext=${detail}`),
  messageNotFound: (id: string) => new LarkApiError(400, 230001, `Your request contains an invalid request parameter, message_id=${id} not found`),
  rateLimited: (resetSeconds: number) =>
    new LarkApiError(429, 99991400, "request trigger frequency limit", { "x-ogw-ratelimit-reset": String(resetSeconds) }),
  frequencyLimit: (resetSeconds: number) =>
    new LarkApiError(400, 230020, "This operation triggers the frequency limit.", { "x-ogw-ratelimit-reset": String(resetSeconds) }),
  internal: (status: number) => new LarkApiError(status, 2200, "Internal Error"),
  /** The gateway's answer when none of the API's scopes is granted (text as Lark words it). */
  missingScope: (appId: string, scopes: readonly string[]) => {
    const list = `[${scopes.join(", ")}]`;
    const link = `https://open.feishu.cn/app/${appId}/auth?q=${scopes.join(",")}&op_from=openapi&token_type=tenant`;
    return new LarkApiError(
      400,
      99991672,
      `Access denied. One of the following scopes is required: ${list}.应用尚未开通所需的应用身份权限：${list}，点击链接申请并开通任一权限即可：${link}`,
      {},
      { permission_violations: scopes.map((subject) => ({ type: "action_scope_required", subject })) },
    );
  },
  botNotActivated: () => new LarkApiError(400, 230006, "Bot ability is not activated."),
  chatBotNotActivated: () => new LarkApiError(400, 232025, "Bot ability is not activated."),
  resourceBotNotActivated: () => new LarkApiError(400, 234007, "App does not enable bot feature."),
  invalidResourceParam: (detail: string) => new LarkApiError(400, 234001, `Invalid request param. ${detail}`),
  emptyFile: () => new LarkApiError(400, 234010, "File's size can't be 0."),
  notFound: () => new LarkApiError(404, 404, "404 page not found"),
};

/**
 * A request id as Lark's gateway writes it: the time (yyyyMMddHHmmss) and 18 hex digits, e.g.
 * 20240704150939A1B2C3D4E5F6A7B8C9D0. Lark's support looks requests up by it.
 */
export function larkLogId(now = new Date()): string {
  const t = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${t}${randomBytes(9).toString("hex").toUpperCase()}`;
}

export function sendLarkError(res: Response, err: LarkApiError): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  // Lark gives the same log id twice on an error: the x-tt-logid header and error.log_id.
  const logId = String(res.getHeader("x-tt-logid") ?? larkLogId());
  res.setHeader("x-tt-logid", logId);
  res.status(err.status).json({ code: err.code, msg: err.message, error: { ...err.detail, log_id: logId } });
}
