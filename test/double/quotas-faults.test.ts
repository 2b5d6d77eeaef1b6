// Rate limits and injected faults, seen through the real SDK as the bot's send worker sees them.
import { afterEach, describe, expect, it } from "vitest";
import type { LarkDouble } from "../../src/double/index.ts";
import { card2, larkFailure, sdkClient, startDouble } from "./helpers.ts";

let double: LarkDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

const text = (t: string) => JSON.stringify({ text: t });

async function setup(opts: Parameters<typeof startDouble>[0] = {}) {
  double = await startDouble(opts);
  double.addUser({ open_id: "ou_a", name: "A" });
  double.addUser({ open_id: "ou_b", name: "B" });
  const client = sdkClient(double);
  const send = (to = "ou_a") => client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: to, msg_type: "text", content: text("hi") } });
  return { double, client, send };
}

describe("quotas", () => {
  it("answers a burst above 5/s to one user with HTTP 429, code 99991400 and x-ogw-ratelimit-reset", async () => {
    let now = 1_700_000_000_000;
    const { double, send } = await setup({ now: () => now });
    for (let i = 0; i < 5; i++) await send();
    const failure = await larkFailure(send());
    expect(failure).toMatchObject({ status: 429, code: 99991400 });
    expect(failure.headers["x-ogw-ratelimit-reset"]).toBe("1");
    expect((await send("ou_b")).code).toBe(0); // another receiver has its own window
    now += 1000;
    expect((await send()).code).toBe(0); // the window slid on
    expect(double.messages({ to: "ou_a" })).toHaveLength(6);
  });

  it("lets exactly 5 of a concurrent burst of 8 to one user through on the real clock", async () => {
    const { double, client, send } = await setup();
    await client.request({ method: "GET", url: "/open-apis/bot/v3/info" }); // fetch the token first
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => send()));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const statuses = await Promise.all(results.filter((r) => r.status === "rejected").map((r) => larkFailure(Promise.reject(r.reason))));
    expect(statuses.map((s) => s.status)).toEqual([429, 429, 429]);
    expect(double.messages()).toHaveLength(5);
  });

  it("limits the app per second and per minute, with the seconds until the minute frees", async () => {
    let now = 1_700_000_000_000;
    const { send } = await setup({ now: () => now, quotas: { appPerSec: 3, appPerMin: 4, perTargetPerSec: 100 } });
    for (let i = 0; i < 3; i++) await send();
    expect(await larkFailure(send())).toMatchObject({ status: 429, code: 99991400 });
    now += 1000;
    await send();
    const perMin = await larkFailure(send());
    expect(perMin.status).toBe(429);
    expect(perMin.headers["x-ogw-ratelimit-reset"]).toBe("59");
  });

  it("limits updates of one card to 5/s with code 230020", async () => {
    const { client } = await setup({ now: () => 1_700_000_000_000 });
    const sent = await client.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_a", msg_type: "interactive", content: JSON.stringify(card2("c")) } });
    const patch = () => client.im.v1.message.patch({ path: { message_id: sent.data!.message_id! }, data: { content: JSON.stringify(card2("d")) } });
    for (let i = 0; i < 5; i++) await patch();
    expect(await larkFailure(patch())).toMatchObject({ status: 400, code: 230020 });
  });
});

describe("faults", () => {
  it("injects a 5xx once, then the call goes through", async () => {
    const { double, send } = await setup();
    double.injectFault({ kind: "5xx", status: 503, match: { method: "POST", pathPrefix: "/open-apis/im/" } });
    // The token fetch is not under /open-apis/im/, so it is not consumed by the fault.
    expect(await larkFailure(send())).toMatchObject({ status: 503, code: 2200 });
    expect((await send()).code).toBe(0);
    expect(double.messages()).toHaveLength(1);
    expect(double.faults()).toEqual([]);
  });

  it("injects 429 with a chosen reset and 230020, consumed one per matching request", async () => {
    const { double, send } = await setup();
    double.injectFault({ kind: "429", count: 2, resetSeconds: 7, match: { pathPrefix: "/open-apis/im/v1/messages" } });
    double.injectFault({ kind: "230020", match: { pathPrefix: "/open-apis/im/v1/messages" } });
    const first = await larkFailure(send());
    expect(first).toMatchObject({ status: 429, code: 99991400 });
    expect(first.headers["x-ogw-ratelimit-reset"]).toBe("7");
    expect(double.faults()).toMatchObject([{ kind: "429", remaining: 1 }, { kind: "230020" }]);
    expect((await larkFailure(send())).status).toBe(429);
    expect(await larkFailure(send())).toMatchObject({ status: 400, code: 230020 });
    expect((await send()).code).toBe(0);
  });

  it("slows a request down by delayMs", async () => {
    const { double, send } = await setup();
    await send(); // token fetched, so only the send is slowed
    double.injectFault({ kind: "slow", delayMs: 300 });
    const started = Date.now();
    await send();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("expires every issued token: the cached one gets 99991663, a fresh fetch works", async () => {
    const { double, send } = await setup();
    await send();
    double.injectFault({ kind: "expire-token" });
    expect(await larkFailure(send())).toMatchObject({ status: 400, code: 99991663 });
    // The SDK never drops a rejected token on its own; a client with an empty cache recovers.
    const fresh = sdkClient(double);
    const res = await fresh.im.v1.message.create({ params: { receive_id_type: "open_id" }, data: { receive_id: "ou_a", msg_type: "text", content: text("again") } });
    expect(res.code).toBe(0);
  });

  it("lets tokens lapse after 2 hours of the double's clock", async () => {
    let now = 1_700_000_000_000;
    const { send } = await setup({ now: () => now });
    await send();
    now += 7200_000;
    expect(await larkFailure(send())).toMatchObject({ code: 99991663 });
  });

  it("clears faults", async () => {
    const { double, send } = await setup();
    double.injectFault({ kind: "5xx", count: 10 });
    double.clearFaults();
    expect((await send()).code).toBe(0);
  });
});
