// The Open Platform endpoints, exercised through the real SDK exactly as the bot uses it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LarkDouble } from "../../src/double/index.ts";
import { card2, CREDS, larkFailure, sdkClient, startDouble } from "./helpers.ts";

let double: LarkDouble;
let alice: string;

beforeAll(async () => {
  double = await startDouble();
  alice = double.addUser({ name: "Alice", mobile: "+8613800000001", email: "alice@example.com" }).open_id;
  double.addUser({ open_id: "ou_bob", name: "Bob", mobile: "13800000002", user_id: "bob01" });
  double.addUser({ open_id: "ou_gone", name: "Gone", email: "gone@example.com", resigned: true });
});
afterAll(() => double.close());
beforeEach(() => double.reset());

const text = (t: string) => JSON.stringify({ text: t });

describe("tenant token", () => {
  it("issues a t- token for the right credentials and reuses it while it has time left", async () => {
    const post = (secret: string) =>
      fetch(`${double.url}/open-apis/auth/v3/tenant_access_token/internal`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ app_id: CREDS.appId, app_secret: secret }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    const first = await post(CREDS.appSecret);
    expect(first).toMatchObject({ status: 200, body: { code: 0, msg: "ok", expire: 7200 } });
    expect(first.body.tenant_access_token).toMatch(/^t-[0-9a-f]{40}$/);
    expect((await post(CREDS.appSecret)).body.tenant_access_token).toBe(first.body.tenant_access_token);
    expect((await post("wrong")).body).toEqual({ code: 10014, msg: "app secret invalid" });
  });

  it("makes the SDK fail on a wrong secret, and answers 99991661 without a token", async () => {
    const bad = sdkClient(double, "wrong");
    await expect(bad.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type: "text", content: text("x") } })).rejects.toThrow(/10014/);
    const res = await fetch(`${double.url}/open-apis/bot/v3/info`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(99991661);
  });
});

