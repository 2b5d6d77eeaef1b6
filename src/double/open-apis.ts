// The Open Platform endpoints the bot calls, answered as Lark answers them (paths, status
// codes, error codes, response shapes), so the real SDK runs against this unchanged.
// Order per request, as on Lark's gateway: injected fault, then token check, then the app's
// scopes and bot ability (scopes.ts), then the API (which applies quotas before doing anything).
import express from "express";
import { contactRoutes } from "./contact-apis.ts";
import { answerLarkError, logIdAndFaults, requireToken, tenantTokenRoute } from "./gateway.ts";
import { fileRoutes } from "./files.ts";
import { imageRoutes } from "./images.ts";
import { larkErrors } from "./lark-errors.ts";
import { listingRoutes } from "./listing-apis.ts";
import { messageRoutes } from "./message-apis.ts";
import { messageResourceRoutes } from "./resources.ts";
import type { OpenApiContext } from "./open-api-context.ts";
import { appGate } from "./scopes.ts";

export function openApiRouter(ctx: OpenApiContext): express.Router {
  const r = express.Router();
  logIdAndFaults(r, ctx);
  r.use(express.json({ limit: "2mb" }));
  tenantTokenRoute(r, ctx);
  requireToken(r, ctx);
  r.use(appGate(ctx.appId, ctx.app));

  r.get("/bot/v3/info", (_req, res) => {
    res.json({
      code: 0,
      msg: "ok",
      bot: { activate_status: ctx.app.botActivateStatus, app_name: ctx.botName, avatar_url: "", ip_white_list: [], open_id: ctx.botOpenId },
    });
  });
  messageRoutes(r, ctx);
  contactRoutes(r, ctx);
  listingRoutes(r, ctx);
  imageRoutes(r, ctx.store.resources);
  fileRoutes(r, ctx.store.resources);
  messageResourceRoutes(r, ctx);

  r.use(() => {
    throw larkErrors.notFound();
  });
  r.use(answerLarkError);
  return r;
}
