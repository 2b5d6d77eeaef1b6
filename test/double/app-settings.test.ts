// The app as a tenant configured it: granted scopes, the bot ability, the app secret. The double
// must refuse exactly as Lark does, so the bot's error handling and `npm run lark:check` can be
// tested against it: through the real SDK, plain HTTP, and the /_double/app control route.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LarkDouble } from "../../src/double/index.ts";
import { ALL_SCOPES } from "../../src/lark/scopes.ts";
import { CREDS, larkFailure, sdkClient, startDouble, startReceiver, type Receiver } from "./helpers.ts";

let double: LarkDouble;
let bot: Receiver;

beforeAll(async () => {
  bot = await startReceiver();
  double = await startDouble({ botEventsUrl: `${bot.url}/e` });
  double.addUser({ open_id: "ou_jia", name: "甲", email: "jia@example.com" });
});
afterAll(async () => {
  await double.close();
  await bot.close();
});
beforeEach(() => {
  double.reset();
  double.configureApp({ scopes: [...ALL_SCOPES], botActivated: true, appSecret: CREDS.appSecret });
});

async function token(secret: string = CREDS.appSecret): Promise<string> {
  const res = await fetch(`${double.url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ app_id: CREDS.appId, app_secret: secret }),
  });
  const body = (await res.json()) as { code: number; tenant_access_token: string };
  expect(body.code).toBe(0);
  return body.tenant_access_token;
}

async function open(method: string, path: string, init: { json?: unknown; form?: FormData } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${double.url}/open-apis${path}`, {
    method,
    headers: { authorization: `Bearer ${await token()}`, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) },
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.form ? { body: init.form } : {}),
  });
  return { status: res.status, body: await res.json() };
}

async function control(method: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${double.url}/_double/app`, {
    method,
    ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
}

describe("scopes", () => {
  it("grants every scope the bot asks for by default", async () => {
    expect(double.appSettings()).toEqual({ scopes: [...ALL_SCOPES].sort(), botActivateStatus: 2 });
    const sent = await sdkClient(double).im.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: "ou_jia", msg_type: "text", content: JSON.stringify({ text: "你好" }) },
    });
    expect(sent.code).toBe(0);
  });

  it("refuses a call whose scopes are all missing with HTTP 400 and 99991672, naming every scope that would do", async () => {
    double.configureApp({ scopes: ALL_SCOPES.filter((s) => s !== "contact:user.id:readonly") });
    const r = await open("POST", "/contact/v3/users/batch_get_id?user_id_type=open_id", { json: { emails: ["jia@example.com"] } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(99991672);
    expect(r.body.msg).toMatch(/^Access denied\. One of the following scopes is required: \[contact:user\.id:readonly\]\.应用尚未开通所需的应用身份权限/);
    expect(r.body.msg).toContain(`https://open.feishu.cn/app/${CREDS.appId}/auth?q=contact:user.id:readonly`);
    expect(r.body.error).toMatchObject({ permission_violations: [{ type: "action_scope_required", subject: "contact:user.id:readonly" }] });
    expect(r.body.error.log_id).toMatch(/^[0-9A-Fa-f]+$/);
  });

  it("lets either of a send's scopes through, and refuses the send (through the SDK) when neither is granted", async () => {
    const send = () =>
      sdkClient(double).im.message.create({
        params: { receive_id_type: "open_id" },
        data: { receive_id: "ou_jia", msg_type: "text", content: JSON.stringify({ text: "你好" }) },
      });
    double.configureApp({ scopes: ["im:message:send_as_bot"] });
    expect((await send()).code).toBe(0);
    double.configureApp({ scopes: ["im:message.p2p_msg:readonly"] });
    expect(await larkFailure(send())).toMatchObject({ status: 400, code: 99991672 });
    expect(double.messages()).toHaveLength(1);
  });

  it("checks the scope before the arguments, as Lark's gateway does", async () => {
    double.configureApp({ scopes: [] });
    const r = await open("POST", "/im/v1/messages?receive_id_type=nonsense", { json: {} });
    expect(r.body.code).toBe(99991672);
    expect(r.body.msg).toContain("[im:message, im:message:send_as_bot]");
  });

  it("lists a p2p chat's history with im:message, and needs 获取群组中所有消息 for a group's", async () => {
    await double.say({ from: "ou_jia", text: "一" });
    const chatId = "oc_p2p_ou_jia";
    const first = await open("GET", `/im/v1/messages?container_id_type=chat&container_id=${chatId}&page_size=1`);
    expect(first.body).toMatchObject({ code: 0, data: { items: [{ chat_id: chatId, body: { content: JSON.stringify({ text: "一" }) } }], has_more: false } });
    expect((await open("GET", "/im/v1/messages?container_id_type=chat&container_id=oc_none")).body.code).toBe(230001);
    const group = double.addChat({ name: "支部", members: ["ou_jia"] });
    expect((await open("GET", `/im/v1/messages?container_id_type=chat&container_id=${group.chat_id}`)).body.code).toBe(99991672);
    expect((await open("GET", "/im/v1/messages?container_id_type=chat")).body.code).toBe(99992402);
    const chats = await open("GET", "/im/v1/chats?page_size=1");
    expect(chats.body).toMatchObject({ code: 0, data: { items: [{ chat_id: expect.stringMatching(/^oc_/) }] } });
  });
});

