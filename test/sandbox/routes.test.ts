// The sandbox API the page uses, over HTTP, without a browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEDULES } from "../../src/jobs/schedules.ts";
import { ALL_DEMO_PEOPLE, DEMO_GROUP_CHAT, DEMO_PEOPLE } from "../../src/sandbox/demo-branch.ts";
import type { ChatMessage, ChatSummary, PersonSummary, TaskInfo, TaskRun } from "../../src/sandbox/page/protocol.ts";
import { eventually } from "../support/harness.ts";
import { openIdOf, p2pOf } from "./support/page.ts";
import { startSandbox, type Sandbox } from "./support/sandbox.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ clockStart: new Date("2026-03-02T09:00:00+08:00") });
});
afterAll(async () => {
  await sb?.close();
});

async function call<T = unknown>(path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sb.url}/sandbox${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as T };
}

describe("sandbox routes", () => {
  it("serves the page and its script, built from TypeScript", async () => {
    const page = await fetch(`${sb.url}/sandbox`);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/sandbox/app.js">');
    expect(html).toContain("我是 I am");
    const js = await fetch(`${sb.url}/sandbox/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toContain("javascript");
    const code = await js.text();
    expect(code).toContain("unknown-element");
    expect(code).not.toMatch(/^import /m);
  });

  it("lists the roster's people with their roles, office holders first", async () => {
    const { json } = await call<PersonSummary[]>("/api/people");
    expect(json[0]).toMatchObject({ name: "王建国", inRoster: true, orgs: ["磐东居委第一党支部"] });
    expect(json[0]!.roles.map((r) => r.role)).toEqual(["SECRETARY", "LEADER", "MEMBER"]);
    expect(json.find((p) => p.name === "张三")).toMatchObject({ openId: openIdOf("张三"), roles: [{ role: "MEMBER", zh: "党员", en: "member" }] });
    expect(json.map((p) => p.name).sort()).toEqual(ALL_DEMO_PEOPLE.map((p) => p.name).sort());
    // The committee above the branches: its secretary, and the other branches' people.
    expect(json.find((p) => p.name === "高志远")).toMatchObject({ inRoster: true, orgs: ["磐东街道党工委"] });
    expect(json.find((p) => p.name === "高志远")!.roles.map((r) => r.role)).toEqual(["SECRETARY", "MEMBER"]);
    expect(json.find((p) => p.name === "刘卫东")).toMatchObject({ orgs: ["磐东居委第二党支部"] });
    expect(json.find((p) => p.name === "袁桂芳")).toMatchObject({ orgs: ["磐东居委第三党支部"], roles: [{ role: "MEMBER" }] });
  });

  it("gives each person their chat with the bot and the branch group", async () => {
    const { json } = await call<ChatSummary[]>(`/api/chats?as=${openIdOf("张三")}`);
    expect(json).toEqual([
      { chatId: p2pOf("张三"), type: "p2p", name: "同心", members: 1 },
      { chatId: DEMO_GROUP_CHAT, type: "group", name: "磐东居委第一党支部", members: DEMO_PEOPLE.length, botIsMember: true },
    ]);
    expect((await call("/api/chats?as=ou_nobody")).status).toBe(404);
  });

  it("says something as a person and lists both sides of the chat", async () => {
    const said = await call<{ message: ChatMessage; delivery: { status: number } }>("/api/say", { from: openIdOf("李四"), text: "我是谁" });
    expect(said.status).toBe(200);
    expect(said.json.delivery.status).toBe(200);
    const messages = await eventually(async () => {
      const { json } = await call<ChatMessage[]>(`/api/messages?chat=${p2pOf("李四")}`);
      return json.length >= 2 ? json : undefined;
    });
    expect(messages[0]).toMatchObject({ sender: openIdOf("李四"), senderName: "李四", msgType: "text", content: { text: "我是谁" } });
    expect(messages[1]).toMatchObject({ sender: "bot", msgType: "interactive", parentId: said.json.message.id });
  });

  it("answers bad input with a reason, never a crash", async () => {
    expect(await call("/api/say", { from: "ou_nobody", text: "帮助" })).toMatchObject({ status: 404, json: { error: expect.stringContaining("ou_nobody") } });
    expect(await call("/api/say", { from: openIdOf("李四") })).toMatchObject({ status: 400, json: { error: expect.stringContaining("text") } });
    expect(await call("/api/click", { from: openIdOf("李四"), messageId: "om_missing" })).toMatchObject({ status: 404 });
    expect(await call("/api/clock", { advanceMs: "soon" })).toMatchObject({ status: 400 });
    expect(await call("/api/run/no-such-task", {})).toMatchObject({ status: 400, json: { error: expect.stringContaining("no-such-task") } });
    expect(await call("/api/nothing")).toMatchObject({ status: 404 });
  });

  it("lists every scheduler and the festivals to jump to", async () => {
    const tasks = await call<TaskInfo[]>("/api/tasks");
    expect(tasks.json.map((t) => t.task)).toEqual(SCHEDULES.map((s) => s.task));
    expect(tasks.json.find((t) => t.task === "talk-sweep")).toMatchObject({ name: { zh: "谈心提醒" }, when: { zh: "每个工作日 9:00（11:00、15:00 补发）" }, pattern: "0 9,11,15 * * *" });
    // A run is told in words, and the list remembers it with the sandbox time it ran at.
    const run = await call<{ run: TaskRun }>("/api/run/talk-urgent", {});
    expect(run.json.run).toMatchObject({ task: "talk-urgent", ok: true, at: expect.stringMatching(/^2026-03-0\d/), said: { zh: expect.stringMatching(/紧急谈心/) } });
    expect((await call<TaskInfo[]>("/api/tasks")).json.find((t) => t.task === "talk-urgent")?.lastRun).toEqual(run.json.run);
    const festivals = await call<{ key: string; date: string; jumpTo: string }[]>("/api/festivals");
    expect(festivals.json.find((f) => f.key === "mid-autumn")).toMatchObject({ date: "2026-09-25", jumpTo: "2026-09-11T01:00:00.000Z" });
  });
});
