// Pictures and files: a person sends them (image, file, audio, video, sticker, rich text with a
// picture), Lark delivers the message event, and the bot downloads the bytes through the message,
// uploads files and sends image and file messages, each answered as Lark answers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LarkDouble } from "../../src/double/index.ts";
import { createLarkResources, ResourceFailureError } from "../../src/lark/resources.ts";
import { TokenCache } from "../../src/lark/client.ts";
import { CREDS, larkFailure, sdkClient, startDouble, startReceiver, type Receiver } from "./helpers.ts";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a60000000049454e44ae426082", "hex");
const b64 = (b: Buffer) => b.toString("base64");

let double: LarkDouble;
let bot: Receiver;
let alice: string;
let bob: string;

beforeAll(async () => {
  bot = await startReceiver();
  double = await startDouble({ botEventsUrl: bot.url });
  alice = double.addUser({ name: "Alice" }).open_id;
  bob = double.addUser({ name: "Bob" }).open_id;
});
afterAll(async () => {
  await double.close();
  await bot.close();
});
beforeEach(() => {
  double.reset();
  bot.received.length = 0;
});

const client = () => ({ sdk: sdkClient(double), tokens: new TokenCache() });
const lastMessage = () => (bot.received.at(-1)!.payload.event as { message: { message_type: string; content: string; message_id: string; mentions?: unknown[] } }).message;

