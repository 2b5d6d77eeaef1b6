// Who you are acting as and your chats: the person picker, the chat list with unread counts
// (on a phone, a selector instead of the list), opening a chat (its messages loaded, the bot told of a private chat opened), and where a live
// message goes.
import { $, api, toDom } from "./dom.ts";
import { atBottom, scrollDown, upsertMessage } from "./message-pane.ts";
import { toast } from "./notices.ts";
import type { ChatMessage, ChatSummary, PersonSummary } from "./protocol.ts";
import { state } from "./state.ts";

function personLabel(p: PersonSummary): string {
  const offices = p.roles.filter((r) => r.role !== "MEMBER").map((r) => r.zh);
  if (!p.inRoster) return `${p.name} · 名册外 not in roster`;
  return offices.length > 0 ? `${p.name} · ${offices.join("、")}` : `${p.name} · 党员`;
}

function renderWho(): void {
  const who = $<HTMLSelectElement>("who");
  who.replaceChildren(
    ...state.people.map((p) => {
      const o = document.createElement("option");
      o.value = p.openId;
      o.textContent = personLabel(p);
      return o;
    }),
  );
  who.value = state.me;
  const me = state.people.find((p) => p.openId === state.me);
  const info = $("who-info");
  info.replaceChildren();
  if (!me) return;
  if (!me.inRoster) info.append(toDom({ tag: "span", attrs: { class: "role stranger" }, children: ["名册外 Not in roster"] }));
  for (const r of me.roles) info.append(toDom({ tag: "span", attrs: { class: "role" }, children: [`${r.zh} ${r.en}`] }));
  if (me.orgs.length > 0) info.append(toDom({ tag: "div", attrs: {}, children: [me.orgs.join("、")] }));
}

function chatName(c: ChatSummary): string {
  return c.type === "p2p" ? `${c.name}（机器人）` : `${c.name}（群聊 ${c.members} 人）`;
}

/** The chat list as a selector, for a screen too narrow for the list (shell.ts shows one or the other). */
function renderChatSelect(): void {
  const sel = $<HTMLSelectElement>("chat-select");
  sel.replaceChildren(
    ...state.chats.map((c) => {
      const o = document.createElement("option");
      o.value = c.chatId;
      const unread = state.unread.get(c.chatId) ?? 0;
      o.textContent = unread > 0 ? `${chatName(c)} · ${unread} 条未读` : chatName(c);
      return o;
    }),
  );
  sel.value = state.chatId;
}

export function wireChatSelect(): void {
  $<HTMLSelectElement>("chat-select").addEventListener("change", (e) => void selectChat((e.target as HTMLSelectElement).value));
}

function renderChats(): void {
  renderChatSelect();
  $("chats").replaceChildren(
    ...state.chats.map((c) => {
      const li = document.createElement("li");
      li.dataset.chatId = c.chatId;
      li.dataset.chatType = c.type;
      li.className = c.chatId === state.chatId ? "on" : "";
      const unread = state.unread.get(c.chatId) ?? 0;
      li.append(
        toDom({ tag: "span", attrs: { class: `chat-avatar ${c.type === "p2p" ? "bot" : "group"}` }, children: [c.name.slice(0, 1)] }),
        toDom({
          tag: "div",
          attrs: {},
          children: [
            { tag: "div", attrs: { class: "chat-name" }, children: [c.name] },
            { tag: "div", attrs: { class: "chat-kind" }, children: [c.type === "p2p" ? "与机器人私聊 Direct chat with the bot" : `群聊 Group · ${c.members} 人`] },
          ],
        }),
      );
      if (unread > 0) li.append(toDom({ tag: "span", attrs: { class: "badge" }, children: [String(unread)] }));
      li.addEventListener("click", () => void selectChat(c.chatId));
      return li;
    }),
  );
}

/** The address says who and which chat (and the card language), so a reload comes back here. */
export function updateUrl(): void {
  const url = new URL(location.href);
  url.searchParams.set("as", state.me);
  url.searchParams.set("chat", state.chatId);
  if (state.locale !== "zh_cn") url.searchParams.set("lang", state.locale);
  else url.searchParams.delete("lang");
  history.replaceState(null, "", url);
}

export async function selectPerson(openId: string, chatId?: string): Promise<void> {
  state.me = openId;
  state.unread.clear();
  renderWho();
  state.chats = await api<ChatSummary[]>(`/chats?as=${encodeURIComponent(openId)}`);
  const wanted = state.chats.find((c) => c.chatId === chatId) ?? state.chats[0];
  if (wanted) await selectChat(wanted.chatId);
}

export async function selectChat(chatId: string): Promise<void> {
  const chat = state.chats.find((c) => c.chatId === chatId);
  if (!chat) return;
  state.chatId = chatId;
  state.unread.delete(chatId);
  document.body.dataset.chat = "";
  renderChats();
  $("chat-title").textContent = chat.type === "p2p" ? `${chat.name}（机器人 Bot）` : chat.name;
  $("chat-sub").textContent =
    chat.type === "p2p" ? "私聊：直接发送命令 · Direct chat: send a command" : `群聊：消息会 @${state.botName} · Group chat: messages @${state.botName}`;
  $("mention").hidden = chat.type !== "group";
  updateUrl();
  // Cleared before loading, so a message the stream brings meanwhile is kept (upsert dedupes).
  state.messages.clear();
  const box = $("messages");
  box.replaceChildren();
  const list = await api<ChatMessage[]>(`/messages?chat=${encodeURIComponent(chatId)}`);
  if (state.chatId !== chatId) return;
  for (const m of list) if (!state.messages.has(m.id) || m.updateTime > (state.messages.get(m.id)?.updateTime ?? 0)) upsertMessage(m);
  if (state.messages.size === 0) box.append(toDom({ tag: "div", attrs: { class: "empty" }, children: ["还没有消息。发送「帮助」试试。", { tag: "br", attrs: {}, children: [] }, "No messages yet. Try sending “help”."] }));
  scrollDown();
  document.body.dataset.chat = chatId;
  // Opening the bot's chat in Lark tells the bot (it welcomes a person the first time).
  if (chat.type === "p2p") void api("/open-p2p", { from: state.me }).catch((err: unknown) => toast("error", "打开会话失败", String(err)));
}

/** A message from the stream (or just sent): shown if its chat is open, else counted as unread. */
export function onLiveMessage(m: ChatMessage): void {
  if (m.chatId === state.chatId) {
    const follow = atBottom();
    upsertMessage(m);
    if (follow || m.sender === state.me) scrollDown();
    return;
  }
  // Count a new message in another of my chats.
  if (state.chats.some((c) => c.chatId === m.chatId) && m.createTime === m.updateTime) {
    state.unread.set(m.chatId, (state.unread.get(m.chatId) ?? 0) + 1);
    renderChats();
  }
}
