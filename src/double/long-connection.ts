// Lark's long connection ("使用长连接接收事件/回调"), played for the SDK's WSClient: endpoint
// discovery hands out a one-time WebSocket URL, the socket carries pbbp2 frames (ws-frames.ts),
// pings are answered with pongs that carry the client settings, and each event or card callback
// goes to ONE connected client of the app as data frames (split into parts when large), which
// the client must answer with a response frame. The answer to a card callback (toast / card)
// travels in that response frame, as the webhook's HTTP answer does.
//
// Lark keeps an event until a client acknowledges it: frames in flight on a socket that drops
// are sent again once a client is connected (the bot's inbox dedupes a frame it had processed
// whose answer was lost).
import { randomBytes, randomInt } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { z } from "zod";
import type { DeliveryResult } from "./deliver.ts";
import { hexId } from "./ids.ts";
import { decodeFrame, encodeFrame, FrameMethod, headerOf, type Frame } from "./ws-frames.ts";
import { longConnectionEnvelope, redeliveredAfterDrop } from "./ws-payloads.ts";

export interface LongConnectionOptions {
  /** ClientConfig as Lark's endpoint gives it (seconds); the SDK pings and reconnects by these. */
  pingIntervalSec?: number;
  reconnectCount?: number;
  reconnectIntervalSec?: number;
  reconnectNonceSec?: number;
  /** Payloads longer than this many bytes are split into parts (sum/seq headers). */
  fragmentBytes?: number;
  /** Lark allows 50 connections per app. */
  maxConnections?: number;
  /** How long a delivery waits for a client to connect before the caller is told it failed. */
  waitForClientMs?: number;
}

/** Lark's documented defaults; tests pass shorter ones so a reconnect does not take 30 s. */
const DEFAULTS = {
  pingIntervalSec: 120,
  reconnectCount: -1,
  reconnectIntervalSec: 120,
  reconnectNonceSec: 30,
  fragmentBytes: 16 * 1024,
  maxConnections: 50,
  waitForClientMs: 30_000,
} satisfies Required<LongConnectionOptions>;

/** The error codes the SDK's WSClient knows (ErrorCode in its bundle). */
export const WS_CODES = { ok: 0, forbidden: 403, authFailed: 514, exceedConnLimit: 1000040350 } as const;

export interface LongConnectionInfo {
  id: string;
  deviceId: string;
  serviceId: number;
  connectedAt: number;
  /** True once the client has pinged: the double sends data frames only then. */
  ready: boolean;
  /** Data frames sent on this socket (parts count one each). */
  framesSent: number;
  answers: number;
  pings: number;
  inFlight: number;
}

export interface LongConnectionResult extends DeliveryResult {
  /** Where it went: the socket's URL without its ticket. */
  url: string;
  connection?: string;
  /** How many sockets it was sent on (more than one after a drop). */
  attempts: number;
}

interface Conn {
  id: string;
  deviceId: string;
  serviceId: number;
  url: string;
  socket: WebSocket;
  connectedAt: number;
  /** Set by the client's first frame (its ping): before that the SDK may not listen yet. */
  ready: boolean;
  seq: number;
  framesSent: number;
  answers: number;
  pings: number;
  inFlight: Map<string, Pending>;
}

interface Pending {
  payload: Buffer;
  redeliver: boolean;
  started: number;
  attempts: number;
  conn: Conn | undefined;
  messageId: string | undefined;
  timer: NodeJS.Timeout | undefined;
  settle(r: Omit<LongConnectionResult, "ms" | "attempts">): void;
}

const discoverBody = z.object({ AppID: z.string(), AppSecret: z.string().optional() });
const responsePayload = z.object({ code: z.number(), data: z.string().optional() }).loose();