async function control(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${double.url}/_double${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

describe("what a person sends", () => {
  it("delivers an image message and lets the bot download it through that message", async () => {
    const sent = await double.sendFile({ from: alice, type: "image", fileName: "bill.png", data: b64(PNG) });
    const m = lastMessage();
    expect(m.message_type).toBe("image");
    expect(JSON.parse(m.content)).toEqual({ image_key: sent.fileKey });
    expect(sent.fileKey).toMatch(/^img_v3_/);
    const got = await createLarkResources(client()).download({ messageId: m.message_id, key: sent.fileKey, type: "image", maxBytes: 1000 });
    expect(got).toEqual({ bytes: PNG, contentType: "image/png" });
  });

  it("delivers a file message with its name, over the control API too", async () => {
    const r = await control("/send-file", { from: alice, type: "file", fileName: "病历.pdf", data: b64(Buffer.from("%PDF-1.4 test")) });
    expect(r.status).toBe(200);
    const m = lastMessage();
    expect(m.message_type).toBe("file");
    expect(JSON.parse(m.content)).toEqual({ file_key: r.body.fileKey, file_name: "病历.pdf" });
    const got = await createLarkResources(client()).download({ messageId: m.message_id, key: String(r.body.fileKey), type: "file", maxBytes: 1000 });
    expect("bytes" in got && got.bytes.toString()).toBe("%PDF-1.4 test");
    // The page reads what people sent through the control API.
    const page = await fetch(`${double.url}/_double/resources/${String(r.body.fileKey)}`);
    expect(page.headers.get("content-type")).toContain("application/pdf");
  });

  it("stops reading a download past the size asked for", async () => {
    const sent = await double.sendFile({ from: alice, type: "image", fileName: "big.png", data: b64(Buffer.alloc(200_000, 1)) });
    const got = await createLarkResources(client()).download({ messageId: lastMessage().message_id, key: sent.fileKey, type: "image", maxBytes: 1000 });
    expect(got).toMatchObject({ tooLarge: true });
  });

  it("delivers stickers, voice, video and rich text in Lark's shapes", async () => {
    await double.sendFile({ from: alice, type: "sticker" });
    expect(lastMessage().message_type).toBe("sticker");
    expect(JSON.parse(lastMessage().content)).toEqual({ file_key: expect.stringMatching(/^file_v3_/) });
    await double.sendFile({ from: alice, type: "audio", data: b64(Buffer.from("opus")), duration: 3000 });
    expect(JSON.parse(lastMessage().content)).toMatchObject({ duration: 3000 });
    await double.sendFile({ from: alice, type: "media", fileName: "v.mp4", data: b64(Buffer.from("mp4")) });
    expect(lastMessage().message_type).toBe("media");
    const post = await double.sendPost({ from: alice, title: "说明", lines: ["第一段", "第二段"], images: [{ fileName: "a.png", data: b64(PNG) }] });
    const m = lastMessage();
    expect(m.message_type).toBe("post");
    expect(JSON.parse(m.content)).toEqual({
      title: "说明",
      content: [[{ tag: "text", text: "第一段", style: [] }], [{ tag: "text", text: "第二段", style: [] }], [{ tag: "img", image_key: post.imageKeys[0], width: 800, height: 600 }]],
    });
    // A picture in rich text downloads through its message like any other.
    const got = await createLarkResources(client()).download({ messageId: m.message_id, key: post.imageKeys[0]!, type: "image", maxBytes: 1000 });
    expect("bytes" in got && got.bytes.equals(PNG)).toBe(true);
  });

  it("puts the bot's @-mention in a group's rich text, and delivers no image from a group (it cannot @ the bot)", async () => {
    const chat = double.addChat({ name: "支部群", members: [alice, bob] });
    const post = await double.sendPost({ from: alice, chatId: chat.chat_id, lines: ["看看这张"], images: [{ data: b64(PNG) }] });
    expect("skipped" in post).toBe(false);
    const m = lastMessage();
    expect(m.mentions).toHaveLength(1);
    expect((JSON.parse(m.content) as { content: { tag: string }[][] }).content[0]![0]).toMatchObject({ tag: "at", user_id: "@_user_1" });
    const before = bot.received.length;
    const img = await double.sendFile({ from: alice, chatId: chat.chat_id, type: "image", data: b64(PNG) });
    expect("skipped" in img && img.skipped).toMatch(/without @bot/);
    expect(bot.received).toHaveLength(before);
  });

  it("refuses an empty file and an unknown type at the control API", async () => {
    expect((await control("/send-file", { from: alice, type: "file", fileName: "x.pdf", data: "" })).status).toBe(400);
    expect((await control("/send-file", { from: alice, type: "location" })).status).toBe(400);
  });
});

describe("downloads answered with Lark's errors", () => {
  it("refuses a key not in that message (234003), a bad type (234001), an unknown message (234001)", async () => {
    const one = await double.sendFile({ from: alice, type: "image", data: b64(PNG) });
    const firstId = lastMessage().message_id;
    await double.sendFile({ from: alice, type: "file", fileName: "b.pdf", data: b64(Buffer.from("%PDF-")) });
    const secondId = lastMessage().message_id;
    const sdk = sdkClient(double);
    const get = (messageId: string, key: string, type: string) => sdk.im.messageResource.get({ params: { type }, path: { message_id: messageId, file_key: key } });
    const codeOf = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (err) {
        const e = err as { response?: { status: number; data: AsyncIterable<Buffer> } };
        const chunks: Buffer[] = [];
        for await (const c of e.response!.data) chunks.push(Buffer.from(c));
        return { status: e.response!.status, code: (JSON.parse(Buffer.concat(chunks).toString()) as { code: number }).code };
      }
      throw new Error("expected a failure");
    };
    expect(await codeOf(get(secondId, one.fileKey, "image"))).toEqual({ status: 400, code: 234003 });
    expect(await codeOf(get(firstId, one.fileKey, "file"))).toEqual({ status: 400, code: 234001 });
    expect(await codeOf(get("om_nope", one.fileKey, "image"))).toEqual({ status: 400, code: 234001 });
    expect(await codeOf(get(firstId, one.fileKey, "video"))).toEqual({ status: 400, code: 234001 });
  });

  it("tells the bot's client which failures are for good and which may pass", async () => {
    const one = await double.sendFile({ from: alice, type: "image", data: b64(PNG) });
    const r = createLarkResources(client());
    const gone = await r.download({ messageId: "om_nope", key: one.fileKey, type: "image", maxBytes: 100 }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ResourceFailureError);
    expect(gone).toMatchObject({ permanent: true, failure: { code: 234001 } });
    double.injectFault({ kind: "5xx", match: { pathPrefix: "/open-apis/im/v1/messages" } });
    const flaky = await r.download({ messageId: lastMessage().message_id, key: one.fileKey, type: "image", maxBytes: 1000 }).catch((e: unknown) => e);
    expect(flaky).toMatchObject({ permanent: false, failure: { kind: "transient" } });
  });

  it("answers 234004 when the bot is no longer in the message's group, and 99991672 without a message scope", async () => {
    const chat = double.addChat({ name: "群", members: [alice] });
    const post = await double.sendPost({ from: alice, chatId: chat.chat_id, lines: ["x"], images: [{ data: b64(PNG) }] });
    double.addChat({ chat_id: chat.chat_id, name: "群", members: [alice], bot_is_member: false });
    const r = createLarkResources(client());
    expect(await r.download({ messageId: post.messageId, key: post.imageKeys[0]!, type: "image", maxBytes: 1000 }).catch((e: unknown) => e)).toMatchObject({ permanent: true, failure: { code: 234004 } });
    const before = double.appSettings().scopes;
    double.configureApp({ scopes: ["im:resource"] });
    try {
      expect(await r.download({ messageId: post.messageId, key: post.imageKeys[0]!, type: "image", maxBytes: 1000 }).catch((e: unknown) => e)).toMatchObject({ failure: { code: 99991672 } });
    } finally {
      double.configureApp({ scopes: before });
    }
  });
});

describe("what the bot uploads and sends", () => {
  it("uploads a file (never empty, a known file_type) and sends it as a file message", async () => {
    const r = createLarkResources(client());
    const fileKey = await r.uploadFile({ bytes: Buffer.from("%PDF-1.7"), fileName: "票据.pdf", fileType: "pdf" });
    expect(fileKey).toMatch(/^file_v3_/);
    const sdk = sdkClient(double);
    await sdk.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type: "file", content: JSON.stringify({ file_key: fileKey }) } });
    const sent = double.messages({ to: alice }).at(-1)!;
    expect(sent).toMatchObject({ msg_type: "file", content: { file_key: fileKey } });
    expect(await r.uploadFile({ bytes: Buffer.alloc(0), fileName: "e.pdf", fileType: "pdf" }).catch((e: unknown) => e)).toMatchObject({ failure: { code: 234010 } });
    const form = new FormData();
    form.set("file_type", "docx");
    form.set("file_name", "a.docx");
    form.set("file", new Blob([Buffer.from("x")]));
    const token = (await (await fetch(`${double.url}/open-apis/auth/v3/tenant_access_token/internal`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ app_id: CREDS.appId, app_secret: CREDS.appSecret }) })).json()) as { tenant_access_token: string };
    const bad = await fetch(`${double.url}/open-apis/im/v1/files`, { method: "POST", headers: { authorization: `Bearer ${token.tenant_access_token}` }, body: form });
    expect(((await bad.json()) as { code: number }).code).toBe(234001);
  });

  it("sends an image message only with a key the app uploaded as a message image", async () => {
    const r = createLarkResources(client());
    const imageKey = await r.uploadImage(PNG);
    const sdk = sdkClient(double);
    const send = (content: object, msg_type = "image") => sdk.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: alice, msg_type, content: JSON.stringify(content) } });
    await send({ image_key: imageKey });
    expect(double.messages({ to: alice }).at(-1)).toMatchObject({ msg_type: "image", content: { image_key: imageKey } });
    // A person's image is theirs: the bot cannot send it on by its key.
    const theirs = await double.sendFile({ from: bob, type: "image", data: b64(PNG) });
    expect(await larkFailure(send({ image_key: theirs.fileKey }))).toMatchObject({ status: 400, code: 230001 });
    expect(await larkFailure(send({ file_key: "file_v3_nope" }, "file"))).toMatchObject({ status: 400, code: 230001 });
  });
});
