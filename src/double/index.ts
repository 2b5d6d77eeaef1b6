// The Lark double: a local Open Platform for tests and the sandbox. Start it, point the real
// SDK's `domain` at `url`, point it at the bot's webhook URLs, and drive it with the methods
// below (or the same operations over HTTP under /_double, see docs/lark-double.md).
import type { Server } from "node:http";
import { Faults, type Fault } from "./faults.ts";
import { LongConnectionHub, type LongConnectionInfo } from "./long-connection.ts";
import { Quotas } from "./quotas.ts";
import { AppSettings, type AppSettingsView } from "./scopes.ts";
import {
  appInput,
  chatInput,
  clickInput,
  faultInput,
  menuInput,
  messagesQuery,
  openP2pInput,
  parseOrThrow,
  sayInput,
  userInput,
  type AppInput,
  type ChatInput,
  type ClickInput,
  type FaultInput,
  type MenuInput,
  type MessagesQuery,
  type OpenP2pInput,
  type SayInput,
  type UserInput,
} from "./schemas.ts";
import { createDoubleApp, listen, shutdown } from "./server.ts";
import { DoubleStore, viewOf } from "./store.ts";
import { TenantTokens } from "./tokens.ts";
import type { DoubleChat, DoubleUser, LarkDoubleOptions, SendEvent, SentMessage } from "./types.ts";
import * as actions from "./user-actions.ts";
import { sendFile, sendFileInput, sendPost, sendPostInput, type SendFileInput, type SendPostInput } from "./user-files.ts";
import type { StoredResource } from "./resources.ts";
import type { ActionContext, ClickOutcome, DeliveryOutcome, RawDeliveryOptions, SayOutcome, VerifyOutcome } from "./user-actions.ts";
import type { DeliveryResult } from "./deliver.ts";
import type { OpenApiContext } from "./open-api-context.ts";

export type { DoubleChat, DoubleUser, LarkDoubleOptions, SentMessage, CardRevision, QuotaOptions } from "./types.ts";
export type { Fault } from "./faults.ts";
export type { LongConnectionInfo, LongConnectionOptions, LongConnectionResult } from "./long-connection.ts";
export type { ClickOutcome, DeliveryOutcome, RawDeliveryOptions, SayOutcome, VerifyOutcome } from "./user-actions.ts";
export type { AppInput, ChatInput, ClickInput, FaultInput, MenuInput, MessagesQuery, OpenP2pInput, SayInput, UserInput } from "./schemas.ts";
export type { AppSettingsView } from "./scopes.ts";
export type { SendFileInput, SendPostInput } from "./user-files.ts";
export type { StoredResource } from "./resources.ts";
export { DoubleError } from "./schemas.ts";
export { buildSignedRequest, buildUnsignedRequest, deliver, type DeliveryResult, type SignedRequest, type SignOptions } from "./deliver.ts";
export { buildEnvelope, type Envelope } from "./events.ts";

type Listener = (message: SentMessage) => void;

export class LarkDouble {
  readonly appId: string;
  readonly botOpenId: string;
  readonly botName: string;
  readonly tenantKey: string;
  private server: Server | undefined;
  private baseUrl = "";
  private readonly store = new DoubleStore();
  private readonly faultQueue = new Faults();
  private readonly quotas: Quotas;
  private readonly tokens: TenantTokens;
  private readonly listeners = { sent: new Set<Listener>(), patched: new Set<Listener>() };
  private bot: { events?: string | undefined; cards?: string | undefined };
  readonly openApi: OpenApiContext;
  /** Lark's long connection (/callback/ws/endpoint and the WebSocket), see long-connection.ts. */
  readonly longConnection: LongConnectionHub;
  private readonly actions: ActionContext;

