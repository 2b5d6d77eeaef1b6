// Understanding people, over the Lark double with the real router, PostgreSQL and Redis: a
// member's "我要求助" gets the aid form, nonsense gets the suggestion card, and a suggestion's
// button runs its command for the clicker as if typed (role check and private chat included).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { eventually, type Harness } from "../support/harness.ts";
import { command, forgeClick, hasButton, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "un", { prefix: "懂" });
});
afterAll(async () => h?.close());

/** The buttons of a suggestion card: the command each runs. */
const offered = (card: unknown): string[] => [...JSON.stringify(card).matchAll(/"a":"cmd\.run","c":"([^"]+)"/g)].map((m) => m[1]!);

const clickOffer = (who: { openId: string }, msg: SentMessage, name: string) => {
  const value = offered(msg.content).includes(name) ? suggestionValue(msg, name) : undefined;
  if (!value) throw new Error(`no ${name} offered: ${text(msg).slice(0, 300)}`);
  return h.double.click({ from: who.openId, messageId: msg.message_id, value, tag: "button" });
};

function suggestionValue(msg: SentMessage, name: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (x: unknown): void => {
    if (found || typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Record<string, unknown>;
    const v = o.tag === "button" ? (o.behaviors as { value?: Record<string, unknown> }[] | undefined)?.[0]?.value : undefined;
    if (v?.a === "cmd.run" && v.c === name) found = v;
    Object.values(o).forEach(walk);
  };
  walk(msg.content);
  return found!;
}

describe("understanding what people type", () => {
  it("answers a member's 我要求助 with the aid form", async () => {
    const [form] = await command(h, a.member, "我要求助");
    expect(form!.msg_type).toBe("interactive");
    expect(hasButton(form!.content, "aid-submit")).toBe(true);
  });

  it("reads spaces and full-width forms: 求 助！ and ？", async () => {
    const [form] = await command(h, a.member2, "求 助！");
    expect(hasButton(form!.content, "aid-submit")).toBe(true);
    const [help] = await command(h, a.member, "？");
    expect(text(help!)).toContain("能帮您做什么");
  });

  it("greets a 你好 back in the help card itself (one message: two to one chat may arrive in either order)", async () => {
    const said = await h.double.say({ from: a.member.openId, text: "你好" });
    const [answer] = await eventually(() => {
      const got = h.double.messages().filter((m) => m.parent_id === said.messageId);
      return got.length === 1 ? got : undefined;
    });
    expect(answer!.msg_type).toBe("interactive");
    expect(text(answer!)).toContain("您好！我是同心");
    expect(text(answer!)).toContain("能帮您做什么");
    // A plain 帮助 does not greet.
    const [plain] = await command(h, a.member, "帮助");
    expect(text(plain!)).not.toContain("我是同心");
  });

  it("answers nonsense with the suggestion card, never a bare 没有听懂", async () => {
    const [card] = await command(h, a.member, "asdfgh");
    expect(card!.msg_type).toBe("interactive");
    expect(text(card!)).toContain("没有听懂「asdfgh」");
    expect(text(card!)).toContain("发送「帮助」查看全部功能");
    expect(offered(card!.content)).toEqual(["求助", "我的", "我的谈心"]);
  });

  it("offers a member in trouble 求助 first, and the click brings the aid form", async () => {
    const [card] = await command(h, a.member, "我妈妈生病住院了");
    expect(offered(card!.content)[0]).toBe("求助");
    const before = h.double.messages({ to: a.member.openId }).length;
    const click = await clickOffer(a.member, card!, "求助");
    expect(click.status).toBe(200);
    await eventually(() => h.double.messages({ to: a.member.openId }).slice(before).find((m) => hasButton(m.content, "aid-submit")));
  });

  it("turns a slip into a suggestion whose click runs the command", async () => {
    const [card] = await command(h, a.secretary, "谈新");
    expect(text(card!)).toContain("您是不是想发送「谈心」");
    expect(offered(card!.content)[0]).toBe("谈心");
    const before = h.double.messages({ to: a.secretary.openId }).length;
    const click = await clickOffer(a.secretary, card!, "谈心");
    expect(click.status).toBe(200);
    const board = await eventually(() => h.double.messages({ to: a.secretary.openId }).slice(before).find((m) => m.msg_type === "interactive"));
    expect(text(board)).not.toContain("您是不是想");
  });

  it("in a group, answers a private-only suggestion in the private chat and says so", async () => {
    const [card] = await command(h, a.member, "球助", { chatId: a.chatId });
    expect(text(card!)).toContain("私聊回复");
    const before = h.double.messages({ to: a.member.openId }).length;
    const click = await clickOffer(a.member, card!, "求助");
    expect(JSON.stringify(click.toast)).toContain("已在与同心的私聊中回复您");
    const form = await eventually(() => h.double.messages({ to: a.member.openId }).slice(before).find((m) => hasButton(m.content, "aid-submit")));
    expect(form.chat_id).not.toBe(a.chatId);
  });

  it("refuses a forged suggestion for a secretary's command, and a stale command name", async () => {
    const before = h.double.messages().length;
    const forged = await forgeClick(h, a.member.openId, { a: "cmd.run", c: "审批" });
    expect(forged.status).toBe(200);
    expect(forged.toast?.type).toBe("error");
    expect(forged.toast?.content).toContain("没有进行此操作的权限");
    const stale = await forgeClick(h, a.member.openId, { a: "cmd.run", c: "旧功能" });
    expect(stale.toast?.content).toContain("这个按钮对应的功能已不存在");
    const bad = await forgeClick(h, a.member.openId, { a: "cmd.run", c: 42 });
    expect(bad.toast?.type).toBe("error");
    await new Promise((r) => setTimeout(r, 200));
    expect(h.double.messages().length).toBe(before);
  });

  it("answers a command's refusal from a click in the chat, as when typed", async () => {
    const before = h.double.messages({ to: a.secretary.openId }).length;
    const click = await forgeClick(h, a.secretary.openId, { a: "cmd.run", c: "审批", x: "不是编号" });
    expect(click.status).toBe(200);
    const said = await eventually(() => h.double.messages({ to: a.secretary.openId }).slice(before).find((m) => text(m).includes("不是申请编号")));
    expect(said.msg_type).toBe("text");
  });

  it("reads a menu key through the same understanding", async () => {
    const before = h.double.messages({ to: a.member.openId }).length;
    await h.double.clickMenu({ from: a.member.openId, eventKey: "求 助" });
    await eventually(() => h.double.messages({ to: a.member.openId }).slice(before).find((m) => hasButton(m.content, "aid-submit")));
  });
});
