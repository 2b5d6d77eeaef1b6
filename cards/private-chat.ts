// A command with personal details asked for in a group: the answer comes only in the private
// chat, and the button opens that chat (Lark's AppLink to the bot, opened by the client itself,
// so no callback reaches the bot and nothing personal is said in the group).
import { card, md, note, plain, t, type Card, type Element } from "./kit.ts";

/** A button that opens `url` in the Lark client (JSON 2.0 open_url behaviour). */
function openButton(text: { zh: string; en: string }, url: string): Element {
  return { tag: "button", text: plain(text), type: "primary_filled", behaviors: [{ type: "open_url", default_url: url, pc_url: url, android_url: url, ios_url: url }] };
}

export function privateChatCard(v: { command: string; url: string }): Card {
  return card({
    title: t("请在私聊中使用", "Use this in the private chat"),
    template: "blue",
    elements: [
      md({ zh: `「${v.command}」涉及个人信息，只在您与同心的私聊中回复。`, en: `"${v.command}" involves personal details, so Tongxin answers it only in your private chat.` }),
      openButton(t("打开与同心的私聊", "Open the private chat"), v.url),
      note({ zh: `打开私聊后发送「${v.command}」即可。`, en: `Then send "${v.command}" there.` }),
    ],
  });
}
