// How the bot reads what people type (src/bot/understand/): a table of real phrasings, as
// members, leaders and secretaries type them on a phone, and what each must become: a command
// with its arguments, the greeting, thanks, or the suggestions it offers ("?" = unsure; the
// commands after it are the first guesses, in order).
import { describe, expect, it } from "vitest";
import type { Actor, RoleName } from "../../src/domain/roles.ts";
import { COMMANDS } from "../../src/bot/registry.ts";
import { unsureAnswer } from "../../src/bot/understand/answers.ts";
import { withinOneEdit } from "../../src/bot/understand/match.ts";
import { normalise } from "../../src/bot/understand/normalise.ts";
import { PHRASES } from "../../src/bot/understand/phrases.ts";
import { buildUnderstanding, type Heard } from "../../src/bot/understand/understand.ts";

const understand = buildUnderstanding(COMMANDS);

/** "求助" | "谈心|张三" (command|args) | "greeting" | "thanks" | "?谈心,我的谈心" (unsure, first guesses). */
function reading(h: Heard): string {
  if (h.kind === "thanks") return "thanks";
  if (h.kind === "command") return h.greeting ? "greeting" : h.args ? `${h.command.name}|${h.args}` : h.command.name;
  return `?${h.guesses.map((g) => g.command.name).join(",")}`;
}

