// The one list of what the bot subscribes to in Lark's console: events (事件配置) and callbacks
// (回调配置). Lark offers no API to read subscriptions back, so `npm run lark:check` can only
// say what to set; the README's setup steps are checked against these lists by a test.
import { CARD_ACTION_EVENT, MENU_EVENT, MESSAGE_EVENT, P2P_ENTERED_EVENT } from "./events.ts";

export interface Subscription {
  type: string;
  /** The name the console shows next to the type. */
  consoleName: string;
  purpose: string;
}

export const BOT_EVENTS: readonly Subscription[] = [
  { type: MESSAGE_EVENT, consoleName: "接收消息", purpose: "成员私聊或在群里 @同心 发来的命令" },
  { type: P2P_ENTERED_EVENT, consoleName: "用户进入与机器人的会话", purpose: "第一次打开私聊时发欢迎卡片" },
  { type: MENU_EVENT, consoleName: "机器人自定义菜单", purpose: "点机器人菜单；菜单项的 event_key 填命令名，如 帮助" },
];

export const BOT_CALLBACKS: readonly Subscription[] = [
  { type: CARD_ACTION_EVENT, consoleName: "卡片回传交互", purpose: "卡片上的按钮和表单提交" },
];

/** Where Lark delivers in webhook mode, relative to the bot's public URL. */
export const WEBHOOK_PATHS = { events: "/lark/events", cards: "/lark/cards" } as const;
