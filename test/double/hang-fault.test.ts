// The "hang" fault: a request held without an answer, as a hung Lark does, seen through the
// bot's own Lark client (whose calls are bounded, src/lark/http.ts).
import { afterEach, expect, it } from "vitest";
import type { LarkDouble } from "../../src/double/index.ts";
import { createLarkClient } from "../../src/lark/client.ts";
import { createLogger } from "../../src/log.ts";
import { CREDS, startDouble } from "./helpers.ts";

let double: LarkDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function setup(timeoutMs: number) {
  double = await startDouble();
  double.addUser({ open_id: "ou_a", name: "A" });
  const { sdk } = createLarkClient({ appId: CREDS.appId, appSecret: CREDS.appSecret, baseUrl: double.url, log: createLogger("silent"), timeoutMs });
  await sdk.request({ method: "GET", url: "/open-apis/bot/v3/info" }); // the token first
  const send = (uuid: string) =>
    sdk.im.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_a", msg_type: "text", content: JSON.stringify({ text: "hi" }), uuid } });
  return { double, send };
}

it("holds a request unanswered until cleared; the caller's timeout gives up, the request then goes through once", async () => {
  const { double, send } = await setup(300);
  double.injectFault({ kind: "hang", match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" } });
  const err = (await send("u-hang").catch((e: unknown) => e)) as { code?: string };
  expect(err.code).toMatch(/ECONNABORTED|ETIMEDOUT/);
  expect(double.hangingRequests()).toBe(1);
  expect(double.messages()).toHaveLength(0);

  double.clearFaults();
  expect(double.hangingRequests()).toBe(0);
  // The abandoned request is handled now; the caller's retry under the same uuid gets the same message.
  const again = await send("u-hang");
  expect(again.code).toBe(0);
  expect(double.messages()).toHaveLength(1);
  expect(again.data?.message_id).toBe(double.messages()[0]!.message_id);
});

it("answers after delayMs when one is given", async () => {
  const { double, send } = await setup(5000);
  double.injectFault({ kind: "hang", delayMs: 200, match: { method: "POST", pathPrefix: "/open-apis/im/v1/messages" } });
  expect((await send("u-late")).code).toBe(0);
  expect(double.hangingRequests()).toBe(0);
});
