// Webhook transport: Lark posts events and card callbacks here. The raw bytes are verified
// (signature, token, age) before anything else; events are made durable in the inbox and
// acknowledged, then processed by a worker; card callbacks are answered with the new card.
import type { Express, Request, Response } from "express";
import type { Logger } from "../log.ts";
import { challengeSchema, envelopeSchema, normaliseCardAction, normaliseEvent } from "./events.ts";
import { verifyDelivery } from "./verify.ts";
import type { CardResponse } from "./card-response.ts";
import type { InboundCardAction } from "./events.ts";

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
}

export const MAX_AGE_SEC = 5 * 60;

/**
 * Adds POST /lark/events and POST /lark/cards to the app. They are registered on the app itself,
 * ahead of every other route, rather than as a mounted sub-router: these two take all of Lark's
 * traffic, and a mounted express 5 router costs a second round of path matching on every
 * request (about an eighth of the webhook's CPU in `npm run bench -- webhook`).
 */
export function mountLarkWebhook(app: Express, deps: WebhookDeps): void {
  async function verified(req: Request, res: Response): Promise<Record<string, unknown> | undefined> {
    const body = await readBody(req);
    if (!body) return void send(res, 413, { error: `body over ${MAX_BODY} bytes` });
    const v = verifyDelivery(body, req.headers, {
      encryptKey: deps.encryptKey,
      verificationToken: deps.verificationToken,
      maxAgeSec: MAX_AGE_SEC,
      nowMs: deps.nowMs(),
    });
    if (!v.ok) {
      deps.log.warn({ reason: v.reason, ip: req.ip }, "rejected a Lark delivery");
      return void send(res, v.status, { error: v.reason });
    }
    const challenge = challengeSchema.safeParse(v.body);
    if (challenge.success) return void send(res, 200, { challenge: challenge.data.challenge });
    return v.body;
  }

  app.post("/lark/events", async (req, res) => {
    const body = await verified(req, res);
    if (!body) return;
    const env = envelopeSchema.safeParse(body);
    if (!env.success) return send(res, 400, { error: "not a schema 2.0 event" });
    // An app may point its card callback URL at the events URL too.
    const action = normaliseCardAction(env.data);
    if (action) return send(res, 200, await deps.handleCardAction(action));
    const event = normaliseEvent(env.data, deps.botOpenId());
    // Events we do not handle, and group chatter that does not @ the bot, are acknowledged and dropped.
    if (!event || (event.kind === "message" && event.chatType === "group" && !event.mentionsBot)) return send(res, 200, {});
    try {
      if (await deps.acceptEvent(event.key, env.data.header.event_type, event)) deps.queueEvent(event.key);
      send(res, 200, {});
    } catch (err) {
      // Not durable: let Lark retry.
      deps.log.error({ err, evt: event.key }, "could not store an event");
      send(res, 503, { error: "store unavailable" });
    }
  });

  app.post("/lark/cards", async (req, res) => {
    const body = await verified(req, res);
    if (!body) return;
    const env = envelopeSchema.safeParse(body);
    const action = env.success ? normaliseCardAction(env.data) : null;
    if (!action) return send(res, 400, { error: "not a card.action.trigger callback" });
    send(res, 200, await deps.handleCardAction(action));
  });
}

// Lark's deliveries are a few KB. express.raw and res.json are general machinery (content-type
// negotiation, charset decoding, freshness checks) that cost more CPU per delivery than the
// signature check; these two do only what the webhook needs.
const MAX_BODY = 1024 * 1024;

/** The request's bytes; null when there are more than MAX_BODY (the rest is read and dropped). */
function readBody(req: Request): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= MAX_BODY ? Buffer.concat(chunks, size) : null));
    req.on("error", reject);
  });
}

function send(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) }).end(text);
}
