// Short answers the router gives on its own, Chinese first.
import type { Text } from "../../cards/kit.ts";

export const strangerText = (contact: string): Text => ({
  zh: `您好！您还不在「同心」的党员名册中，暂时无法使用。请联系${contact}将您加入名册。`,
  en: `Hello! You are not in Tongxin's roster yet. Please ask ${contact} to add you.`,
});

export const unknownCommandText = (text: string): Text => ({
  zh: `没有听懂「${text.slice(0, 20)}」。发送「帮助」查看可以使用的功能。`,
  en: `I did not understand "${text.slice(0, 20)}". Send "help" to see what you can do.`,
});

export const privateOnlyText = (name: string): Text => ({
  zh: `「${name}」涉及个人信息，请在与同心的私聊中使用。`,
  en: `"${name}" involves personal details; please use it in a private chat with Tongxin.`,
});

export const duplicateClickText: Text = { zh: "该操作已处理。", en: "This action was already handled." };
export const badActionText: Text = { zh: "无效的操作，请刷新卡片后重试。", en: "Invalid action; refresh the card and try again." };
export const internalErrorText: Text = { zh: "系统繁忙，请稍后重试。", en: "Something went wrong; please try again shortly." };
