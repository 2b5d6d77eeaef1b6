// Refusals that guide, over the Lark double, PostgreSQL and Redis: a command the person's role
// does not allow answers a card naming what they can use instead, with a button that runs it; a
// roster change points a member to the branch secretary by name; a private-only command asked
// for in a group answers a card whose button opens the private chat (Lark's AppLink with the
// app id); a refusal from inside a card action says the alternative in its toast.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentMessage } from "../../src/double/index.ts";
import { buttonValue, command, forgeClick, seedBranch, startAidHarness, text, type Branch } from "../aid/support.ts";
import { eventually, TEST_LARK, type Harness } from "../support/harness.ts";

let h: Harness;
let a: Branch;

beforeAll(async () => {
  h = await startAidHarness();
  a = await seedBranch(h, "rf", { prefix: "寅" });
}, 60_000);
afterAll(async () => h?.close());

type Json = Record<string, unknown>;

/** Every button of a card: its label and what it does (callback value or URL). */
function buttons(card: unknown): { label: string; value?: Json; url?: string }[] {
  const out: { label: string; value?: Json; url?: string }[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Json;
    if (o.tag === "button") {
      const b = (o.behaviors as Json[] | undefined)?.[0] ?? {};
      out.push({ label: String((o.text as Json | undefined)?.content ?? ""), ...(b.type === "callback" ? { value: b.value as Json } : {}), ...(b.type === "open_url" ? { url: String(b.default_url) } : {}) });
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

const only = (msgs: SentMessage[]): SentMessage => {
  expect(msgs).toHaveLength(1);
  return msgs[0]!;
};

describe("a command the role does not allow", () => {
  it("points a member who types 谈心 to 我的谈心 and 互相谈心, and the button runs it", async () => {
    const refusal = only(await command(h, a.member, "谈心"));
    expect(refusal.msg_type).toBe("interactive");
    const said = text(refusal);
    expect(said).toContain("无法使用「谈心」");
    expect(said).toContain("没有进行此操作的权限");
    expect(said).toContain("我的谈心");
    expect(buttons(refusal.content)).toEqual([
      { label: "我的谈心", value: { a: "cmd.run", c: "我的谈心" } },
      { label: "互相谈心", value: { a: "cmd.run", c: "互相谈心" } },
    ]);

    const before = h.double.messages({ to: a.member.openId }).length;
    const click = await h.double.click({ from: a.member.openId, messageId: refusal.message_id, value: buttonValue(refusal.content, "cmd.run"), tag: "button" });
    expect(click.status).toBe(200);
    const talks = await eventually(() => h.double.messages({ to: a.member.openId }).slice(before).find((m) => text(m).includes("我的谈心谈话")));
    expect(talks.msg_type).toBe("interactive");
  });

  it("offers a leader what fits their role: 分析 points to 谈心, 我的谈心 and 走访", async () => {
    const refusal = only(await command(h, a.leader, "分析"));
    expect(buttons(refusal.content).map((b) => b.value?.c)).toEqual(["谈心", "我的谈心", "走访"]);
  });

  it("points a member who types 转出 to the branch secretary by name", async () => {
    const refusal = only(await command(h, a.member, "转出 寅李四"));
    const said = text(refusal);
    expect(said).toContain("无法使用「转出」");
    expect(said).toContain(`请联系支部书记${a.secretary.name}办理`);
    expect(buttons(refusal.content)).toEqual([]);
  });

  it("refuses in a group with the same card, never sending the person away to the private chat", async () => {
    const refusal = only(await command(h, a.member, "分析", { chatId: a.chatId }));
    expect(text(refusal)).toContain("无法使用「分析」");
    expect(buttons(refusal.content)).toEqual([
      { label: "我的谈心", value: { a: "cmd.run", c: "我的谈心", g: 1 } },
      { label: "走访", value: { a: "cmd.run", c: "走访", g: 1 } },
    ]);
  });
});

describe("a private-only command in a group", () => {
  it("answers 我的 with a button that opens the private chat with the bot", async () => {
    const answer = only(await command(h, a.member, "我的", { chatId: a.chatId }));
    expect(answer.chat_id).toBe(a.chatId);
    expect(text(answer)).toContain("只在您与同心的私聊中回复");
    const [open] = buttons(answer.content);
    expect(open?.label).toBe("打开与同心的私聊");
    expect(open?.url).toBe(`https://applink.feishu.cn/client/bot/open?appId=${TEST_LARK.appId}`);
    // Nothing of the member's own records was said in the group.
    expect(h.double.messages({ to: a.chatId }).some((m) => text(m).includes("帮扶申请"))).toBe(false);
  });
});

describe("a refusal from inside a handler", () => {
  it("names an alternative in the toast (a member's forged nomination)", async () => {
    const r = await forgeClick(h, a.member.openId, { a: "commend-submit", p: a.member2.id }, { title: "优秀共产党员", level: "BRANCH", deeds: "热心服务" });
    expect(r.toast?.type).toBe("error");
    expect(r.toast?.content).toContain("没有进行此操作的权限");
    expect(r.toast?.content).toContain("您可以发送「表彰记录」");
    expect(await h.db.prisma.commendation.count()).toBe(0);
  });

  it("names an alternative when a forged button runs a command the clicker may not use", async () => {
    const r = await forgeClick(h, a.member.openId, { a: "cmd.run", c: "分析" });
    expect(r.toast?.content).toContain("没有进行此操作的权限");
    expect(r.toast?.content).toContain("您可以发送「我的谈心」");
  });
});
