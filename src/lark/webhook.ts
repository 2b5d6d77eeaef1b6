// Webhook transport: Lark posts events and card callbacks here. The raw bytes are verified
// (signature, age, then token) before anything is parsed or written; events are made durable in
// the inbox and acknowledged, then processed by a worker; card callbacks are answered with the
// new card. Lark's URL check, the one unsigned request, is answered here too.
import type { Express, Request, Response } from "express";
import type { Logger } from "../log.ts";
import { envelopeSchema, normaliseCardAction, normaliseEvent } from "./events.ts";
import { isSigned, MAX_UNSIGNED_BODY, verifyDelivery, type RefusalReason } from "./verify.ts";
import type { CardResponse } from "./card-response.ts";
import type { InboundCardAction } from "./events.ts";

export type WebhookOutcome = "accepted" | "duplicate" | "refused" | "challenge";
export type { RefusalReason } from "./verify.ts";

export interface WebhookDeps {
  encryptKey: string;
  verificationToken: string;
  botOpenId(): string | undefined;
  nowMs(): number;
  log: Logger;
  /** Resolves true when the event was new (and is now durable), false for a redelivery. */
  acceptEvent(key: string, eventType: string, event: unknown): Promise<boolean>;
  queueEvent(key: string): void;
  handleCardAction(action: InboundCardAction): Promise<CardResponse>;
  /**
   * Told of every delivery's outcome, for metrics. detail: for "refused" the reason
   * (a RefusalReason); for "accepted", "card" for a card callback answered and "ignored" for an
   * event acknowledged without being stored (a type the bot does not handle, group chatter).
   */
  observe?(outcome: WebhookOutcome, detail?: string): void;
}

export const MAX_AGE_SEC = 5 * 60;

/**
 * Adds POST /lark/events and POST /lark/cards to the app. They are registered on the app itself,
 * ahead of every other route, rather than as a mounted sub-router: these two take all of Lark's
 * traffic, and a mounted express 5 router costs a second round of path matching on every
 * request (about an eighth of the webhook's CPU in `npm run bench -- webhook`).
 */
export function mountLarkWebhook(app: Express, deps: WebhookDeps): void {
  const observe = (outcome: WebhookOutcome, detail?: string) => {
    if (!deps.observe) return;
    try {
      deps.observe(outcome, detail);
    } catch (err) {
      // A metrics fault must not refuse a delivery: Lark would retry it for hours.
      deps.log.warn({ err }, "the webhook observer failed");
    }
  };
  const refuse = (req: Request, res: Response, status: number, reason: RefusalReason, message: string, close = false) => {
    deps.log.warn({ reason, path: req.path, ip: req.ip }, "refused a Lark delivery");
    observe("refused", reason);
    send(res, status, { error: message }, close);
  };

  async function verified(req: Request, res: Response): Promise<Record<string, unknown> | undefined> {
    // Only a signed request may be large; the unsigned URL check is a few hundred bytes.
    const limit = isSigned(req.headers) || !deps.encryptKey ? MAX_BODY : MAX_UNSIGNED_BODY;
    const body = await readBody(req, limit);
    if (!body) {
      return limit === MAX_BODY || Number(req.headers["content-length"]) > MAX_BODY
        ? void refuse(req, res, 413, "too_large", `body over ${MAX_BODY} bytes`, true)
        : void refuse(req, res, 401, "unsigned", "signature headers missing", true);
    }
    const v = verifyDelivery(body, req.headers, {
      encryptKey: deps.encryptKey,
      verificationToken: deps.verificationToken,
      maxAgeSec: MAX_AGE_SEC,
      nowMs: deps.nowMs(),
    });
    if (!v.ok) return void refuse(req, res, v.status, v.reason, v.message);
    if (v.kind === "challenge") {
      deps.log.info({ path: req.path }, "answered Lark's URL check");
      observe("challenge");
      return void send(res, 200, { challenge: v.challenge });
    }
    return v.body;
  }

  async function answerCard(res: Response, action: InboundCardAction): Promise<void> {
    const answer = await deps.handleCardAction(action);
    observe("accepted", "card");
    send(res, 200, answer);
  }

  app.post("/lark/events", async (req, res) => {
    const body = await verified(req, res);
    if (!body) return;
    const env = envelopeSchema.safeParse(body);
    if (!env.success) return refuse(req, res, 400, "bad_schema", "not a schema 2.0 event");
    // An app may point its card callback URL at the events URL too.
    const action = normaliseCardAction(env.data);
    if (action) return answerCard(res, action);
    const event = normaliseEvent(env.data, deps.botOpenId());
    // Events we do not handle, and group chatter that does not @ the bot, are acknowledged and dropped.
    if (!event || (event.kind === "message" && event.chatType === "group" && !event.mentionsBot)) {
      observe("accepted", "ignored");
      return send(res, 200, {});
    }
    try {
      const fresh = await deps.acceptEvent(event.key, env.data.header.event_type, event);
      if (fresh) deps.queueEvent(event.key);
      observe(fresh ? "accepted" : "duplicate");
      send(res, 200, {});
    } catch (err) {
      // Not durable: let Lark retry.
      deps.log.error({ err, evt: event.key }, "could not store an event");
      observe("refused", "store_unavailable");
      send(res, 503, { error: "store unavailable" });
    }
  });

  app.post("/lark/cards", async (req, res) => {
    const body = await verified(req, res);
    if (!body) return;
    const env = envelopeSchema.safeParse(body);
    const action = env.success ? normaliseCardAction(env.data) : null;
    if (!action) return refuse(req, res, 400, "bad_schema", "not a card.action.trigger callback");
    return answerCard(res, action);
  });
}

// Lark's deliveries are a few KB. express.raw and res.json are general machinery (content-type
// negotiation, charset decoding, freshness checks) that cost more CPU per delivery than the
// signature check; these two do only what the webhook needs.
const MAX_BODY = 1024 * 1024;

/**
 * The request's bytes; null as soon as there are more than `limit` (or the Content-Length says
 * there will be). Reading stops there: the caller answers and closes the connection, so a
 * sender cannot make the bot read 20 MB to learn it was too much.
 */
function readBody(req: Request, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.resolve(null);
  // Inline listeners, none to take off by name: tsx (esbuild keepNames) wraps every named
  // closure in a __name() call, which showed in the webhook profile.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Paused, the request emits neither more data nor its end; the caller closes the socket.
      req.pause();
      resolve(null);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

/**
 * Writes the JSON answer. With `close`, says `Connection: close` and destroys the socket once the
 * answer is written, instead of reading (and discarding) the rest of a body we refused.
 */
function send(res: Response, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) };
  if (!close) return void res.writeHead(status, headers).end(text);
  headers.connection = "close";
  // Taken now: once the answer is finished, node detaches the socket from the response.
  const socket = res.socket;
  res.writeHead(status, headers).end(text, () => socket?.destroy());
}