  constructor(private readonly opts: LarkDoubleOptions) {
    const now = opts.now ?? Date.now;
    this.appId = opts.appId;
    this.botOpenId = opts.botOpenId ?? "ou_bot_tongxin";
    this.botName = opts.botName ?? "同心";
    this.tenantKey = opts.tenantKey ?? "tenant_double";
    this.bot = { events: opts.botEventsUrl, cards: opts.botCardsUrl };
    this.quotas = new Quotas(
      {
        appPerSec: opts.quotas?.appPerSec ?? 50,
        appPerMin: opts.quotas?.appPerMin ?? 1000,
        perTargetPerSec: opts.quotas?.perTargetPerSec ?? 5,
        perMessagePatchPerSec: opts.quotas?.perMessagePatchPerSec ?? 5,
        ...(opts.quotas?.secondWindowMs ? { secondWindowMs: opts.quotas.secondWindowMs } : {}),
      },
      now,
    );
    this.tokens = new TenantTokens(now);
    const emit = (e: SendEvent) => {
      for (const fn of this.listeners[e.kind]) fn(e.message);
    };
    this.openApi = {
      appId: opts.appId,
      appSecret: opts.appSecret,
      botOpenId: this.botOpenId,
      botName: this.botName,
      tenantKey: this.tenantKey,
      store: this.store,
      tokens: this.tokens,
      quotas: this.quotas,
      faults: this.faultQueue,
      app: new AppSettings({ scopes: opts.scopes, botActivateStatus: opts.botActivateStatus }),
      now,
      emit,
    };
    this.longConnection = new LongConnectionHub(
      { appId: opts.appId, appSecret: opts.appSecret, answerTimeoutMs: opts.deliveryTimeoutMs ?? 3000 },
      opts.longConnection,
    );
    this.actions = {
      longConnection: this.longConnection,
      appId: opts.appId,
      tenantKey: this.tenantKey,
      verificationToken: opts.verificationToken,
      now,
      encryptKey: opts.encryptKey,
      botOpenId: this.botOpenId,
      botName: this.botName,
      store: this.store,
      deliveryTimeoutMs: opts.deliveryTimeoutMs ?? 3000,
      urls: () => this.bot,
      emit,
    };
  }

  /** Base URL to use as the SDK's `domain`, e.g. http://127.0.0.1:43121. */
  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<this> {
    const { server, url } = await listen(createDoubleApp(this.openApi, this), this.opts.port ?? 0, this.opts.host ?? "127.0.0.1");
    server.on("upgrade", (req, socket, head) => {
      if (!this.longConnection.handleUpgrade(req, socket, head)) socket.destroy();
    });
    this.server = server;
    this.baseUrl = url;
    return this;
  }

  async close(): Promise<void> {
    // Upgraded sockets are no longer the HTTP server's: closeAllConnections would not end them.
    this.longConnection.close();
    // Requests held by a "hang" fault would keep the server from closing.
    this.faultQueue.clear();
    if (this.server) await shutdown(this.server);
    this.server = undefined;
  }

  setBotUrls(urls: { events: string; cards?: string | undefined }): void {
    this.bot = { events: urls.events, cards: urls.cards };
  }

  botUrls(): { events?: string | undefined; cards?: string | undefined } {
    return { ...this.bot };
  }

  // Directory
  addUser(input: UserInput): DoubleUser {
    return this.store.addUser(parseOrThrow(userInput, input));
  }
  users(): DoubleUser[] {
    return [...this.store.users.values()];
  }
  addChat(input: ChatInput): DoubleChat {
    return this.store.addChat(parseOrThrow(chatInput, input));
  }
  chats(): DoubleChat[] {
    return [...this.store.chats.values()];
  }

  // What users do (delivered to the bot)
  say(input: SayInput): Promise<SayOutcome> {
    return actions.say(this.actions, parseOrThrow(sayInput, input));
  }
  openP2p(input: OpenP2pInput): Promise<DeliveryOutcome> {
    return actions.openP2p(this.actions, parseOrThrow(openP2pInput, input));
  }
  /** A picture, file, voice message, video or sticker (user-files.ts). */
  sendFile(input: SendFileInput): Promise<SayOutcome & { fileKey: string }> {
    return sendFile(this.actions, parseOrThrow(sendFileInput, input));
  }
  /** Rich text (post), with pictures in it. */
  sendPost(input: SendPostInput): Promise<SayOutcome & { imageKeys: string[] }> {
    return sendPost(this.actions, parseOrThrow(sendPostInput, input));
  }
  /** An image or file the app uploaded or a person sent, by key (the sandbox page shows them). */
  resource(key: string): StoredResource | undefined {
    return this.store.resources.get(key);
  }
  clickMenu(input: MenuInput): Promise<DeliveryOutcome> {
    return actions.clickMenu(this.actions, parseOrThrow(menuInput, input));
  }
  click(input: ClickInput): Promise<ClickOutcome> {
    return actions.click(this.actions, parseOrThrow(clickInput, input));
  }
  redeliver(eventId: string): Promise<DeliveryOutcome> {
    return actions.redeliver(this.actions, eventId);
  }
  verifyUrl(target?: "events" | "cards"): Promise<VerifyOutcome> {
    return actions.verifyUrl(this.actions, target);
  }
  deliverEnvelope(envelope: unknown, opts?: RawDeliveryOptions): Promise<DeliveryResult> {
    return actions.deliverEnvelope(this.actions, envelope, opts);
  }

