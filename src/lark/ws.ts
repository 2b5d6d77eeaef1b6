// Long-connection transport (WSClient): no public URL needed. Events and card callbacks
// arrive over the socket and feed the same inbox and router as the webhook. Lark
// authenticates the socket itself, so there is no signature to check here.
import * as lark from "@larksuiteoapi/node-sdk";
import type { CardResponse } from "./card-response.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { envelopeSchema, normaliseCardAction, normaliseEvent, type InboundCardAction } from "./events.ts";

export interface LongConnection {
  close(): void;
}

export function startLongConnection(deps: {
  config: Config;
  log: Logger;
  botOpenId(): string | undefined;
  acceptEvent(key: string, eventType: string, event: unknown): Promise<boolean>;
  queueEvent(key: string): void;
  handleCardAction(a: InboundCardAction): Promise<CardResponse>;
}): LongConnection {
  const log = deps.log.child({ mod: "ws" });
  const client = new lark.WSClient({
    appId: deps.config.lark.appId,
    appSecret: deps.config.lark.appSecret,
    domain: deps.config.lark.baseUrl,
    loggerLevel: lark.LoggerLevel.warn,
  });

  // The SDK hands us the decrypted, flattened event plus its header; rebuild the 2.0 envelope.
  const envelopeOf = (data: Record<string, unknown>) => {
    const { schema: _s, event_id, event_type, create_time, token, app_id, tenant_key, ...event } = data as Record<string, unknown>;
    return envelopeSchema.safeParse({ schema: "2.0", header: { event_id, event_type, create_time, token, app_id, tenant_key }, event });
  };

  const onEvent = async (data: Record<string, unknown>) => {
    const env = envelopeOf(data);
    if (!env.success) return;
    const ev = normaliseEvent(env.data, deps.botOpenId());
    if (!ev || (ev.kind === "message" && ev.chatType === "group" && !ev.mentionsBot)) return;
    if (await deps.acceptEvent(ev.key, env.data.header.event_type, ev)) deps.queueEvent(ev.key);
  };

  const dispatcher = new lark.EventDispatcher({}).register({
    "im.message.receive_v1": onEvent,
    "im.chat.access_event.bot_p2p_chat_entered_v1": onEvent,
    "application.bot.menu_v6": onEvent,
    "card.action.trigger": async (data: Record<string, unknown>) => {
      const env = envelopeOf(data);
      const action = env.success ? normaliseCardAction(env.data) : null;
      return action ? deps.handleCardAction(action) : {};
    },
  } as Record<string, (data: Record<string, unknown>) => Promise<unknown>>);

  void client.start({ eventDispatcher: dispatcher }).catch((err: unknown) => log.error({ err }, "long connection failed to start"));
  log.info("long connection started");
  return { close: () => client.close({ force: true }) };
}
