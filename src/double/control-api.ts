// /_double/...: the double's own HTTP API, so a terminal, a script or the sandbox page can
// drive it. Every route calls the same typed method a test calls; bad input is a 400 with
// the reason. CORS is open because the sandbox page runs on the bot's origin.
import express, { type NextFunction, type Request, type Response } from "express";
import { botUrlsInput, DoubleError, messagesQuery, parseOrThrow, redeliverInput, verifyUrlInput, type BotUrlsInput, type MessagesQuery } from "./schemas.ts";

/**
 * The double's operations these routes call; LarkDouble (index.ts) has them all. Declared here,
 * with the inputs left to the operations to parse (they do, with the schemas of schemas.ts) and
 * the answers sent as JSON, so the routes need not import the class that mounts them.
 */
export interface DoubleControl {
  users(): unknown;
  addUser(input: unknown): unknown;
  chats(): unknown;
  addChat(input: unknown): unknown;
  setBotUrls(urls: BotUrlsInput): void;
  botUrls(): unknown;
  say(input: unknown): Promise<unknown>;
  sendFile(input: unknown): Promise<unknown>;
  sendPost(input: unknown): Promise<unknown>;
  resource(key: string): { bytes: Buffer; contentType: string; fileName?: string } | undefined;
  openP2p(input: unknown): Promise<unknown>;
  clickMenu(input: unknown): Promise<unknown>;
  click(input: unknown): Promise<unknown>;
  redeliver(eventId: string): Promise<unknown>;
  verifyUrl(target?: "events" | "cards"): Promise<unknown>;
  messages(filter?: MessagesQuery): unknown;
  message(messageId: string): unknown;
  faults(): unknown;
  injectFault(input: unknown): unknown;
  clearFaults(): void;
  appSettings(): unknown;
  configureApp(input: unknown): unknown;
  reset(): void;
  on(event: "sent" | "patched", listener: (message: unknown) => void): () => void;
}

export function controlApiRouter(double: DoubleControl): express.Router {
  const r = express.Router();
  r.use((req, res, next) => {
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-allow-headers", "content-type");
    res.setHeader("access-control-allow-methods", "GET, POST, PUT, DELETE, OPTIONS");
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    next();
  });
  // Files come base64-encoded: room for a person's 30 MB file (a 12 MB photo is 16 MB of base64).
  const files = express.json({ limit: "45mb" });
  r.post("/send-file", files, async (req, res) => void res.json(await double.sendFile(req.body)));
  r.post("/send-post", files, async (req, res) => void res.json(await double.sendPost(req.body)));
  r.get("/resources/:key", (req, res) => {
    const found = double.resource(req.params.key);
    if (!found) throw new DoubleError(404, `no image or file ${req.params.key}`);
    res.setHeader("content-type", found.contentType);
    res.setHeader("cache-control", "private, max-age=3600");
    res.send(found.bytes);
  });
  r.use(express.json({ limit: "2mb" }));

  r.get("/users", (_req, res) => void res.json(double.users()));
  r.post("/users", (req, res) => {
    const body: unknown = req.body;
    // Accept one user or a list, so a seed script can post a roster at once.
    res.status(201).json(Array.isArray(body) ? body.map((u) => double.addUser(u)) : double.addUser(body));
  });
  r.get("/chats", (_req, res) => void res.json(double.chats()));
  r.post("/chats", (req, res) => void res.status(201).json(double.addChat(req.body)));
  r.put("/bot-urls", (req, res) => {
    const urls = parseOrThrow(botUrlsInput, req.body);
    double.setBotUrls(urls);
    res.json(double.botUrls());
  });

  r.post("/say", async (req, res) => void res.json(await double.say(req.body)));
  r.post("/open-p2p", async (req, res) => void res.json(await double.openP2p(req.body)));
  r.post("/menu", async (req, res) => void res.json(await double.clickMenu(req.body)));
  r.post("/click", async (req, res) => void res.json(await double.click(req.body)));
  r.post("/redeliver", async (req, res) => void res.json(await double.redeliver(parseOrThrow(redeliverInput, req.body).eventId)));
  r.post("/verify-url", async (req, res) => void res.json(await double.verifyUrl(parseOrThrow(verifyUrlInput, req.body ?? {}).target)));

  r.get("/messages", (req, res) => void res.json(double.messages(parseOrThrow(messagesQuery, req.query))));
  r.get("/messages/:id", (req, res) => {
    const msg = double.message(req.params.id);
    if (!msg) throw new DoubleError(404, `the bot sent no message ${req.params.id}`);
    res.json(msg);
  });

  r.get("/faults", (_req, res) => void res.json(double.faults()));
  r.post("/faults", (req, res) => void res.status(201).json(double.injectFault(req.body)));
  r.delete("/faults", (_req, res) => {
    double.clearFaults();
    res.status(204).end();
  });
  r.get("/app", (_req, res) => void res.json(double.appSettings()));
  r.post("/app", (req, res) => void res.json(double.configureApp(req.body ?? {})));
  r.post("/reset", (_req, res) => {
    double.reset();
    res.status(204).end();
  });

  r.get("/stream", (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
    res.write("retry: 1000\n\n");
    const write = (event: string) => (message: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(message)}\n\n`);
    const offSent = double.on("sent", write("sent"));
    const offPatched = double.on("patched", write("patched"));
    // A comment every 15 s keeps proxies from closing an idle stream.
    const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
    ping.unref();
    req.on("close", () => {
      clearInterval(ping);
      offSent();
      offPatched();
    });
  });

  r.use((_req, res) => void res.status(404).json({ error: "no such /_double route (see docs/lark-double.md)" }));
  r.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof DoubleError) return void res.status(err.status).json({ error: err.message });
    const e = err as { type?: string; message?: string };
    if (e.type === "entity.parse.failed") return void res.status(400).json({ error: "body is not valid JSON" });
    res.status(500).json({ error: e.message ?? String(err) });
  });
  return r;
}
