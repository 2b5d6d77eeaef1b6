// Long-connection transport (the SDK's WSClient): no public URL needed. Events and card
// callbacks arrive over the socket and feed the same inbox and router as the webhook. Lark
// authenticates the socket itself (the endpoint call carries the app secret), so there is no
// signature to check here. Each data frame is answered by the SDK with a response frame: an
// event once it is durable in the inbox (so a frame lost with a dropped socket is sent again
// by Lark and deduped by the inbox), a card callback with the router's CardResponse.
import * as lark from "@larksuiteoapi/node-sdk";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { CardResponse } from "./card-response.ts";
import { envelopeSchema, normaliseCardAction, normaliseEvent, type InboundCardAction } from "./events.ts";
import type { WebhookOutcome } from "./webhook.ts";

export interface LongConnection {
  close(): void;
}

export interface LongConnectionDeps {
  config: Config;
  log: Logger;
  botOpenId(): string | undefined;
  acceptEvent(key: string, eventType: string, event: unknown): Promise<boolean>;
  queueEvent(key: string): void;
  handleCardAction(a: InboundCardAction): Promise<CardResponse>;
  /** Told each delivery's outcome, with the webhook's vocabulary (for metrics). */
  observe?(outcome: WebhookOutcome, detail?: string): void;
}

/** Seconds without a pong (or any frame) after a ping before the socket is presumed dead. */
const PING_TIMEOUT_SEC = 15;
const HANDSHAKE_TIMEOUT_MS = 10_000;
const WATCHDOG_MS = 5_000;
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 5 * 60_000;

/** The SDK refuses any other app id without a word to the caller (WSClient.start). */
export const SDK_APP_ID = /^cli_[0-9a-fA-F]{16}$/;

/**
 * The SDK's EventDispatcher flattens a delivery into one object (header fields, then event
 * fields, on top of each other: card.action.trigger's own `token` overwrites the header's).
 * The long connection hands invoke() the schema 2.0 envelope as Lark sent it, so it is taken
 * from there and validated with the same schemas as the webhook's.
 */
class EnvelopeDispatcher extends lark.EventDispatcher {
  constructor(
    private readonly handle: (envelope: unknown) => Promise<unknown>,
    logger: SdkLogger,
  ) {
    super({ logger, loggerLevel: lark.LoggerLevel.warn });
  }
  override invoke(data: unknown): Promise<unknown> {
    return this.handle(data);
  }
}

type SdkLogger = Record<"error" | "warn" | "info" | "debug" | "trace", (...args: unknown[]) => void>;

/** The SDK logs strings (and the odd Error) through console by default; this keeps them in our JSON log. */
function sdkLogger(log: Logger): SdkLogger {
  const write = (level: "warn" | "info" | "debug" | "trace") => (...args: unknown[]) => {
    const parts = (args.flat(3) as unknown[]).map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a)));
    // The SDK logs the socket URL, whose ticket and access key let anyone take the connection.
    log[level](parts.join(" ").replace(/(access_key|ticket)=[^&\s]+/g, "$1=[redacted]"));
  };
  // The SDK's errors are about the connection, which our own lines report with what happens next.
  return { error: write("warn"), warn: write("warn"), info: write("debug"), debug: write("trace"), trace: write("trace") };
}

