// The pure parts of a guiding refusal: which of the named commands a person is offered, and the
// AppLink that opens the private chat (Feishu or Lark host by the configured domain).
import { describe, expect, it } from "vitest";
import { botChatLink } from "../../src/lark/applink.ts";
import type { Command } from "../../src/bot/context.ts";
import { insteadFor } from "../../src/bot/visible-commands.ts";
import type { Actor } from "../../src/domain/roles.ts";

const cmd = (name: string, roles: Command["roles"]): Command => ({ name, aliases: [], summary: { zh: name, en: name }, roles, run: async () => {} });
const talks = cmd("谈心", ["LEADER", "SECRETARY"]);
const mine = cmd("我的谈心", "anyone");
const visits = cmd("走访", "anyone");
const analysis = cmd("分析", ["SECRETARY"]);
const commands = [talks, mine, visits, analysis];
const actor = (roles: Actor["grants"][number]["role"][]): Actor => ({ personId: 1, name: "张三", openId: "ou_1", language: "ZH", grants: roles.map((role) => ({ orgId: 1, orgName: "第一支部", role })) });

describe("insteadFor", () => {
  it("keeps the named commands the person may run, in the order named", () => {
    expect(insteadFor(actor(["MEMBER"]), ["谈心", "我的谈心", "走访"], commands, analysis).map((c) => c.name)).toEqual(["我的谈心", "走访"]);
    expect(insteadFor(actor(["MEMBER", "LEADER"]), ["谈心", "我的谈心"], commands, analysis).map((c) => c.name)).toEqual(["谈心", "我的谈心"]);
  });
  it("never offers the refused command itself, a name twice, or a name no command has", () => {
    expect(insteadFor(actor(["MEMBER"]), ["我的谈心", "我的谈心", "不存在", "分析"], commands, analysis).map((c) => c.name)).toEqual(["我的谈心"]);
  });
});

describe("botChatLink", () => {
  it("opens the bot's private chat on Feishu, or on Lark for an international tenant", () => {
    expect(botChatLink({ appId: "cli_a1b2", baseUrl: "https://open.feishu.cn" })).toBe("https://applink.feishu.cn/client/bot/open?appId=cli_a1b2");
    expect(botChatLink({ appId: "cli_a1b2", baseUrl: "https://open.larksuite.com" })).toBe("https://applink.larksuite.com/client/bot/open?appId=cli_a1b2");
  });
});
