// The pure parts of a guiding refusal: which of the named commands a person is offered, and the
// AppLink that opens the private chat (Feishu or Lark host by the configured domain).
import { describe, expect, it } from "vitest";
import { botChatLink } from "../../src/lark/applink.ts";
import type { Command } from "../../src/bot/context.ts";
import { COMMANDS } from "../../src/bot/registry.ts";
import { insteadFor, visibleCommands } from "../../src/bot/visible-commands.ts";
import type { Actor, OrgLevel, RoleName } from "../../src/domain/roles.ts";

const cmd = (name: string, roles: Command["roles"]): Command => ({ name, aliases: [], summary: { zh: name, en: name }, roles, run: async () => {} });
const talks = cmd("谈心", ["LEADER", "SECRETARY"]);
const mine = cmd("我的谈心", "anyone");
const visits = cmd("走访", "anyone");
const analysis = cmd("分析", ["SECRETARY"]);
const commands = [talks, mine, visits, analysis];
const actor = (roles: Actor["grants"][number]["role"][]): Actor => ({ personId: 1, name: "张三", openId: "ou_1", language: "ZH", grants: roles.map((role) => ({ orgId: 1, orgName: "第一支部", orgKind: "BRANCH" as const, role })) });

describe("insteadFor", () => {
  it("keeps the named commands the person may run, in the order named", () => {
    expect(insteadFor(actor(["MEMBER"]), ["谈心", "我的谈心", "走访"], commands, analysis).map((c) => c.name)).toEqual(["我的谈心", "走访"]);
    expect(insteadFor(actor(["MEMBER", "LEADER"]), ["谈心", "我的谈心"], commands, analysis).map((c) => c.name)).toEqual(["谈心", "我的谈心"]);
  });
  it("never offers the refused command itself, a name twice, or a name no command has", () => {
    expect(insteadFor(actor(["MEMBER"]), ["我的谈心", "我的谈心", "不存在", "分析"], commands, analysis).map((c) => c.name)).toEqual(["我的谈心"]);
  });
});

describe("visibleCommands by the level of the organisation", () => {
  const at = (orgKind: OrgLevel, ...roles: RoleName[]): Actor => ({ personId: 1, name: "张三", openId: "ou_1", language: "ZH", grants: ["MEMBER" as const, ...roles].map((role) => ({ orgId: 1, orgName: "某组织", orgKind, role })) });
  const names = (a: Actor) => visibleCommands(a, COMMANDS).map((c) => c.name);
  it("lists the committee's views to a committee's secretary and affairs worker only", () => {
    for (const who of [at("COMMITTEE", "SECRETARY"), at("GENERAL_BRANCH", "AFFAIRS_WORKER")]) expect(names(who)).toEqual(expect.arrayContaining(["党委总览", "上报事项", "分析"]));
    expect(names(at("BRANCH", "SECRETARY"))).not.toContain("党委总览");
    expect(names(at("BRANCH", "SECRETARY"))).not.toContain("上报事项");
    expect(names(at("BRANCH", "SECRETARY"))).toContain("分析");
  });
  it("does not list 分析 to a branch's affairs worker (it is the secretary's)", () => {
    expect(names(at("BRANCH", "AFFAIRS_WORKER"))).not.toContain("分析");
    expect(names(at("BRANCH", "AFFAIRS_WORKER"))).toContain("导出");
  });
});

describe("botChatLink", () => {
  it("opens the bot's private chat on Feishu, or on Lark for an international tenant", () => {
    expect(botChatLink({ appId: "cli_a1b2", baseUrl: "https://open.feishu.cn" })).toBe("https://applink.feishu.cn/client/bot/open?appId=cli_a1b2");
    expect(botChatLink({ appId: "cli_a1b2", baseUrl: "https://open.larksuite.com" })).toBe("https://applink.larksuite.com/client/bot/open?appId=cli_a1b2");
  });
});