  // What the bot sent
  messages(filter: MessagesQuery = {}): SentMessage[] {
    return this.store.sentMessages(parseOrThrow(messagesQuery, filter));
  }
  message(messageId: string): SentMessage | undefined {
    const m = this.store.messages.get(messageId);
    return m ? viewOf(m) : undefined;
  }
  /** Resolves with the first sent message (already there or still to come) that matches. */
  waitForMessage(
    match: { to?: string; since?: number; where?: (m: SentMessage) => boolean } = {},
    timeoutMs = 5000,
  ): Promise<SentMessage> {
    const fits = (m: SentMessage) =>
      (!match.to || [m.receive_id, m.chat_id, m.recipient_open_id].includes(match.to)) &&
      (match.since === undefined || m.create_time >= match.since) &&
      (!match.where || match.where(m));
    const already = this.messages().find(fits);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no matching message within ${timeoutMs} ms (${JSON.stringify({ to: match.to, since: match.since })})`));
      }, timeoutMs);
      const off = this.on("sent", (m) => {
        if (!fits(m)) return;
        clearTimeout(timer);
        off();
        resolve(m);
      });
    });
  }
  /** Called for every message the bot sends ("sent") or updates ("patched"); returns unsubscribe. */
  on(event: "sent" | "patched", listener: Listener): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  // Long connection
  /** The bot's connected long-connection clients. */
  longConnections(): LongConnectionInfo[] {
    return this.longConnection.connections();
  }
  /** Resolves once at least `count` clients are connected and ready (pinged). */
  async waitForLongConnections(count = 1, timeoutMs = 10_000): Promise<LongConnectionInfo[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = this.longConnection.connections().filter((c) => c.ready);
      if (open.length >= count) return open;
      if (Date.now() > deadline) throw new Error(`${open.length} of ${count} long-connection clients connected within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** Drops every socket now, or (afterAnswers) at the n-th answer from now, losing that answer. */
  dropLongConnections(opts: { afterAnswers?: number } = {}): { dropped: number; armed: boolean } {
    return this.longConnection.drop(opts);
  }

  // Faults and state
  injectFault(spec: FaultInput): Fault {
    return this.faultQueue.add(parseOrThrow(faultInput, spec));
  }
  faults(): Fault[] {
    return this.faultQueue.pending();
  }
  /** Lets every request held by a "hang" fault go on, as clearing does, and forgets the pending faults. */
  clearFaults(): void {
    this.faultQueue.clear();
  }
  /** How many requests a "hang" fault holds unanswered right now. */
  hangingRequests(): number {
    return this.faultQueue.holding();
  }
  /** Invalidates every issued tenant token now (the "expire-token" fault does it on a request). */
  /**
   * Changes the app as a tenant admin would in Lark's console: grant or revoke scopes (the list
   * replaces the granted set), switch the bot ability, reset the app secret. Tokens already
   * issued stay valid, as Lark's do until they expire.
   */
  configureApp(input: AppInput): AppSettingsView {
    const a = parseOrThrow(appInput, input);
    const app = this.openApi.app;
    if (a.scopes) app.scopes = new Set(a.scopes);
    if (a.botActivated !== undefined) app.botActivateStatus = a.botActivated ? 2 : 0;
    if (a.botActivateStatus !== undefined) app.botActivateStatus = a.botActivateStatus;
    if (a.appSecret) this.openApi.appSecret = a.appSecret;
    return app.view();
  }
  appSettings(): AppSettingsView {
    return this.openApi.app.view();
  }
  expireTokens(): void {
    this.tokens.expireAll();
  }
  /** Forgets messages, deliveries, uuids, faults and quota windows; keeps users, chats and tokens. */
  reset(): void {
    this.store.reset();
    this.faultQueue.clear();
    this.quotas.reset();
  }
}

export async function startLarkDouble(opts: LarkDoubleOptions): Promise<LarkDouble> {
  return new LarkDouble(opts).start();
}