const TABLE: [said: string, means: string][] = [
  // Spaces, full-width forms, punctuation, emoji
  ["求 助", "求助"],
  ["求  助 ", "求助"],
  ["帮 忙", "求助"],
  ["求助！！！😭", "求助"],
  ["「求助」", "求助"],
  ["？", "帮助"],
  ["?", "帮助"],
  ["？？", "帮助"],
  ["ＨＥＬＰ", "帮助"],
  ["Help", "帮助"],
  ["我的。", "我的"],
  ["审批 ２０２６-０００１", "审批|２０２６-０００１"],
  // Synonyms for 求助, and a member in trouble in their own words
  ["帮忙", "求助"],
  ["帮帮我", "求助"],
  ["求援", "求助"],
  ["救助", "求助"],
  ["申请救助", "求助"],
  ["困难补助", "求助"],
  ["生活困难", "求助"],
  ["看病没钱", "求助"],
  ["我家里困难", "求助"],
  ["帮忙，我妈住院了", "求助|我妈住院了"],
  ["我生病住院了", "?求助"],
  ["救命", "?求助"],
  ["孩子上学交不起学费怎么办", "?求助"],
  // Polite wrappers and fillers
  ["我要求助", "求助"],
  ["我想要求助", "求助"],
  ["我想申请帮扶", "求助"],
  ["请帮我求助", "求助"],
  ["怎么求助？", "求助"],
  ["麻烦帮我查一下我的申请", "我的"],
  ["帮我看看我的谈心", "我的谈心"],
  ["求助一下吧", "求助"],
  ["审批一下", "审批"],
  ["我的申请呢", "我的"],
  ["可以帮我打开菜单吗", "帮助"],
  ["你好，我要求助", "求助"],
  ["@同心 求助", "求助"],
  // Greetings and thanks
  ["你好", "greeting"],
  ["您好！", "greeting"],
  ["hi", "greeting"],
  ["Hello", "greeting"],
  ["在吗？", "greeting"],
  ["在不在", "greeting"],
  ["同心", "greeting"],
  ["谢谢", "thanks"],
  ["好的", "thanks"],
  ["收到", "thanks"],
  ["thank you", "thanks"],
  // Help
  ["帮助", "帮助"],
  ["菜单", "帮助"],
  ["功能", "帮助"],
  ["能做什么", "帮助"],
  ["怎么用", "帮助"],
  ["你能做什么？", "帮助"],
  // Each area's words
  ["审核", "审批"],
  ["待办", "审批"],
  ["我的审批", "审批"],
  ["谈话", "谈心"],
  ["谈心谈话", "谈心"],
  ["谈话 张三", "谈心|张三"],
  // Members talking with members (互相谈心) is not the leader's 谈心
  ["党员谈心", "互相谈心"],
  ["和党员谈心", "互相谈心"],
  ["同志谈心", "互相谈心"],
  ["记一次谈心", "互相谈心"],
  ["互相谈心 张三", "互相谈心|张三"],
  ["我想记录互相谈心", "互相谈心"],
  ["我和张三谈了心", "?互相谈心"],
  ["慰问", "走访"],
  ["我的走访", "走访"],
  ["进度", "我的"],
  ["查进度", "我的"],
  ["申请进度", "我的"],
  ["我的申请进度", "我的"],
  ["我的谈心记录", "我的谈心"],
  // Who read my records (the right to know), and a secretary's lookup of a member's
  ["谁看过我的档案", "谁看过我的档案"],
  ["谁看了我的记录", "谁看过我的档案"],
  ["我的记录查阅", "谁看过我的档案"],
  ["请问谁看过我的记录", "谁看过我的档案"],
  ["我想知道谁查过我的档案", "?谁看过我的档案"],
  ["查阅记录 张三", "查阅记录|张三"],
  ["审计记录 张三 修改", "查阅记录|张三 修改"],
  ["谈话记录 张三", "谈心记录|张三"],
  ["我的身份", "我是谁"],
  ["查余额", "资金"],
  ["公示", "收支公开"],
  ["困难党员", "档案"],
  ["我想申请培训", "培训申请"],
  ["我失业了", "求职登记"],
  ["我找到工作了", "已就业"],
  ["提名 张三", "表彰提名|张三"],
  ["放假安排", "节假日安排"],
  ["外出党员", "流动党员"],
  // Organisations paired with organisations (组织结对), apart from people paired with members (结对)
  ["支部结对", "组织结对"],
  ["结对共建", "组织结对"],
  ["城乡结对", "组织结对"],
  ["我要看看组织结对", "组织结对"],
  ["组织结对 第一党支部", "组织结对|第一党支部"],
  ["共建活动", "结对活动"],
  ["登记共建活动", "结对活动"],
  ["结对子", "结对"],
  ["过世 张三", "去世|张三"],
  ["撤回申请", "撤回"],
  ["催一下", "催办"],
  ["换成英文", "语言"],
  ["我要切换成中文", "语言"],
  // Arguments exactly as before
  ["谈心 张三", "谈心|张三"],
  ["谈心张三", "谈心|张三"],
  ["谈心，张三", "谈心|张三"],
  ["冲正 2026-0001 原因", "冲正|2026-0001 原因"],
  ["冲正 2026-0001 多付了，应为 500 元。", "冲正|2026-0001 多付了，应为 500 元。"],
  ["转出 张三 到 第二党支部 2026-12-01", "转出|张三 到 第二党支部 2026-12-01"],
  ["去世 张三 2026-11-30 病故", "去世|张三 2026-11-30 病故"],
  ["退党 张三", "离开|张三"],
  ["档案 张三 1234", "档案|张三 1234"],
  ["提问 今年的党费标准是多少？", "提问|今年的党费标准是多少？"],
  // 意见建议: suggestions, opinions, criticism (named or anonymous) and the member's own list
  ["我要提意见", "意见建议"],
  ["我想提个建议", "意见建议"],
  ["我有意见", "意见建议"],
  ["批评", "意见建议"],
  ["匿名意见", "意见建议"],
  ["意见箱", "意见建议"],
  ["建议 活动改到周末", "意见建议|活动改到周末"],
  ["我的建议", "我的意见"],
  ["走访统计 中秋 2027", "走访统计|中秋 2027"],
  // The committee's view of its branches
  ["党委总览", "党委总览"],
  ["总览", "党委总览"],
  ["看看各支部", "党委总览"],
  ["各支部情况", "党委总览"],
  ["支部总览 2027Q1", "党委总览|2027Q1"],
  ["党委视图", "党委总览"],
  // 上报: raising to the committee, and the committee's list
  ["上报 2026-0007 医药费超出支部能力", "上报|2026-0007 医药费超出支部能力"],
  ["上报张三", "上报|张三"],
  ["报党委 张三", "上报|张三"],
  ["上报事项", "上报事项"],
  ["上报的事", "上报事项"],
  ["待办上报", "上报事项"],
  ["上级关注", "上报事项"],
  ["上报走访", "走访上报"],
  ["上报困难", "困难上报"],
  ["走访上报 张三 住院", "走访上报|张三 住院"],
  ["困难上报 张三 家里失火", "困难上报|张三 家里失火"],
  ["代为求助 王婆婆", "代为求助|王婆婆"],
  ["受托人 张三", "受托人|张三"],
  ["表彰提名张三", "表彰提名|张三"],
  ["节假日导入 2027\n2027-02-05 休 春节", "节假日导入|2027\n2027-02-05 休 春节"],
  ["收支公开 2026", "收支公开|2026"],
  // English aliases
  ["help me", "求助"],
  ["help me please", "求助"],
  ["my requests", "我的"],
  ["my talks", "我的谈心"],
  ["whoami", "我是谁"],
  ["review aid 2026-0001", "审批|2026-0001"],
  ["switch to english", "语言"],
  ["English", "语言"],
  // Typos become suggestions, never runs
  ["谈新", "?谈心"],
  ["谈信 张三", "?谈心"],
  ["球助", "?求助"],
  ["求住", "?求助"],
  ["申清帮扶", "?求助"],
  ["申清培训", "?培训申请"],
  ["分配谈新", "?分配谈心"],
  ["走仿", "?走访"],
  ["hlep", "?帮助"],
  ["reveiw aid", "?审批"],
  // A member's own data, and the secretary's talk ledger with notes
  ["我的数据", "导出我的数据"],
  ["个人信息导出", "导出我的数据"],
  ["下载我的数据", "导出我的数据"],
  ["导出个人数据", "导出我的数据"],
  ["导出谈话记录", "导出谈心记录"],
  ["导出谈心记录 2026Q4", "导出谈心记录|2026Q4"],
  // Reports as files: the menu, and each report straight away
  ["导出", "导出"],
  ["下载报表", "导出"],
  ["导出 台账", "导出台账"],
  ["导出台账", "导出台账"],
  ["下载台账", "导出台账"],
  ["要台账", "导出台账"],
  ["导出台账 2026Q4", "导出台账|2026Q4"],
  ["导出谈心台账", "导出谈心台账"],
  ["导出 走访统计 2026", "导出走访统计|2026"],
  ["下载资金台账", "导出资金台账"],
  // The year-end report
  ["年度报告", "年度报告"],
  ["年终报告", "年度报告"],
  ["年度总结", "年度报告"],
  ["年报 2026", "年度报告|2026"],
  ["今年的总结", "年度报告"],
  // A question in one's own words is offered with its text
  ["我想问一下党费怎么交", "?提问"],
  // Words found inside a sentence rank their command
  ["我想看看最近的谈心记录", "?谈心记录"],
  ["helpful", "?帮助"],
  // Nonsense: no guess (the card fills in what the person's role reaches for most)
  ["asdfgh", "?"],
  ["今天天气不错", "?"],
  ["张三", "?"],
  ["👍", "?"],
];

