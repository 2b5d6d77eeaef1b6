// Sandbox-only HTTP routes on the bot's own server: the page at /sandbox, and the small API it
// uses. People act through the in-process Lark double's typed operations (say, open the p2p
// chat, click), so every message and card click reaches the bot as a real, signed Lark
// delivery; the page never talks to the bot directly. The clock and the schedulers are here too.
import { createHash } from "node:crypto";
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { App } from "../app.ts";
import type { MovableClock } from "../clock.ts";
import { DoubleError, type LarkDouble, type SentMessage } from "../double/index.ts";
import { ROLE_LABEL, type RoleName } from "../domain/roles.ts";
import { SCHEDULES } from "../jobs/schedules.ts";
import { upcomingFestivals } from "./festivals.ts";
import { buildPageScript } from "./page/bundle.ts";
import type { ChatMessage, ChatSummary, PersonSummary } from "./page/protocol.ts";
import { pageHtml } from "./page/shell.ts";

export interface SandboxDeps {
  app: App;
  double: LarkDouble;
  clock: MovableClock;
}

const USER_LOG_LIMIT = 5000;

const sayBody = z.object({ from: z.string().min(1), text: z.string().min(1).max(4000), chatId: z.string().min(1).optional() });
const fromBody = z.object({ from: z.string().min(1) });
const clickBody = z.object({
  from: z.string().min(1),
  messageId: z.string().min(1),
  value: z.record(z.string(), z.unknown()).optional(),
  formValue: z.record(z.string(), z.unknown()).optional(),
  name: z.string().optional(),
  tag: z.string().optional(),
  option: z.string().optional(),
  inputValue: z.string().optional(),
});

/** How a delivery to the bot went, for the page: the status and, when refused, why. */
function deliveryOf(outcome: { status?: number; error?: string; body?: unknown; skipped?: string }): { status: number; skipped?: string; error?: string } {
  if (outcome.skipped) return { status: 0, skipped: outcome.skipped };
  const status = outcome.status ?? 0;
  if (status === 200) return { status };
  const why = outcome.error ?? (outcome.body === undefined || outcome.body === "" ? undefined : JSON.stringify(outcome.body).slice(0, 200));
  return { status, ...(why ? { error: `${status} ${why}` } : {}) };
}

/**
 * Security headers for everything under /sandbox. The page loads one module script from here
 * and inlines one <style> block, allowed by its hash; the card renderer sets column widths as
 * style attributes (the only inline style left, which cannot run code), hence style-src-attr.
 * No framing (clickjacking a click that approves aid), no MIME sniffing, no referrer.
 */
