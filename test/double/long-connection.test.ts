// The double's long connection, driven by the real SDK WSClient as a bot would run it: endpoint
// discovery, the WebSocket with pbbp2 frames, ping/pong, parts, answers, drops, one client per
// event, and the payload differences Lark has over the long connection.
import * as lark from "@larksuiteoapi/node-sdk";
import qs from "qs";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { LarkDouble, LongConnectionResult, SayInput } from "../../src/double/index.ts";
import { decodeFrame, encodeFrame, headerOf } from "../../src/double/ws-frames.ts";
import { CREDS, startDouble } from "./helpers.ts";

// The SDK's WSClient accepts only app ids shaped like Lark's (cli_ + 16 hex digits).
const APP_ID = "cli_0123456789abcdef";
const FAST = { reconnectNonceSec: 0, reconnectIntervalSec: 1, pingIntervalSec: 30 };
const silent = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };

type Envelope = { header: { event_id: string; event_type: string }; event: Record<string, unknown> };

/** A WSClient whose dispatcher records each envelope and answers with `answer(envelope)`. */
function client(double: LarkDouble, answer: (e: Envelope) => unknown = () => undefined, extra: { onError?: (e: Error) => void } = {}) {
  const received: Envelope[] = [];
  class Recorder extends lark.EventDispatcher {
    override async invoke(data: unknown): Promise<unknown> {
      received.push(data as Envelope);
      return answer(data as Envelope);
    }
  }
  const c = new lark.WSClient({ appId: APP_ID, appSecret: CREDS.appSecret, domain: double.url, logger: silent, ...extra });
  void c.start({ eventDispatcher: new Recorder({ logger: silent }) });
  clients.push(c);
  return { c, received };
}

/** A card the bot sends to a user, to be clicked. */
async function sendCard(d: LarkDouble, openId: string) {
  // A cache of its own: the SDK's default one is shared by every client of the process.
  const sdk = new lark.Client({ appId: APP_ID, appSecret: CREDS.appSecret, domain: d.url, logger: silent, cache: new lark.DefaultCache() });
  const content = JSON.stringify({ schema: "2.0", config: { update_multi: true }, body: { elements: [] } });
  return sdk.im.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: openId, msg_type: "interactive", content } });
}

/** say() over the long connection, typed as delivered (say() also allows "not delivered"). */
async function sayOver(d: LarkDouble, input: SayInput): Promise<LongConnectionResult & { eventId: string; messageId: string; chatId: string }> {
  const s = await d.say(input);
  if (!("status" in s)) throw new Error(`not delivered: ${s.skipped}`);
  return s as LongConnectionResult & { eventId: string; messageId: string; chatId: string };
}

const clients: lark.WSClient[] = [];
const doubles: LarkDouble[] = [];
async function double(extra: Parameters<typeof startDouble>[0] = {}): Promise<LarkDouble> {
  const d = await startDouble({ appId: APP_ID, longConnection: FAST, ...extra });
  doubles.push(d);
  return d;
}
afterEach(async () => {
  for (const c of clients.splice(0)) c.close({ force: true });
  for (const d of doubles.splice(0)) await d.close();
});

