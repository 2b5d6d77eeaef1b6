// The long connection's HTTP side. POST /callback/ws/endpoint is where the SDK's WSClient asks
// for a WebSocket URL (body {AppID, AppSecret}; answer {code, msg, data: {URL, ClientConfig}});
// Lark answers credential problems with HTTP 200 and a code, which the SDK reads, so only a body
// that is not JSON is a 400. /_double/long-connections is the control API's part: list the
// connected clients, drop them.
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { LongConnectionHub } from "./long-connection.ts";
import { DoubleError, parseOrThrow } from "./schemas.ts";

export function longConnectionEndpoint(hub: LongConnectionHub): express.Router {
  const r = express.Router();
  r.post("/callback/ws/endpoint", express.json({ limit: "64kb" }), (req, res) => {
    res.json(hub.discover(req.body, req.headers.host ?? "127.0.0.1"));
  });
  r.use("/callback/ws/endpoint", (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const e = err as { type?: string };
    if (e.type === "entity.parse.failed") return void res.status(400).json({ code: 400, msg: "body is not valid JSON", data: {} });
    next(err);
  });
  return r;
}

const dropInput = z.object({ afterAnswers: z.number().int().positive().optional() }).strict();
const refuseInput = z.object({ times: z.number().int().positive().optional(), code: z.number().int().optional() }).strict();

/** Mounted at /_double/long-connections, before the rest of the control API. */
export function longConnectionControl(hub: LongConnectionHub): express.Router {
  const r = express.Router();
  r.use((_req, res, next) => {
    res.setHeader("access-control-allow-origin", "*");
    next();
  });
  r.get("/", (_req, res) => void res.json({ inUse: hub.inUse, waiting: hub.waiting(), connections: hub.connections() }));
  r.post("/drop", express.json({ limit: "4kb" }), (req, res) => {
    res.json(hub.drop(parseOrThrow(dropInput, req.body ?? {})));
  });
  r.post("/refuse-endpoint", express.json({ limit: "4kb" }), (req, res) => {
    hub.refuseEndpoint(parseOrThrow(refuseInput, req.body ?? {}));
    res.status(204).end();
  });
  r.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof DoubleError) return void res.status(err.status).json({ error: err.message });
    const e = err as { type?: string; message?: string };
    if (e.type === "entity.parse.failed") return void res.status(400).json({ error: "body is not valid JSON" });
    res.status(500).json({ error: e.message ?? String(err) });
  });
  return r;
}