function securityHeaders(inlineStyleHash: string): Record<string, string> {
  return {
    "content-security-policy": [
      "default-src 'self'",
      "script-src 'self'",
      `style-src 'self' '${inlineStyleHash}'`,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
}

/** CSP's hash source for the page's inline <style> block: sha256 of its exact text. */
function styleHash(html: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  return `sha256-${createHash("sha256").update(css, "utf8").digest("base64")}`;
}

export function sandboxRoutes(web: express.Express, deps: SandboxDeps): void {
  const { double, clock } = deps;
  const r = express.Router();
  const page = pageHtml({ scriptUrl: "/sandbox/app.js", botName: double.botName });
  const headers = securityHeaders(styleHash(page));
  r.use((_req, res, next) => {
    res.set(headers);
    next();
  });
  r.use(express.json({ limit: "1mb" }));

  // What people said through the page. The double keeps users' messages privately; the page
  // needs them to show both sides of a chat.
  const said: ChatMessage[] = [];
  const listeners = new Set<(event: string, data: unknown) => void>();
  const broadcast = (event: string, data: unknown) => listeners.forEach((fn) => fn(event, data));
  const nameOf = (openId: string) => double.users().find((u) => u.open_id === openId)?.name ?? openId;

  const fromBot = (m: SentMessage): ChatMessage => ({
    id: m.message_id,
    chatId: m.chat_id,
    chatType: m.chat_type === "group" ? "group" : "p2p",
    sender: "bot",
    senderName: double.botName,
    msgType: m.msg_type,
    content: m.content,
    createTime: m.create_time,
    updateTime: m.update_time,
    ...(m.parent_id ? { parentId: m.parent_id } : {}),
  });
  double.on("sent", (m) => broadcast("message", fromBot(m)));
  double.on("patched", (m) => broadcast("message", fromBot(m)));

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

  r.get("/api/people", async (_req, res) => {
    const users = double.users().filter((u) => !u.resigned);
    const people = await deps.app.db.prisma.person.findMany({
      where: { larkOpenId: { in: users.map((u) => u.open_id) } },
      select: { larkOpenId: true, memberships: { select: { role: true, org: { select: { name: true } } } } },
    });
    const byOpenId = new Map(people.map((p) => [p.larkOpenId, p]));
    const out: PersonSummary[] = users.map((u) => {
      const p = byOpenId.get(u.open_id);
      const roles = [...new Set(p?.memberships.map((m) => m.role as RoleName) ?? [])].sort(
        (a, b) => Object.keys(ROLE_LABEL).indexOf(b) - Object.keys(ROLE_LABEL).indexOf(a),
      );
      return {
        openId: u.open_id,
        name: u.name,
        inRoster: !!p,
        roles: roles.map((role) => ({ role, ...ROLE_LABEL[role] })),
        orgs: [...new Set(p?.memberships.map((m) => m.org.name) ?? [])],
      };
    });
    // Office holders first, then members, then people the roster does not know.
    const rank = (p: PersonSummary) => (!p.inRoster ? 2 : p.roles.some((x) => x.role !== "MEMBER") ? 0 : 1);
    res.json(out.sort((a, b) => rank(a) - rank(b)));
  });

  r.get("/api/chats", (req, res) => {
    const as = z.string().min(1).parse(req.query.as);
    const user = double.users().find((u) => u.open_id === as);
    if (!user) throw new DoubleError(404, `unknown user ${as}`);
    const chats: ChatSummary[] = [
      { chatId: `oc_p2p_${user.open_id}`, type: "p2p", name: double.botName, members: 1 },
      ...double
        .chats()
        .filter((c) => c.chat_type === "group" && c.members.includes(user.open_id))
        .map((c) => ({ chatId: c.chat_id, type: "group" as const, name: c.name, members: c.members.length, botIsMember: c.bot_is_member })),
    ];
    res.json(chats);
  });

  r.get("/api/messages", (req, res) => {
    const chatId = z.string().min(1).parse(req.query.chat);
    const bot = double.messages().filter((m) => m.chat_id === chatId).map(fromBot);
    const users = said.filter((m) => m.chatId === chatId);
    res.json([...bot, ...users].sort((a, b) => a.createTime - b.createTime));
  });

  r.post("/api/say", async (req, res) => {
    const body = sayBody.parse(req.body);
    const outcome = await double.say({ from: body.from, text: body.text, ...(body.chatId ? { chatId: body.chatId } : {}) });
    const group = outcome.chatId !== `oc_p2p_${body.from}`;
    const msg: ChatMessage = {
      id: outcome.messageId,
      chatId: outcome.chatId,
      chatType: group ? "group" : "p2p",
      sender: body.from,
      senderName: nameOf(body.from),
      msgType: "text",
      content: { text: group ? `@${double.botName} ${body.text}` : body.text },
      createTime: clock.now().getTime(),
      updateTime: clock.now().getTime(),
    };
    said.push(msg);
    if (said.length > USER_LOG_LIMIT) said.splice(0, said.length - USER_LOG_LIMIT);
    broadcast("message", msg);
    res.json({ message: msg, delivery: deliveryOf(outcome) });
  });

  r.post("/api/open-p2p", async (req, res) => {
    const { from } = fromBody.parse(req.body);
    res.json(deliveryOf(await double.openP2p({ from })));
  });

  r.post("/api/click", async (req, res) => {
    const body = clickBody.parse(req.body);
    const outcome = await double.click(body);
    res.json({
      status: outcome.status,
      ...(outcome.error ? { error: outcome.error } : {}),
      toast: outcome.toast,
      card: outcome.card,
      cardUpdated: outcome.cardUpdated,
      ...(outcome.cardError ? { cardError: outcome.cardError } : {}),
    });
  });

  r.get("/api/stream", (req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" });
    res.write("retry: 1000\n\n");
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    listeners.add(send);
    const ping = setInterval(() => res.write(": ping\n\n"), 15_000);
    ping.unref();
    req.on("close", () => {
      clearInterval(ping);
      listeners.delete(send);
    });
  });

  const clockState = () => ({ now: clock.now().toISOString() });
  r.get("/api/clock", (_req, res) => void res.json(clockState()));
  r.post("/api/clock", (req, res) => {
    const body = z.object({ to: z.iso.datetime({ offset: true }).optional(), advanceMs: z.number().int().optional() }).safeParse(req.body);
    if (!body.success || (!body.data.to && body.data.advanceMs === undefined)) {
      return void res.status(400).json({ error: "give {to: ISO time} or {advanceMs: number}" });
    }
    if (body.data.to) clock.set(new Date(body.data.to));
    if (body.data.advanceMs !== undefined) clock.advance(body.data.advanceMs);
    broadcast("clock", clockState());
    res.json(clockState());
  });
  r.get("/api/festivals", (req, res) => {
    const daysBefore = z.coerce.number().int().min(0).max(60).default(14).parse(req.query.daysBefore);
    res.json(upcomingFestivals(clock.now(), daysBefore));
  });

  r.get("/api/tasks", (_req, res) => void res.json(SCHEDULES.map((s) => ({ task: s.task, ...("every" in s ? { everyMs: s.every } : { pattern: s.pattern }) }))));
  r.post("/api/run/:task", async (req, res) => {
    try {
      const result = await deps.app.maintenance?.run(req.params.task);
      broadcast("task", { task: req.params.task, result });
      res.json({ ok: true, result });
    } catch (err) {
      res.status(400).json({ error: String(err instanceof Error ? err.message : err) });
    }
  });
  r.get("/api/double", (_req, res) => void res.json({ url: double.url, botName: double.botName, botOpenId: double.botOpenId }));

  r.use("/api", (_req, res) => void res.status(404).json({ error: "no such sandbox API route" }));
  r.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof DoubleError) return void res.status(err.status).json({ error: err.message });
    if (err instanceof z.ZodError) return void res.status(400).json({ error: err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    res.status(500).json({ error: err instanceof Error ? err.message : String(err) });
  });
  web.use("/sandbox", r);
}