describe("messages", () => {
  it("answers bot info with the bot's open_id", async () => {
    const info = await sdkClient(double).request({ method: "GET", url: "/open-apis/bot/v3/info" });
    expect(info).toMatchObject({ code: 0, bot: { open_id: double.botOpenId, activate_status: 2, app_name: double.botName } });
  });

  it("sends text to an open_id into the user's p2p chat and records it", async () => {
    const res = await sdkClient(double).im.v1.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: alice, msg_type: "text", content: text("你好") },
    });
    expect(res.code).toBe(0);
    expect(res.data).toMatchObject({ msg_type: "text", chat_id: `oc_p2p_${alice}`, body: { content: text("你好") }, sender: { id: CREDS.appId, sender_type: "app" } });
    expect(res.data?.message_id).toMatch(/^om_/);
    const [sent] = double.messages({ to: alice });
    expect(sent).toMatchObject({ message_id: res.data?.message_id, content: { text: "你好" }, recipient_open_id: alice, patches: 0 });
  });

  it("resolves user_id, email and chat_id receivers", async () => {
    const client = sdkClient(double);
    const chat = double.addChat({ name: "支部", members: [alice, "ou_bob"] });
    await client.im.v1.message.create({ params: { receive_id_type: "user_id" }, data: { receive_id: "bob01", msg_type: "text", content: text("a") } });
    await client.im.v1.message.create({ params: { receive_id_type: "email" }, data: { receive_id: "alice@example.com", msg_type: "text", content: text("b") } });
    await client.im.v1.message.create({ params: { receive_id_type: "chat_id" }, data: { receive_id: chat.chat_id, msg_type: "text", content: text("c") } });
    expect(double.messages().map((m) => [m.chat_id, m.recipient_open_id])).toEqual([
      ["oc_p2p_ou_bob", "ou_bob"],
      [`oc_p2p_${alice}`, alice],
      [chat.chat_id, undefined],
    ]);
  });

  it("refuses unknown or resigned receivers (230013), a chat without the bot (230002) and bad content (230001)", async () => {
    const client = sdkClient(double);
    const send = (type: "open_id" | "chat_id", id: string, msg_type: string, content: string) =>
      larkFailure(client.im.v1.message.create({ params: { receive_id_type: type }, data: { receive_id: id, msg_type, content } }));
    expect(await send("open_id", "ou_nobody", "text", text("x"))).toMatchObject({ status: 400, code: 230013 });
    expect(await send("open_id", "ou_gone", "text", text("x"))).toMatchObject({ status: 400, code: 230013 });
    const left = double.addChat({ name: "left", members: [alice], bot_is_member: false });
    expect(await send("chat_id", left.chat_id, "text", text("x"))).toMatchObject({ status: 400, code: 230002 });
    expect(await send("open_id", alice, "text", "not json")).toMatchObject({ status: 400, code: 230001 });
    expect(await send("open_id", alice, "text", JSON.stringify({ txt: "x" }))).toMatchObject({ status: 400, code: 230001 });
    expect(await send("open_id", alice, "txet", text("x"))).toMatchObject({ status: 400, code: 230001 });
    expect(double.messages()).toHaveLength(0);
  });

  it("checks cards: size limit 30 KB (230025), form fields need names, 2.0 has no action module (230099)", async () => {
    const client = sdkClient(double);
    const sendCard = (card: unknown) =>
      client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type: "interactive", content: JSON.stringify(card) } });
    const big = card2("big", [{ tag: "markdown", content: "字".repeat(11_000) }]);
    expect(await larkFailure(sendCard(big))).toMatchObject({ status: 400, code: 230025 });
    const form = { tag: "form", name: "f", elements: [{ tag: "input" }, { tag: "button", name: "ok", form_action_type: "submit" }] };
    expect(await larkFailure(sendCard(card2("form", [form])))).toMatchObject({ status: 400, code: 230099 });
    expect(await larkFailure(sendCard(card2("old", [{ tag: "action", actions: [] }])))).toMatchObject({ code: 230099 });
    const named = { ...form, elements: [{ tag: "input", name: "reason" }, { tag: "button", name: "ok", form_action_type: "submit" }] };
    expect((await sendCard(card2("form", [named]))).code).toBe(0);
  });

  it("de-duplicates on uuid for an hour: same message_id, recorded once", async () => {
    let now = Date.now();
    const clocked = await startDouble({ now: () => now });
    try {
      clocked.addUser({ open_id: "ou_u", name: "U" });
      const client = sdkClient(clocked);
      const send = () => client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_u", msg_type: "text", content: text("once"), uuid: "talk-42" } });
      const a = await send();
      const b = await send();
      expect(b.data?.message_id).toBe(a.data?.message_id);
      expect(clocked.messages()).toHaveLength(1);
      now += 3600_000;
      const c = await send();
      expect(c.data?.message_id).not.toBe(a.data?.message_id);
      expect(clocked.messages()).toHaveLength(2);
    } finally {
      await clocked.close();
    }
  });

  it("replies in the parent's chat, to a bot message or to a user's message", async () => {
    const client = sdkClient(double);
    const parent = await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type: "text", content: text("q") } });
    const reply = await client.im.v1.message.reply({ path: { message_id: parent.data!.message_id! }, data: { msg_type: "text", content: text("a") } });
    expect(reply.data).toMatchObject({ chat_id: `oc_p2p_${alice}`, parent_id: parent.data?.message_id, root_id: parent.data?.message_id });
    expect(double.message(reply.data!.message_id!)).toMatchObject({ parent_id: parent.data?.message_id, recipient_open_id: alice });
    expect(await larkFailure(client.im.v1.message.reply({ path: { message_id: "om_missing" }, data: { msg_type: "text", content: text("a") } }))).toMatchObject({ code: 230001 });
  });

  it("patches a card, keeps the history, and refuses text messages and 2.0 → 1.0", async () => {
    const client = sdkClient(double);
    const sent = await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type: "interactive", content: JSON.stringify(card2("v1")) } });
    const id = sent.data!.message_id!;
    const patched = await client.im.v1.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(card2("v2")) } });
    expect(patched.code).toBe(0);
    const stored = double.message(id)!;
    expect(stored.patches).toBe(1);
    expect(stored.content).toMatchObject({ header: { title: { content: "v2" } } });
    expect(stored.history.map((h) => h.via)).toEqual(["create", "patch"]);
    const v1card = { config: { update_multi: true }, elements: [{ tag: "div", text: { tag: "plain_text", content: "1.0" } }] };
    expect(await larkFailure(client.im.v1.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(v1card) } }))).toMatchObject({ code: 230099 });
    const plain = await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type: "text", content: text("t") } });
    expect(await larkFailure(client.im.v1.message.patch({ path: { message_id: plain.data!.message_id! }, data: { content: JSON.stringify(card2("x")) } }))).toMatchObject({ code: 230001 });
    const got = await client.im.v1.message.get({ path: { message_id: id } });
    expect(got.data?.items?.[0]).toMatchObject({ message_id: id, updated: true, msg_type: "interactive" });
  });
});

describe("contact batch_get_id", () => {
  it("maps emails and mobiles (with or without +86) to open_ids and leaves misses without user_id", async () => {
    const res = await sdkClient(double).contact.v3.user.batchGetId({
      params: { user_id_type: "open_id" },
      data: { emails: ["Alice@example.com", "nobody@example.com", "gone@example.com"], mobiles: ["13800000001", "+8613800000002", "13999999999"] },
    });
    expect(res.code).toBe(0);
    expect(res.data?.user_list?.map(({ user_id, email, mobile }) => ({ user_id, email, mobile }))).toEqual([
      { user_id: alice, email: "Alice@example.com", mobile: undefined },
      { user_id: undefined, email: "nobody@example.com", mobile: undefined },
      { user_id: undefined, email: "gone@example.com", mobile: undefined },
      { user_id: alice, email: undefined, mobile: "13800000001" },
      { user_id: "ou_bob", email: undefined, mobile: "+8613800000002" },
      { user_id: undefined, email: undefined, mobile: "13999999999" },
    ]);
    const withResigned = await sdkClient(double).contact.v3.user.batchGetId({ params: { user_id_type: "user_id" }, data: { emails: ["gone@example.com"], include_resigned: true } });
    expect(withResigned.data?.user_list?.[0]?.user_id).toBe(double.users().find((u) => u.open_id === "ou_gone")?.user_id);
  });
});
