// Short answers the router gives on its own, Chinese first.
import type { Text } from "../../cards/kit.ts";

export const strangerText = (contact: string): Text => ({
  zh: `您好！您还不在「同心」的党员名册中，暂时无法使用。请联系${contact}将您加入名册。`,
  en: `Hello! You are not in Tongxin's roster yet. Please ask ${contact} to add you.`,
});

export const duplicateClickText: Text = { zh: "该操作已处理。", en: "This action was already handled." };
export const badActionText: Text = { zh: "无效的操作，请刷新卡片后重试。", en: "Invalid action; refresh the card and try again." };
export const internalErrorText: Text = { zh: "系统繁忙，请稍后重试。", en: "Something went wrong; please try again shortly." };
/** A command button whose command no longer exists (a stale card) or never did (a forged value). */
export const staleCommandText: Text = { zh: "这个按钮对应的功能已不存在，请发送「帮助」查看可用的功能。", en: "That button's command no longer exists; send “帮助” (help) to see what you can use." };
export const answeredPrivatelyText: Text = { zh: "涉及个人信息，已在与同心的私聊中回复您。", en: "It involves personal details: the answer is in your private chat with Tongxin." };