describe("bot ability", () => {
  it("reports activate_status and refuses IM calls with Lark's bot-ability codes while the bot is off", async () => {
    double.configureApp({ botActivateStatus: 4 });
    expect((await open("GET", "/bot/v3/info")).body.bot.activate_status).toBe(4);
    const send = sdkClient(double).im.message.create({
      params: { receive_id_type: "open_id" },
      data: { receive_id: "ou_jia", msg_type: "text", content: JSON.stringify({ text: "你好" }) },
    });
    expect(await larkFailure(send)).toMatchObject({ status: 400, code: 230006 });
    expect((await open("GET", "/im/v1/chats")).body.code).toBe(232025);
    const form = new FormData();
    form.append("image_type", "message");
    expect((await open("POST", "/im/v1/images", { form })).body.code).toBe(234007);
    // Contact lookups do not need the bot.
    expect((await open("POST", "/contact/v3/users/batch_get_id", { json: { emails: ["x@example.com"] } })).body.code).toBe(0);
    expect(double.messages()).toHaveLength(0);
  });
});

describe("images", () => {
  it("uploads a message image and downloads it again; refuses an upload without an image, an empty one, and unknown keys", async () => {
    const form = new FormData();
    form.append("image_type", "message");
    form.append("image", new Blob([Buffer.from("PNGDATA")], { type: "image/png" }), "a.png");
    const up = await open("POST", "/im/v1/images", { form });
    expect(up.body).toMatchObject({ code: 0, data: { image_key: expect.stringMatching(/^img_v3_/) } });
    const down = await fetch(`${double.url}/open-apis/im/v1/images/${up.body.data.image_key}`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).toString()).toBe("PNGDATA");

    const noImage = new FormData();
    noImage.append("image_type", "message");
    expect((await open("POST", "/im/v1/images", { form: noImage })).body.code).toBe(234001);
    const empty = new FormData();
    empty.append("image_type", "message");
    empty.append("image", new Blob([]), "empty.png");
    expect((await open("POST", "/im/v1/images", { form: empty })).body.code).toBe(234010);
    expect((await open("GET", "/im/v1/images/img_v3_nope")).body.code).toBe(234001);
    double.configureApp({ scopes: ["im:message"] });
    expect((await open("POST", "/im/v1/images", { form: noImage })).body.code).toBe(99991672);
  });
});

describe("POST /_double/app", () => {
  it("changes the secret, scopes and bot status; bad input is a 400 with the reason and changes nothing", async () => {
    expect((await control("GET")).body).toEqual({ scopes: [...ALL_SCOPES].sort(), botActivateStatus: 2 });
    const set = await control("POST", { scopes: ["im:message"], botActivated: false, appSecret: "rotated-secret" });
    expect(set).toEqual({ status: 200, body: { scopes: ["im:message"], botActivateStatus: 0 } });
    const old = await fetch(`${double.url}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ app_id: CREDS.appId, app_secret: CREDS.appSecret }),
    });
    expect(await old.json()).toEqual({ code: 10014, msg: "app secret invalid" });
    await token("rotated-secret");

    for (const bad of [{ scopes: ["not a scope"] }, { botActivateStatus: 9 }, { botActivated: true, botActivateStatus: 2 }, { colour: "red" }]) {
      const r = await control("POST", bad);
      expect(r.status).toBe(400);
      expect(r.body.error).toEqual(expect.any(String));
    }
    expect((await control("GET")).body).toEqual({ scopes: ["im:message"], botActivateStatus: 0 });
  });
});