const discover = (d: LarkDouble, body: unknown) =>
  fetch(`${d.url}/callback/ws/endpoint`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("endpoint discovery (POST /callback/ws/endpoint)", () => {
  it("gives a one-time WebSocket URL with device_id and service_id, and Lark's client settings", async () => {
    const d = await double({ longConnection: {} });
    const res = await discover(d, { AppID: APP_ID, AppSecret: CREDS.appSecret });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { code: number; data: { URL: string; ClientConfig: unknown } };
    expect(body.code).toBe(0);
    expect(body.data.ClientConfig).toEqual({ PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 });
    // Read the way the SDK reads it.
    const { device_id, service_id } = qs.parse(body.data.URL) as Record<string, string>;
    expect(device_id).toMatch(/^\d+$/);
    expect(service_id).toMatch(/^\d+$/);

    const first = new WebSocket(body.data.URL);
    await new Promise((resolve, reject) => first.once("open", resolve).once("error", reject));
    const second = new WebSocket(body.data.URL);
    const refused = await new Promise<number>((resolve) => second.once("unexpected-response", (_req, r) => resolve(r.statusCode ?? 0)).once("error", () => resolve(-1)));
    expect(refused).toBe(403);
    first.terminate();
  });

  it("answers wrong credentials with code 514 and a body that is not JSON with 400", async () => {
    const d = await double();
    expect(await (await discover(d, { AppID: APP_ID, AppSecret: "wrong" })).json()).toMatchObject({ code: 514 });
    expect(await (await discover(d, { AppID: "cli_ffffffffffffffff", AppSecret: CREDS.appSecret })).json()).toMatchObject({ code: 514 });
    const bad = await discover(d, "{not json");
    expect(bad.status).toBe(400);
    expect(d.longConnections()).toEqual([]);
  });

  it("allows 50 connections per app and answers the 51st with 1000040350", async () => {
    const d = await double({ longConnection: { ...FAST, maxConnections: 2 } });
    client(d);
    client(d);
    await d.waitForLongConnections(2);
    expect(await (await discover(d, { AppID: APP_ID, AppSecret: CREDS.appSecret })).json()).toMatchObject({ code: 1000040350 });
  });

  it("refuses the SDK with the wrong secret: it reports the error and never connects", async () => {
    const d = await double();
    const errors: string[] = [];
    const c = new lark.WSClient({ appId: APP_ID, appSecret: "wrong", domain: d.url, logger: silent, onError: (e) => errors.push(e.message) });
    clients.push(c);
    void c.start({ eventDispatcher: new lark.EventDispatcher({ logger: silent }) });
    await expect.poll(() => errors).toEqual([expect.stringContaining("code=514")]);
    expect(d.longConnections()).toEqual([]);
  });
});

describe("frames", () => {
  it("answers a ping with a pong that carries ClientConfig, echoing SeqID, LogID and service", async () => {
    const d = await double();
    const { data } = (await (await discover(d, { AppID: APP_ID, AppSecret: CREDS.appSecret })).json()) as { data: { URL: string } };
    const ws = new WebSocket(data.URL);
    await new Promise((resolve) => ws.once("open", resolve));
    const pong = new Promise<Buffer>((resolve) => ws.once("message", (b) => resolve(b as Buffer)));
    ws.send(encodeFrame({ SeqID: 7, LogID: 99, service: 1234, method: 0, headers: [{ key: "type", value: "ping" }] }));
    const frame = decodeFrame(await pong);
    expect(frame).toMatchObject({ SeqID: 7, LogID: 99, service: 1234, method: 0 });
    expect(headerOf(frame, "type")).toBe("pong");
    expect(JSON.parse(Buffer.from(frame.payload!).toString())).toEqual({ PingInterval: 30, ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0 });
    ws.terminate();
  });

  it("splits a large event into parts the SDK puts back together", async () => {
    const d = await double({ longConnection: { ...FAST, fragmentBytes: 256 } });
    const user = d.addUser({ name: "张三" });
    const { received } = client(d);
    const [conn] = await d.waitForLongConnections(1);
    const text = "困难党员帮扶".repeat(500);
    const said = await sayOver(d, { from: user.open_id, text });
    expect(said).toMatchObject({ status: 200, attempts: 1 });
    const body = received.at(-1)!;
    expect(JSON.parse((body.event.message as { content: string }).content)).toEqual({ text });
    expect(d.longConnections().find((c) => c.id === conn!.id)!.framesSent).toBeGreaterThan(text.length * 3 / 256);
  });

  it("rejects a frame that is not one", () => {
    expect(() => decodeFrame(Buffer.from([0x0a, 0x05, 0x61]))).toThrow();
    expect(() => decodeFrame(encodeFrame({ SeqID: 1, LogID: 1, service: 1, method: 1, headers: [] }).subarray(0, 4))).toThrow(/missing required/);
  });
});

describe("deliveries over the long connection", () => {
  it("sends events and card callbacks as the schema 2.0 JSON, the card without operator.user_id and with context.open_chat_id", async () => {
    const d = await double();
    const user = d.addUser({ name: "张三" });
    const { received } = client(d, (e) => (e.header.event_type === "card.action.trigger" ? { toast: { type: "success", content: "好的" } } : undefined));
    await d.waitForLongConnections(1);

    const said = await sayOver(d, { from: user.open_id, text: "帮助" });
    expect(said).toMatchObject({ status: 200, body: undefined });
    expect(said.url).toMatch(/^ws:\/\/.*\/ws\/v2\?/);
    expect(said.url).not.toContain("ticket");
    const message = received.at(-1)!;
    expect(message).toMatchObject({ schema: "2.0", header: { event_type: "im.message.receive_v1", token: CREDS.verificationToken, app_id: APP_ID } });
    expect((message.event.sender as { sender_id: unknown }).sender_id).toEqual({ open_id: user.open_id, union_id: user.union_id, user_id: user.user_id });

    // The bot's card in the chat, then a click on it.
    const sent = await sendCard(d, user.open_id);
    const click = await d.click({ from: user.open_id, messageId: sent.data!.message_id!, value: { a: "x" } });
    expect(click).toMatchObject({ status: 200, toast: { type: "success", content: "好的" } });
    const card = received.at(-1)!;
    expect(card.header.event_type).toBe("card.action.trigger");
    expect(card.event.operator).toEqual({ tenant_key: d.tenantKey, open_id: user.open_id, union_id: user.union_id });
    expect(card.event.context).toEqual({ open_message_id: sent.data!.message_id, open_chat_id: sent.data!.chat_id });
    // The webhook shape is what the double remembers (and redelivers through a webhook).
    expect(d.longConnection.inUse).toBe(true);
  });

  it("gives each event to one of the app's clients, taking them in turn", async () => {
    const d = await double();
    const user = d.addUser({ name: "张三" });
    const a = client(d);
    const b = client(d);
    await d.waitForLongConnections(2);
    const said = await Promise.all(Array.from({ length: 10 }, (_, i) => sayOver(d, { from: user.open_id, text: `第${i}条` })));
    expect(said.every((s) => s.status === 200)).toBe(true);
    expect(a.received.length + b.received.length).toBe(10);
    expect(a.received.length).toBe(5);
    const ids = [...a.received, ...b.received].map((e) => e.header.event_id);
    expect(new Set(ids).size).toBe(10);
  });

  it("sends unanswered events again after the client reconnects; a card callback only once", async () => {
    const d = await double();
    const user = d.addUser({ name: "张三" });
    const { received } = client(d);
    await d.waitForLongConnections(1);
    // The 3rd answer from now is lost with the socket; everything unanswered comes again.
    expect(d.dropLongConnections({ afterAnswers: 3 })).toEqual({ dropped: 0, armed: true });
    const said = await Promise.all(Array.from({ length: 8 }, (_, i) => sayOver(d, { from: user.open_id, text: `第${i}条` })));
    expect(said.map((s) => s.status)).toEqual(Array(8).fill(200));
    expect(said.some((s) => s.attempts === 2)).toBe(true);
    const ids = received.map((e) => e.header.event_id);
    expect(new Set(ids)).toEqual(new Set(said.map((s) => s.eventId)));
    expect(ids.length).toBeGreaterThan(8); // the lost answer's event came twice

    await d.waitForLongConnections(1);
    const sent = await sendCard(d, user.open_id);
    d.dropLongConnections({ afterAnswers: 1 });
    const click = await d.click({ from: user.open_id, messageId: sent.data!.message_id!, value: { a: "x" } });
    expect(click.status).toBe(0);
    expect(click.error).toMatch(/dropped before the bot answered/);
    await d.waitForLongConnections(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(received.filter((e) => e.header.event_type === "card.action.trigger")).toHaveLength(1);
  });

  it("keeps deliveries for a client while none is connected, then sends them", async () => {
    const d = await double();
    const user = d.addUser({ name: "张三" });
    const { c, received } = client(d);
    await d.waitForLongConnections(1);
    c.close({ force: true });
    await expect.poll(() => d.longConnections().length).toBe(0);
    const pending = sayOver(d, { from: user.open_id, text: "还在吗" });
    await new Promise((r) => setTimeout(r, 100));
    expect(d.longConnection.waiting()).toBe(1);
    const again = client(d);
    const said = await pending;
    expect(said.status).toBe(200);
    expect(again.received.map((e) => e.header.event_id)).toEqual([said.eventId]);
    expect(received.map((e) => e.header.event_id)).not.toContain(said.eventId);
  });

  it("reports a delivery nobody connects for as failed after waitForClientMs", async () => {
    const d = await double({ longConnection: { ...FAST, waitForClientMs: 200 } });
    const user = d.addUser({ name: "张三" });
    const { c } = client(d);
    await d.waitForLongConnections(1);
    c.close({ force: true });
    await expect.poll(() => d.longConnections().length).toBe(0);
    const said = await sayOver(d, { from: user.open_id, text: "有人吗" });
    expect(said).toMatchObject({ status: 0, error: "no long-connection client within 200 ms" });
  });
});

describe("control API", () => {
  it("lists connections, drops them and refuses the endpoint over HTTP", async () => {
    const d = await double();
    client(d);
    await d.waitForLongConnections(1);
    const list = (await (await fetch(`${d.url}/_double/long-connections`)).json()) as { inUse: boolean; connections: { ready: boolean }[] };
    expect(list).toMatchObject({ inUse: true, connections: [{ ready: true }] });
    const bad = await fetch(`${d.url}/_double/long-connections/drop`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ afterAnswers: 0 }) });
    expect(bad.status).toBe(400);
    await fetch(`${d.url}/_double/long-connections/refuse-endpoint`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ times: 1, code: 514 }) });
    const dropped = await fetch(`${d.url}/_double/long-connections/drop`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await dropped.json()).toEqual({ dropped: 1, armed: false });
  });
});
