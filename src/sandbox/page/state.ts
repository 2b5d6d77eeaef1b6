// What the page knows: who you are acting as, your chats, the open chat's messages, the language
// cards are shown in. One object, read and changed by the chat list, the message pane and the
// card actions.
import type { ChatMessage, ChatSummary, PersonSummary } from "./protocol.ts";
import type { Locale } from "./render-card.ts";

export const state = {
  people: [] as PersonSummary[],
  me: "",
  chats: [] as ChatSummary[],
  chatId: "",
  messages: new Map<string, ChatMessage>(),
  unread: new Map<string, number>(),
  locale: "zh_cn" as Locale,
  botName: "同心",
};
