// Webhook transport: Lark posts events and card callbacks here. The raw bytes are verified
// (signature, token, age) before anything else; events are made durable in the inbox and
// acknowledged, then processed by a worker; card callbacks are answered with the new card.
import express, { type Express, type Request, type Response } from "express";
import type { Logger } from "../log.ts";
import { challengeSchema, envelopeSchema, normaliseCardAction, normaliseEvent } from "./events.ts";
import { verifyDelivery } from "./verify.ts";
import type { CardResponse } from "../bot/router.ts";
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
  const raw = express.raw({ type: () => true, limit: "1mb" });

  function verified(req: Request, res: Response): Record<string, unknown> | undefined {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const v = verifyDelivery(body, req.headers, {
      encryptKey: deps.encryptKey,
      verificationToken: deps.verificationToken,
      maxAgeSec: MAX_AGE_SEC,
      nowMs: deps.nowMs(),
    });
    if (!v.ok) {
      deps.log.warn({ reason: v.reason, ip: req.ip }, "rejected a Lark delivery");
      res.status(v.status).json({ error: v.reason });
      return undefined;
    }
    const challenge = challengeSchema.safeParse(v.body);
    if (challenge.success) {
      res.json({ challenge: challenge.data.challenge });
      return undefined;
    }
    return v.body;
  }

  app.post("/lark/events", raw, async (req, res) => {
    const body = verified(req, res);
    if (!body) return;
    const env = envelopeSchema.safeParse(body);
    if (!env.success) return void res.status(400).json({ error: "not a schema 2.0 event" });
    // An app may point its card callback URL at the events URL too.
    const action = normaliseCardAction(env.data);
    if (action) return void res.json(await deps.handleCardAction(action));
    const event = normaliseEvent(env.data, deps.botOpenId());
    // Events we do not handle, and group chatter that does not @ the bot, are acknowledged and dropped.
    if (!event || (event.kind === "message" && event.chatType === "group" && !event.mentionsBot)) return void res.json({});
    try {
      if (await deps.acceptEvent(event.key, env.data.header.event_type, event)) deps.queueEvent(event.key);
      res.json({});
    } catch (err) {
      // Not durable: let Lark retry.
      deps.log.error({ err, evt: event.key }, "could not store an event");
      res.status(503).json({ error: "store unavailable" });
    }
  });

  app.post("/lark/cards", raw, async (req, res) => {
    const body = verified(req, res);
    if (!body) return;
    const env = envelopeSchema.safeParse(body);
    const action = env.success ? normaliseCardAction(env.data) : null;
    if (!action) return void res.status(400).json({ error: "not a card.action.trigger callback" });
    res.json(await deps.handleCardAction(action));
  });
}
