// The one list of Lark scopes (权限) the bot needs. The README's setup steps, `npm run lark:check`
// and the Lark double's default grant all read it, so adding a feature that calls a new Open
// Platform API means one entry here, and the check, the docs and the tests follow.
//
// A probe is the cheapest call that Lark's gateway refuses with 99991672 when the scope is
// missing. Lark checks scopes at the gateway, before the API looks at its arguments, so every
// probe names something that cannot exist: when the scope is granted the API itself answers
// "not found" / "invalid parameter" (a code below 99990000), and nothing is read or written.
// Lark's docs list, per API, the scopes any one of which is enough ("开启任一权限即可"); each
// probe's comment says which ones, because that is exactly what its answer proves.

export interface ScopeProbe {
  method: "GET" | "POST";
  /** Under `${LARK_BASE_URL}/open-apis`. */
  path: string;
  query?: Readonly<Record<string, string>>;
  json?: unknown;
  /** Sent as multipart/form-data (upload APIs). */
  form?: Readonly<Record<string, string>>;
  /** Shown to the operator: the call and what a granted answer means. */
  call: string;
}

export interface BotScope {
  scope: string;
  /** Why the bot needs it, in the operator's words. */
  purpose: string;
  /** Required scopes missing make `lark:check` fail; optional ones only warn. */
  required: boolean;
  /** Undefined when no API call depends on it (scopes that only gate event delivery). */
  probe?: ScopeProbe;
}

/** A chat id Lark never issues (real ones are oc_ + 32 hex digits). */
const NO_SUCH_CHAT = "oc_tongxin_lark_check_no_such_chat";

export const BOT_SCOPES: readonly BotScope[] = [
  {
    scope: "im:message",
    purpose: "读取会话消息，下载成员发来的图片和文件（获取与发送单聊、群组消息）",
    required: true,
    // List history of a chat that cannot exist. Lark accepts im:message, im:message:readonly
    // or im:message.history:readonly here (the same three as the message-resource download),
    // so a non-scope answer proves the bot may read messages and their files.
    probe: {
      method: "GET",
      path: "/im/v1/messages",
      query: { container_id_type: "chat", container_id: NO_SUCH_CHAT, page_size: "1" },
      call: "获取会话历史消息（一个不存在的会话）",
    },
  },
  {
    scope: "im:message:send_as_bot",
    purpose: "以机器人身份发消息、回复和更新卡片",
    required: true,
    // No read-only call needs a send scope, so this one is a send that cannot be delivered: to
    // a chat that cannot exist, with text content missing its `text`. Lark refuses it with
    // 230001 after the scope check (im:message or im:message:send_as_bot); nothing is sent.
    probe: {
      method: "POST",
      path: "/im/v1/messages",
      query: { receive_id_type: "chat_id" },
      json: { receive_id: NO_SUCH_CHAT, msg_type: "text", content: "{}" },
      call: "发送消息到一个不存在的会话（内容也不合法，飞书必然拒收，不会发出任何消息）",
    },
  },
  {
    scope: "im:message.p2p_msg:readonly",
    purpose: "接收成员私聊同心的消息（事件 im.message.receive_v1）",
    required: true,
  },
  {
    scope: "im:message.group_at_msg:readonly",
    purpose: "接收群聊中 @同心 的消息（事件 im.message.receive_v1）",
    required: true,
  },
  {
    scope: "contact:user.id:readonly",
    purpose: "名册导入时按手机号或邮箱找到成员的飞书账号（open_id）",
    required: true,
    // A lookup of an address under the reserved .invalid domain: a read that finds nobody.
    // batch_get_id accepts only this scope, so a code-0 answer proves exactly it.
    probe: {
      method: "POST",
      path: "/contact/v3/users/batch_get_id",
      query: { user_id_type: "open_id" },
      json: { emails: ["lark-check@tongxin.invalid"] },
      call: "按邮箱查找用户（一个不存在的邮箱）",
    },
  },
  {
    scope: "im:resource",
    purpose: "上传图片和文件（发送导出的表格、卡片中的图片）",
    required: true,
    // Downloading images and files needs no scope at all (Lark's docs: 权限要求 无), so no GET
    // can prove this one. An upload without the image is refused with 234001 after the scope
    // check (im:resource or im:resource:upload); nothing is stored.
    probe: {
      method: "POST",
      path: "/im/v1/images",
      form: { image_type: "message" },
      call: "上传图片但不附图片（飞书必然拒收，不会存下任何东西）",
    },
  },
  {
    scope: "im:chat:readonly",
    purpose: "查看同心所在的群（群名、成员）；目前没有功能调用，可暂不开通",
    required: false,
    // List the groups the bot is in, one at most: a plain read. Lark accepts im:chat or
    // im:chat:readonly.
    probe: { method: "GET", path: "/im/v1/chats", query: { page_size: "1" }, call: "获取机器人所在的群列表（最多 1 个）" },
  },
];

export const REQUIRED_SCOPES: readonly string[] = BOT_SCOPES.filter((s) => s.required).map((s) => s.scope);
export const ALL_SCOPES: readonly string[] = BOT_SCOPES.map((s) => s.scope);