export function startLongConnection(deps: LongConnectionDeps): LongConnection {
  const log = deps.log.child({ mod: "ws" });
  const logger = sdkLogger(log);

  const observe = (outcome: WebhookOutcome, detail?: string) => {
    try {
      deps.observe?.(outcome, detail);
    } catch (err) {
      log.warn({ err }, "the long-connection observer failed");
    }
  };

  const onEnvelope = async (data: unknown): Promise<unknown> => {
    const env = envelopeSchema.safeParse(data);
    // Anything else is answered (so Lark does not resend it) and ignored.
    if (!env.success) {
      log.warn("ignored a long-connection frame that is not a schema 2.0 event");
      observe("refused", "bad_schema");
      return undefined;
    }
    const action = normaliseCardAction(env.data);
    if (action) {
      const answer = await deps.handleCardAction(action);
      observe("accepted", "card");
      return answer;
    }
    const event = normaliseEvent(env.data, deps.botOpenId());
    if (!event || (event.kind === "message" && event.chatType === "group" && !event.mentionsBot)) {
      observe("accepted", "ignored");
      return undefined;
    }
    try {
      const fresh = await deps.acceptEvent(event.key, env.data.header.event_type, event);
      if (fresh) deps.queueEvent(event.key);
      observe(fresh ? "accepted" : "duplicate");
    } catch (err) {
      // Not durable: the SDK answers code 500 and Lark delivers it again.
      log.error({ err, evt: event.key }, "could not store an event");
      observe("refused", "store_unavailable");
      throw err;
    }
    return undefined;
  };
  const dispatcher = new EnvelopeDispatcher(onEnvelope, logger);

  let client: lark.WSClient | undefined;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarts = 0;
  let idleChecks = 0;

  // The SDK reconnects by itself after a dropped socket (checked against the Lark double, which
  // drops sockets mid-burst in the tests), but it gives up for good on a "non-retryable" answer
  // from the endpoint call (1000040350 too many connections, 514 auth failed: both can be
  // passing states on Lark's side) or after ReconnectCount attempts, and has had bugs that left
  // it idle without a socket. Either way the bot would stop hearing Lark without a sign, so a
  // client that failed or went idle is closed and a new one started, with backoff.
  const restart = (why: string) => {
    if (stopped || restartTimer) return;
    const wait = Math.min(RESTART_MAX_MS, RESTART_MIN_MS * 2 ** restarts) * (0.5 + Math.random() / 2);
    restarts += 1;
    log.error({ why, retryInMs: Math.round(wait), restarts }, "long connection lost for good; starting a new client");
    client?.close({ force: true });
    client = undefined;
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      connect();
    }, wait);
  };

  const connect = () => {
    if (stopped) return;
    idleChecks = 0;
    const c = new lark.WSClient({
      appId: deps.config.lark.appId,
      appSecret: deps.config.lark.appSecret,
      domain: deps.config.lark.baseUrl,
      logger,
      loggerLevel: lark.LoggerLevel.info,
      autoReconnect: true,
      // Without these the SDK never notices a half-open socket or a handshake that hangs, and
      // waits on it forever.
      wsConfig: { pingTimeout: PING_TIMEOUT_SEC },
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      onReady: () => {
        restarts = 0;
        log.info("long connection connected");
      },
      onReconnecting: () => log.warn("long connection dropped; reconnecting"),
      onReconnected: () => {
        restarts = 0;
        log.info("long connection reconnected");
      },
      onError: (err: Error) => restart(err.message),
    });
    client = c;
    c.start({ eventDispatcher: dispatcher }).catch((err: unknown) => restart(err instanceof Error ? err.message : String(err)));
  };

  if (!SDK_APP_ID.test(deps.config.lark.appId)) {
    log.error({ appId: deps.config.lark.appId }, "LARK_APP_ID is not an app id the SDK accepts (cli_ and 16 hex digits): the long connection is not started");
    stopped = true;
  } else {
    connect();
    log.info({ domain: deps.config.lark.baseUrl }, "long connection starting");
  }

  const watchdog = setInterval(() => {
    if (stopped || !client) return;
    // 'idle' is no socket and no reconnect under way, 'failed' a client that gave up (onError
    // should have restarted it already): nothing in the SDK will ever bring either back.
    const state = client.getConnectionStatus().state;
    idleChecks = state === "idle" || state === "failed" ? idleChecks + 1 : 0;
    if (idleChecks >= 2) restart(`the SDK client is ${state}: no socket and no reconnect under way`);
  }, WATCHDOG_MS);
  watchdog.unref();

  return {
    close: () => {
      stopped = true;
      clearInterval(watchdog);
      clearTimeout(restartTimer);
      client?.close({ force: true });
      client = undefined;
    },
  };
}