describe("what people type, and what the bot reads", () => {
  it("has at least 80 phrasings", () => expect(TABLE.length).toBeGreaterThanOrEqual(80));

  it.each(TABLE)("%j → %s", (said, means) => {
    const got = reading(understand(said));
    if (means.startsWith("?") && means.length > 1) {
      expect(got.startsWith("?"), `${said} was run as ${got}`).toBe(true);
      expect(got.slice(1).split(",").slice(0, means.slice(1).split(",").length).join(","), said).toBe(means.slice(1));
    } else {
      expect(got).toBe(means);
    }
  });

  it("tells a command the registry word it was understood as (language and roster commands read it)", () => {
    expect(understand("我想切换成英文")).toMatchObject({ kind: "command", said: "english" });
    expect(understand("我要切换中文")).toMatchObject({ kind: "command", said: "切换中文" });
    expect(understand("退党 张三 2026-11-30")).toMatchObject({ said: "退党 张三 2026-11-30" });
  });

  it("keeps a slip's arguments for the suggestion button", () => {
    const h = understand("谈新 张三");
    expect(h.kind === "unsure" && h.guesses[0]).toMatchObject({ args: "张三", why: "typo" });
    const q = understand("我想问一下党费怎么交");
    expect(q.kind === "unsure" && q.guesses[0]).toMatchObject({ args: "党费怎么交" });
  });

  it("reads a menu key (a command name) as typed", () => {
    for (const c of COMMANDS) expect(reading(understand(c.name)), c.name).toBe(c.name);
  });

  it("keeps every registry word's own reading", () => {
    for (const c of COMMANDS) for (const a of c.aliases) expect((understand(a) as { command?: unknown }).command, a).toBe(c);
  });
});

