// The /_double HTTP API, driven with plain fetch as a terminal script or the sandbox page would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LarkDouble, SentMessage } from "../../src/double/index.ts";
import { card2, sdkClient, startDouble, startReceiver, type Receiver } from "./helpers.ts";

let double: LarkDouble;
let bot: Receiver;

beforeAll(async () => {
  bot = await startReceiver();
  double = await startDouble();
});
afterAll(async () => {
  await double.close();
  await bot.close();
});
beforeEach(() => double.reset());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${double.url}/_double${path}`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe("control API", () => {
  it("adds and lists users and chats, and rejects bad input with a reason", async () => {
    const added = await call("POST", "/users", [{ name: "甲", open_id: "ou_jia" }, { name: "乙", email: "yi@example.com" }]);
    expect(added.status).toBe(201);
    expect(added.body[1].open_id).toMatch(/^ou_/);
    expect((await call("GET", "/users")).body.map((u: { name: string }) => u.name)).toEqual(["甲", "乙"]);
    const bad = await call("POST", "/users", { open_id: "not-ou" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/name/);
    const chat = await call("POST", "/chats", { name: "支部", members: ["ou_jia"] });
    expect(chat).toMatchObject({ status: 201, body: { chat_type: "group", members: ["ou_jia"] } });
    expect((await call("POST", "/chats", { name: "x", members: ["ou_nobody"] })).status).toBe(404);
    expect((await call("GET", "/chats")).body).toHaveLength(1);
    expect((await call("POST", "/nope")).status).toBe(404);
  });

  it("says, opens the chat, taps the menu and clicks through HTTP once the bot URLs are set", async () => {
    double.addUser({ open_id: "ou_jia", name: "甲" });
    expect((await call("POST", "/say", { from: "ou_jia", text: "hi" })).status).toBe(409);
    expect((await call("PUT", "/bot-urls", { events: `${bot.url}/e`, cards: `${bot.url}/c` })).body).toEqual({ events: `${bot.url}/e`, cards: `${bot.url}/c` });
    const said = await call("POST", "/say", { from: "ou_jia", text: "hi" });
    expect(said).toMatchObject({ status: 200, body: { status: 200, messageId: expect.stringMatching(/^om_/) } });
    expect((await call("POST", "/say", { from: "ou_jia" })).status).toBe(400);
    expect((await call("POST", "/open-p2p", { from: "ou_jia" })).body.status).toBe(200);
    expect((await call("POST", "/menu", { from: "ou_jia", eventKey: "k" })).body.status).toBe(200);
    expect((await call("POST", "/redeliver", { eventId: said.body.eventId })).body.eventId).toBe(said.body.eventId);
    const sent = await sdkClient(double).im.v1.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: "ou_jia", msg_type: "interactive", content: JSON.stringify(card2("卡")) },
    });
    const clicked = await call("POST", "/click", { from: "ou_jia", messageId: sent.data!.message_id, value: { a: 1 } });
    expect(clicked).toMatchObject({ status: 200, body: { status: 200, cardUpdated: false } });
    expect(bot.received.map((r) => r.path)).toEqual(["/e", "/e", "/e", "/e", "/c"]);
  });

  it("lists sent messages by receiver and time, and one message by id", async () => {
    double.addUser({ open_id: "ou_jia", name: "甲" });
    double.addUser({ open_id: "ou_yi", name: "乙" });
    const client = sdkClient(double);
    const send = (to: string) => client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: to, msg_type: "text", content: '{"text":"x"}' } });
    await send("ou_jia");
    const mid = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    const second = await send("ou_yi");
    expect((await call("GET", "/messages")).body).toHaveLength(2);
    expect((await call("GET", "/messages?to=ou_yi")).body.map((m: SentMessage) => m.message_id)).toEqual([second.data?.message_id]);
    expect((await call("GET", `/messages?since=${mid}`)).body).toHaveLength(1);
    expect((await call("GET", "/messages?since=yesterday")).status).toBe(400);
    expect((await call("GET", `/messages/${second.data?.message_id}`)).body.content).toEqual({ text: "x" });
    expect((await call("GET", "/messages/om_none")).status).toBe(404);
  });

  it("injects, lists and clears faults, and reset forgets messages but keeps users", async () => {
    double.addUser({ open_id: "ou_jia", name: "甲" });
    expect((await call("POST", "/faults", { kind: "teapot" })).status).toBe(400);
    const fault = await call("POST", "/faults", { kind: "5xx", count: 2, match: { method: "post", pathPrefix: "/open-apis/im/" } });
    expect(fault).toMatchObject({ status: 201, body: { kind: "5xx", remaining: 2, match: { method: "POST" } } });
    expect((await call("GET", "/faults")).body).toHaveLength(1);
    expect((await call("DELETE", "/faults")).status).toBe(204);
    expect((await call("GET", "/faults")).body).toEqual([]);
    await sdkClient(double).im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_jia", msg_type: "text", content: '{"text":"x"}' } });
    const usersBefore = (await call("GET", "/users")).body;
    expect((await call("POST", "/reset")).status).toBe(204);
    expect((await call("GET", "/messages")).body).toEqual([]);
    expect((await call("GET", "/users")).body).toEqual(usersBefore);
  });

  it("streams every send and patch as server-sent events", async () => {
    double.addUser({ open_id: "ou_jia", name: "甲" });
    const abort = new AbortController();
    const res = await fetch(`${double.url}/_double/stream`, { signal: abort.signal });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const client = sdkClient(double);
    const sent = await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_jia", msg_type: "interactive", content: JSON.stringify(card2("一")) } });
    await client.im.v1.message.patch({ path: { message_id: sent.data!.message_id! }, data: { content: JSON.stringify(card2("二")) } });
    let text = "";
    while (!text.includes("event: patched")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    abort.abort();
    const events = text.split("\n\n").filter((b) => b.startsWith("event:"));
    expect(events.map((e) => e.split("\n")[0])).toEqual(["event: sent", "event: patched"]);
    const patched = JSON.parse(events[1]!.split("\n")[1]!.slice("data: ".length)) as SentMessage;
    expect(patched).toMatchObject({ message_id: sent.data?.message_id, patches: 1, content: { header: { title: { content: "二" } } } });
  });
});

describe("waitForMessage", () => {
  it("resolves with a message already sent or still to come, and times out otherwise", async () => {
    double.addUser({ open_id: "ou_jia", name: "甲" });
    const client = sdkClient(double);
    const later = double.waitForMessage({ to: "ou_jia", where: (m) => (m.content as { text: string }).text === "2" });
    await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_jia", msg_type: "text", content: '{"text":"1"}' } });
    await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_jia", msg_type: "text", content: '{"text":"2"}' } });
    expect((await later).content).toEqual({ text: "2" });
    expect((await double.waitForMessage({ to: "ou_jia" })).content).toEqual({ text: "1" });
    await expect(double.waitForMessage({ to: "ou_other" }, 50)).rejects.toThrow(/no matching message/);
  });
});