export class LongConnectionHub {
  private readonly opts: Required<LongConnectionOptions>;
  private readonly tickets = new Map<string, { deviceId: string; serviceId: number; expires: number }>();
  private readonly conns: Conn[] = [];
  private readonly queue: Pending[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private next = 0;
  private used = false;
  private dropAtAnswer: number | undefined;
  private refusals: { code: number; left: number } | undefined;

  constructor(
    private readonly app: { appId: string; appSecret: string; answerTimeoutMs: number },
    opts: LongConnectionOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /**
   * True once a client has connected: saving "长连接" in Lark's console needs a connected client,
   * and from then on Lark delivers only over the long connection, also while it reconnects.
   */
  get inUse(): boolean {
    return this.used;
  }

  clientConfig(): { PingInterval: number; ReconnectCount: number; ReconnectInterval: number; ReconnectNonce: number } {
    return {
      PingInterval: this.opts.pingIntervalSec,
      ReconnectCount: this.opts.reconnectCount,
      ReconnectInterval: this.opts.reconnectIntervalSec,
      ReconnectNonce: this.opts.reconnectNonceSec,
    };
  }

  /** POST /callback/ws/endpoint: the SDK's first call, with the app's credentials. */
  discover(body: unknown, host: string): { code: number; msg: string; data: Record<string, unknown> } {
    if (this.refusals && this.refusals.left-- > 0) {
      const { code } = this.refusals;
      if (this.refusals.left <= 0) this.refusals = undefined;
      return { code, msg: code === WS_CODES.exceedConnLimit ? "exceed conn limit" : "refused by an injected fault", data: {} };
    }
    const b = discoverBody.safeParse(body);
    if (!b.success || b.data.AppID !== this.app.appId || b.data.AppSecret !== this.app.appSecret) {
      return { code: WS_CODES.authFailed, msg: "auth failed: AppID or AppSecret is wrong", data: {} };
    }
    if (this.open().length >= this.opts.maxConnections) {
      return { code: WS_CODES.exceedConnLimit, msg: `exceed conn limit: at most ${this.opts.maxConnections} connections per app`, data: {} };
    }
    const ticket = randomBytes(16).toString("hex");
    const deviceId = String(randomInt(1e9, 9e9)) + String(randomInt(1e9, 9e9));
    const serviceId = randomInt(1e6, 9e7);
    this.tickets.set(ticket, { deviceId, serviceId, expires: Date.now() + 5 * 60_000 });
    // fpid comes first, as in Lark's URLs: the SDK reads device_id and service_id with
    // qs.parse over the whole URL, so the first key is "ws://...?fpid".
    const URL = `ws://${host}/ws/v2?fpid=493&aid=552564&device_id=${deviceId}&access_key=${hexId(16)}&service_id=${serviceId}&ticket=${ticket}`;
    return { code: WS_CODES.ok, msg: "ok", data: { URL, ClientConfig: this.clientConfig() } };
  }

  /** The HTTP server's 'upgrade' handler; false when the path is not the long connection's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? "/", "ws://double");
    if (url.pathname !== "/ws/v2") return false;
    const ticket = this.tickets.get(url.searchParams.get("ticket") ?? "");
    this.tickets.delete(url.searchParams.get("ticket") ?? "");
    const refuse = (status: number, msg: string) => {
      socket.end(`HTTP/1.1 ${status} Forbidden\r\nhandshake-status: ${status}\r\nhandshake-msg: ${msg}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    if (!ticket || ticket.expires < Date.now() || url.searchParams.get("device_id") !== ticket.deviceId) {
      refuse(403, "invalid or used ticket: call /callback/ws/endpoint again");
      return true;
    }
    if (this.open().length >= this.opts.maxConnections) {
      refuse(403, "exceed conn limit");
      return true;
    }
    url.searchParams.delete("ticket");
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onOpen(ws, ticket, `ws://${req.headers.host}${url.pathname}${url.search}`));
    return true;
  }

  /** Sends an envelope to one connected client and resolves with its answer. */
  deliver(envelope: unknown): Promise<LongConnectionResult> {
    const payload = Buffer.from(JSON.stringify(longConnectionEnvelope(envelope)), "utf8");
    return new Promise((resolve) => {
      let done = false;
      const p: Pending = {
        payload,
        redeliver: redeliveredAfterDrop(envelope),
        started: performance.now(),
        attempts: 0,
        conn: undefined,
        messageId: undefined,
        timer: undefined,
        settle: (r) => {
          if (done) return;
          done = true;
          clearTimeout(p.timer);
          if (p.conn && p.messageId) p.conn.inFlight.delete(p.messageId);
          const i = this.queue.indexOf(p);
          if (i >= 0) this.queue.splice(i, 1);
          resolve({ ...r, ms: Math.round(performance.now() - p.started), attempts: p.attempts });
        },
      };
      this.enqueue(p);
      this.pump();
    });
  }

  connections(): LongConnectionInfo[] {
    return this.open().map((c) => ({
      id: c.id,
      deviceId: c.deviceId,
      serviceId: c.serviceId,
      connectedAt: c.connectedAt,
      ready: c.ready,
      framesSent: c.framesSent,
      answers: c.answers,
      pings: c.pings,
      inFlight: c.inFlight.size,
    }));
  }

  /** Frames waiting for a client (sent again after a drop, or never sent yet). */
  waiting(): number {
    return this.queue.length;
  }

  /**
   * Drops every socket, as when Lark's gateway restarts. With afterAnswers, waits for that many
   * more answers and drops at the last one, losing it: its event was handled but Lark never
   * heard so, and sends it again, with everything else in flight, after the client reconnects.
   */
  drop(opts: { afterAnswers?: number | undefined } = {}): { dropped: number; armed: boolean } {
    if (opts.afterAnswers !== undefined) {
      this.dropAtAnswer = opts.afterAnswers;
      return { dropped: 0, armed: true };
    }
    const conns = this.open();
    for (const c of conns) c.socket.terminate();
    return { dropped: conns.length, armed: false };
  }

  /**
   * The next `times` endpoint calls are answered with `code` (default 1000040350, too many
   * connections), which the SDK takes as final: it stops reconnecting and reports an error.
   */
  refuseEndpoint(opts: { times?: number | undefined; code?: number | undefined } = {}): void {
    this.refusals = { code: opts.code ?? WS_CODES.exceedConnLimit, left: opts.times ?? 1 };
  }

  close(): void {
    this.dropAtAnswer = undefined;
    for (const c of [...this.conns]) {
      c.socket.terminate();
      this.forget(c);
      for (const p of c.inFlight.values()) p.settle({ status: 0, body: undefined, url: c.url, error: "the Lark double closed" });
    }
    for (const p of [...this.queue]) p.settle({ status: 0, body: undefined, url: "", error: "the Lark double closed" });
    this.wss.close();
  }

  private open(): Conn[] {
    return this.conns.filter((c) => c.socket.readyState === WebSocket.OPEN);
  }

  private onOpen(socket: WebSocket, ticket: { deviceId: string; serviceId: number }, url: string): void {
    const conn: Conn = {
      id: `conn_${hexId(4)}`,
      deviceId: ticket.deviceId,
      serviceId: ticket.serviceId,
      url,
      socket,
      connectedAt: Date.now(),
      ready: false,
      seq: 0,
      framesSent: 0,
      answers: 0,
      pings: 0,
      inFlight: new Map(),
    };
    this.conns.push(conn);
    this.used = true;
    socket.on("message", (data) => this.onFrame(conn, data));
    socket.on("close", () => this.onClose(conn));
    // A reset from the client surfaces as 'error' before 'close'; 'close' does the work.
    socket.on("error", () => undefined);
  }

  private onFrame(conn: Conn, data: RawData): void {
    let frame: Frame;
    try {
      frame = decodeFrame(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer));
    } catch {
      return; // Not a frame: Lark ignores it, and so does the double.
    }
    if (!conn.ready) {
      conn.ready = true;
      setImmediate(() => this.pump());
    }
    if (frame.method === FrameMethod.control) {
      if (headerOf(frame, "type") !== "ping") return;
      conn.pings += 1;
      this.send(conn, {
        SeqID: frame.SeqID,
        LogID: frame.LogID,
        service: frame.service,
        method: FrameMethod.control,
        headers: [{ key: "type", value: "pong" }],
        payload: Buffer.from(JSON.stringify(this.clientConfig())),
      });
      return;
    }
    const messageId = headerOf(frame, "message_id");
    const pending = messageId ? conn.inFlight.get(messageId) : undefined;
    if (!pending) return; // A late answer to a delivery already given up on.
    conn.answers += 1;
    if (this.dropAtAnswer !== undefined && --this.dropAtAnswer <= 0) {
      this.dropAtAnswer = undefined;
      for (const c of this.open()) c.socket.terminate();
      return;
    }
    pending.settle(answerOf(frame, conn.url, conn.id));
  }

  private onClose(conn: Conn): void {
    this.forget(conn);
    const unanswered = [...conn.inFlight.values()];
    conn.inFlight.clear();
    // Back to the front of the queue in the order they were sent.
    for (const p of unanswered.reverse()) {
      clearTimeout(p.timer);
      p.conn = undefined;
      p.messageId = undefined;
      if (p.redeliver) this.enqueue(p, true);
      else p.settle({ status: 0, body: undefined, url: conn.url, connection: conn.id, error: "the long connection dropped before the bot answered" });
    }
    this.pump();
  }

  private forget(conn: Conn): void {
    const i = this.conns.indexOf(conn);
    if (i >= 0) this.conns.splice(i, 1);
  }

  private enqueue(p: Pending, front = false): void {
    if (front) this.queue.unshift(p);
    else this.queue.push(p);
    clearTimeout(p.timer);
    p.timer = setTimeout(
      () => p.settle({ status: 0, body: undefined, url: "", error: `no long-connection client within ${this.opts.waitForClientMs} ms` }),
      this.opts.waitForClientMs,
    );
  }

  private pump(): void {
    for (;;) {
      const ready = this.open().filter((c) => c.ready);
      if (ready.length === 0 || this.queue.length === 0) return;
      const p = this.queue.shift()!;
      // One client per event, taken in turn, as Lark spreads events over an app's connections.
      const conn = ready[this.next++ % ready.length]!;
      this.sendData(conn, p);
    }
  }

  private sendData(conn: Conn, p: Pending): void {
    clearTimeout(p.timer);
    const messageId = hexId(12);
    p.attempts += 1;
    p.conn = conn;
    p.messageId = messageId;
    conn.inFlight.set(messageId, p);
    const size = this.opts.fragmentBytes;
    const sum = Math.max(1, Math.ceil(p.payload.length / size));
    const traceId = hexId(8);
    for (let seq = 0; seq < sum; seq++) {
      conn.framesSent += 1;
      this.send(conn, {
        SeqID: ++conn.seq,
        LogID: randomInt(1, 2 ** 47),
        service: conn.serviceId,
        method: FrameMethod.data,
        // Card callbacks travel as "event" frames too: the SDK drops frames of type "card"
        // (the old card protocol), and Lark sends card.action.trigger as an event.
        headers: [
          { key: "type", value: "event" },
          { key: "message_id", value: messageId },
          { key: "sum", value: String(sum) },
          { key: "seq", value: String(seq) },
          { key: "trace_id", value: traceId },
        ],
        payload: p.payload.subarray(seq * size, (seq + 1) * size),
      });
    }
    p.timer = setTimeout(
      () => p.settle({ status: 0, body: undefined, url: conn.url, connection: conn.id, error: `no answer within ${this.app.answerTimeoutMs} ms` }),
      this.app.answerTimeoutMs,
    );
  }

  private send(conn: Conn, frame: Frame): void {
    if (conn.socket.readyState === WebSocket.OPEN) conn.socket.send(encodeFrame(frame));
  }
}

/** The client's response frame: payload {"code": 200, "data": base64 of the handler's JSON answer}. */
function answerOf(frame: Frame, url: string, connection: string): Omit<LongConnectionResult, "ms" | "attempts"> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(frame.payload ?? []).toString("utf8"));
  } catch {
    return { status: 0, body: undefined, url, connection, error: "the response frame's payload is not JSON" };
  }
  const r = responsePayload.safeParse(parsed);
  if (!r.success) return { status: 0, body: parsed, url, connection, error: 'the response frame\'s payload is not {"code": number, "data"?: base64}' };
  if (r.data.data === undefined) return { status: r.data.code, body: undefined, url, connection };
  const text = Buffer.from(r.data.data, "base64").toString("utf8");
  try {
    return { status: r.data.code, body: JSON.parse(text) as unknown, url, connection };
  } catch {
    return { status: r.data.code, body: text, url, connection };
  }
}