describe("the phrase table", () => {
  const words = new Map(COMMANDS.flatMap((c) => [c.name, ...c.aliases].map((w) => [normalise(w).text, c] as const)));

  it("names a command word for every key", () => {
    for (const key of Object.keys(PHRASES)) expect(words.has(normalise(key).text), key).toBe(true);
  });

  it("gives every command in the registry the words its users say", () => {
    const covered = new Set(Object.keys(PHRASES).map((k) => words.get(normalise(k).text)));
    for (const c of COMMANDS) expect(covered.has(c), c.name).toBe(true);
  });

  it("never lists a phrase twice or a phrase that is another command's own word", () => {
    const seen = new Map<string, string>();
    for (const [key, phrases] of Object.entries(PHRASES)) {
      for (const p of phrases) {
        const w = normalise(p).text;
        expect(seen.get(w), `${p} under ${key} and ${seen.get(w)}`).toBeUndefined();
        seen.set(w, key);
        const owner = words.get(w);
        if (owner) expect(owner, `${p} is a word of ${owner.name}`).toBe(words.get(normalise(key).text));
      }
    }
  });
});

describe("normalising", () => {
  it.each([
    ["  求 助！！ ", "求 助"],
    ["ＨＥＬＰ　ｍｅ", "help me"],
    ["「求助」😭", "求助"],
    ["冲正 2026-0001 原因：多付。", "冲正 2026-0001 原因:多付"],
    ["？？？", "?"],
    ["👍", ""],
  ])("%j → %j", (raw, text) => expect(normalise(raw).text).toBe(text));

  it("maps every character back to the text as sent", () => {
    const raw = "「谈心」　张三";
    const { text, at } = normalise(raw);
    expect(text).toBe("谈心 张三");
    expect(raw.slice(at[text.indexOf("张")])).toBe("张三");
  });

  it("counts one keystroke as one slip", () => {
    expect(withinOneEdit("hepl", "help")).toBe(true);
    expect(withinOneEdit("求住", "求助")).toBe(true);
    expect(withinOneEdit("帮\ufffd助", "帮助")).toBe(true);
    expect(withinOneEdit("hlpe", "help")).toBe(false);
  });
});

describe("the suggestion card", () => {
  const actor = (roles: RoleName[]): Actor => ({ personId: 1, name: "张三", openId: "ou_1", language: "ZH", grants: roles.map((role) => ({ orgId: 1, orgName: "第一党支部", orgKind: "BRANCH" as const, role })) });
  const offered = (roles: RoleName[], said: string, group = false) => {
    const h = understand(said);
    if (h.kind !== "unsure") throw new Error(`${said} was understood`);
    const json = JSON.stringify(unsureAnswer(actor(roles), h, COMMANDS, group).card);
    return { json, names: [...json.matchAll(/"a":"cmd\.run","c":"([^"]+)"/g)].map((m) => m[1]) };
  };

  it("offers a member in trouble 求助 first", () => {
    const { json, names } = offered(["MEMBER"], "我生病住院了");
    expect(names[0]).toBe("求助");
    expect(json).toContain("遇到困难了吗");
  });

  it("offers only what the person may run, two or three of them", () => {
    const member = offered(["MEMBER"], "谈新 张三");
    expect(member.names).not.toContain("谈心");
    expect(member.names.length).toBeGreaterThanOrEqual(2);
    expect(member.names.length).toBeLessThanOrEqual(3);
    const leader = offered(["LEADER"], "谈新 张三");
    expect(leader.names[0]).toBe("谈心");
    expect(leader.json).toContain("您是不是想发送「谈心 张三」");
    expect(leader.json).toContain('"x":"张三"');
  });

  it("fills nonsense up with what the role reaches for, and says how to see everything", () => {
    const { json, names } = offered(["MEMBER"], "asdfgh");
    expect(names).toEqual(["求助", "我的", "我的谈心"]);
    expect(json).toContain("没有听懂「asdfgh」");
    expect(json).toContain("发送「帮助」查看全部功能");
  });

  it("in a group, marks private-only offers as answered privately", () => {
    const { json } = offered(["MEMBER"], "球助", true);
    expect(json).toContain("私聊回复");
    expect(json).toContain('"g":1');
  });
});
