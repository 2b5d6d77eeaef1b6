// What Lark's gateway does before any API runs, in its order: a log id on every answer, an
// injected fault (faults.ts), the tenant token endpoint, then the token check on everything
// else; and how an error becomes Lark's answer (status, code, msg).
import type express from "express";
import type { NextFunction, Request, Response } from "express";
import { z } from "zod";
import { hexId } from "./ids.ts";
import { LarkApiError, larkErrors, sendLarkError } from "./lark-errors.ts";
import type { OpenApiContext } from "./open-api-context.ts";

const tokenBody = z.object({ app_id: z.string().min(1), app_secret: z.string().min(1) });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Log id, then the next injected fault for this method and path, if any. */
export function logIdAndFaults(r: express.Router, ctx: OpenApiContext): void {
  r.use((_req, res, next) => {
    res.setHeader("x-tt-logid", hexId(12));
    next();
  });
  r.use(async (req, _res, next) => {
    const fault = ctx.faults.take(req.method, req.originalUrl.split("?")[0]!);
    if (!fault) return next();
    if (fault.kind === "429") throw larkErrors.rateLimited(fault.resetSeconds ?? 1);
    if (fault.kind === "230020") throw larkErrors.frequencyLimit(fault.resetSeconds ?? 1);
    if (fault.kind === "5xx") throw larkErrors.internal(fault.status ?? 500);
    if (fault.kind === "slow") await delay(fault.delayMs ?? 5000);
    if (fault.kind === "hang") await ctx.faults.hold(fault.delayMs);
    if (fault.kind === "expire-token") ctx.tokens.expireAll();
    next();
  });
}

/** POST /auth/v3/tenant_access_token/internal, the one endpoint without a token. */
export function tenantTokenRoute(r: express.Router, ctx: OpenApiContext): void {
  r.post("/auth/v3/tenant_access_token/internal", (req, res) => {
    const body = tokenBody.safeParse(req.body ?? {});
    if (!body.success || body.data.app_id !== ctx.appId) {
      res.status(400).json({ code: 10003, msg: "invalid param" });
      return;
    }
    // Lark answers a wrong secret with HTTP 200 and a non-zero code; the SDK throws on it.
    if (body.data.app_secret !== ctx.appSecret) {
      res.json({ code: 10014, msg: "app secret invalid" });
      return;
    }
    const { token, expire } = ctx.tokens.issue();
    res.json({ code: 0, msg: "ok", tenant_access_token: token, expire });
  });
}

/** Every route after this needs a valid tenant token (99991661 missing, 99991663 invalid). */
export function requireToken(r: express.Router, ctx: OpenApiContext): void {
  r.use((req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw larkErrors.missingToken();
    if (!ctx.tokens.isValid(token)) throw larkErrors.invalidToken();
    next();
  });
}

export function answerLarkError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof LarkApiError) return sendLarkError(res, err);
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === "entity.parse.failed") return sendLarkError(res, new LarkApiError(400, 9499, "Bad Request: body is not valid JSON"));
  if (e.type === "entity.too.large") return sendLarkError(res, new LarkApiError(413, 9499, "Request Entity Too Large"));
  sendLarkError(res, new LarkApiError(500, 2200, `Internal Error: ${e.message ?? String(err)}`));
}
