// Sandbox-only HTTP routes on the bot's own server: the page at /sandbox, and the small API it
// uses. People act through the in-process Lark double's typed operations (say, open the p2p
// chat, click), so every message and card click reaches the bot as a real, signed Lark
// delivery; the page never talks to the bot directly. The clock and the schedulers are here too.
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { App } from "../app.ts";
import type { MovableClock } from "../clock.ts";
import { DoubleError, type LarkDouble } from "../double/index.ts";
import type { Logger } from "../log.ts";
import { storesOn } from "../store/stores.ts";
import { chatRoutes } from "./chat-routes.ts";
import { clockRoutes } from "./clock-routes.ts";
import { buildPageScript } from "./page/bundle.ts";
import { pageHtml } from "./page/shell.ts";
import { PageEvents } from "./page-events.ts";
import { securityHeaders } from "./security-headers.ts";

export interface SandboxDeps {
  app: App;
  double: LarkDouble;
  clock: MovableClock;
  /** The bot's logger: clock moves and task runs from the page are told in the terminal. */
  log?: Logger;
}

export function sandboxRoutes(web: express.Express, deps: SandboxDeps): void {
  const { app, double, clock } = deps;
  const r = express.Router();
  const page = pageHtml({ scriptUrl: "/sandbox/app.js", botName: double.botName });
  const headers = securityHeaders(page);
  r.use((_req, res, next) => {
    res.set(headers);
    next();
  });
  r.use(express.json({ limit: "1mb" }));

  let script: Promise<string> | undefined;
  r.get("/", (_req, res) => void res.type("html").send(page));
  r.get("/app.js", async (_req, res) => {
    script ??= buildPageScript();
    try {
      res.type("application/javascript").set("cache-control", "no-cache").send(await script);
    } catch (err) {
      script = undefined;
      res.status(500).type("text/plain").send(`the sandbox page script did not build: ${String(err)}`);
    }
  });

  const events = new PageEvents();
  chatRoutes(r, { double, clock, store: storesOn(app.db), events });
  clockRoutes(r, { app, clock, events, log: deps.log });
  r.get("/api/double", (_req, res) => void res.json({ url: double.url, botName: double.botName, botOpenId: double.botOpenId }));

  r.use("/api", (_req, res) => void res.status(404).json({ error: "no such sandbox API route" }));
  r.use(answerError);
  web.use("/sandbox", r);
}

/** Bad input is a 400 with the reason; the double's refusals keep their status. */
function answerError(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof DoubleError) return void res.status(err.status).json({ error: err.message });
  if (err instanceof z.ZodError) return void res.status(400).json({ error: err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
  res.status(500).json({ error: err instanceof Error ? err.message : String(err) });
}
