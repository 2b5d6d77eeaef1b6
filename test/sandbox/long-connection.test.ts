// The sandbox with LARK_TRANSPORT=ws: the bot connects to its in-process double over the long
// connection, and the page's people are answered through it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/sandbox/page/protocol.ts";
import { eventually } from "../support/harness.ts";
import { openIdOf, p2pOf } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ env: { LARK_TRANSPORT: "ws" } });
  await sb.double.waitForLongConnections(1);
});
afterAll(async () => {
  await sb?.close();
});

async function call<T = unknown>(path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sb.url}/sandbox${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as T };
}

describe("sandbox over the long connection", () => {
  it("runs the bot on the long connection, with no webhook routes", async () => {
    expect(sb.app.config.lark.transport).toBe("ws");
    expect((await fetch(`${sb.url}/lark/events`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("answers a person on the sandbox page through it", async () => {
    const said = await call<{ delivery: { status: number } }>("/api/say", { from: openIdOf("李四"), text: "我是谁" });
    expect(said.status).toBe(200);
    expect(said.json.delivery.status).toBe(200);
    expect(sb.double.longConnections()[0]!.answers).toBe(1);
    const messages = await eventually(async () => {
      const { json } = await call<ChatMessage[]>(`/api/messages?chat=${p2pOf("李四")}`);
      return json.length >= 2 ? json : undefined;
    });
    expect(JSON.stringify(messages.at(-1))).toContain("李四");
  });
});
