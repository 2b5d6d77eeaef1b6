import { describe, expect, it } from "vitest";
import type { Command } from "../../src/bot/context.ts";
import { buildUnderstanding } from "../../src/bot/understand/understand.ts";
import { normaliseEvent } from "../../src/lark/events.ts";

const cmd = (name: string, aliases: string[]): Command => ({ name, aliases, summary: { zh: "", en: "" }, roles: "anyone", run: async () => undefined });
const help = cmd("帮助", ["help"]);
const ask = cmd("求助", ["申请帮扶", "help me"]);
const talk = cmd("谈心", ["talk"]);
const understand = buildUnderstanding([help, ask, talk]);
const parse = (text: string) => {
  const h = understand(text);
  return h.kind === "command" && !h.greeting ? h : null;
};

describe("command parsing", () => {
  it("finds Chinese names and English aliases, any case", () => {
    expect(parse("帮助")?.command).toBe(help);
    expect(parse("HELP")?.command).toBe(help);
  });
  it("prefers the longest alias (help me over help)", () => expect(parse("help me now")).toMatchObject({ command: ask, args: "now" }));
  it("takes Chinese arguments without a space", () => expect(parse("谈心张三")).toMatchObject({ command: talk, args: "张三" }));
  it("does not take a Latin word that merely starts with an alias", () => expect(parse("helpful")).toBeNull());
  it("runs nothing for chatter", () => expect(parse("今天天气不错")).toBeNull());
});

describe("message normalisation", () => {
  const env = (text: string, mentions: unknown[] = [], chatType = "group") => ({
    schema: "2.0" as const,
    header: { event_id: "e", event_type: "im.message.receive_v1" },
    event: {
      sender: { sender_id: { open_id: "ou_u" } },
      message: { message_id: "om_1", chat_id: "oc_1", chat_type: chatType, message_type: "text", content: JSON.stringify({ text }), mentions },
    },
  });
  it("strips @_user_N and knows when the bot was mentioned", () => {
    const ev = normaliseEvent(env("@_user_1 求助", [{ key: "@_user_1", id: { open_id: "ou_bot" } }]), "ou_bot");
    expect(ev).toMatchObject({ kind: "message", text: "求助", mentionsBot: true, key: "msg:om_1" });
  });
  it("does not count a mention of someone else as a mention of the bot", () => {
    const ev = normaliseEvent(env("@_user_1 你好", [{ key: "@_user_1", id: { open_id: "ou_other" } }]), "ou_bot");
    expect(ev).toMatchObject({ mentionsBot: false });
  });
});
