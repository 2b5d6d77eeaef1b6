// The open chat's messages: each drawn once and redrawn in place when the bot updates its card,
// in time order, with the quote of the message a reply answers.
import { $, resourceUrl, toDom } from "./dom.ts";
import type { ChatMessage } from "./protocol.ts";
import { renderCard, renderText } from "./render-card.ts";
import { state } from "./state.ts";
import { beijingDateTime } from "./time-format.ts";

function nameOf(openId: string): string | undefined {
  return state.people.find((p) => p.openId === openId)?.name;
}


function messageBody(m: ChatMessage): Node {
  if (m.msgType === "interactive") {
    const { node, unknown } = renderCard(m.content, { locale: state.locale, personName: nameOf, imageUrl: resourceUrl });
    const dom = toDom(node) as HTMLElement;
    if (unknown.length > 0) dom.dataset.unknown = unknown.map((u) => u.tag).join(",");
    return dom;
  }
  if (m.msgType === "text") return toDom({ tag: "div", attrs: { class: "bubble" }, children: renderText(m.content, { personName: nameOf }) });
  // Pictures and files people sent (and the bot's file messages), read from the double.
  const c = (m.content ?? {}) as { image_key?: unknown; file_key?: unknown; file_name?: unknown };
  if (m.msgType === "image" && typeof c.image_key === "string") return toDom({ tag: "div", attrs: { class: "bubble pic" }, children: [{ tag: "img", attrs: { src: resourceUrl(c.image_key), alt: "图片", class: "msg-pic" }, children: [] }] });
  if (m.msgType === "file" && typeof c.file_key === "string") {
    const name = typeof c.file_name === "string" ? c.file_name : "文件";
    return toDom({ tag: "div", attrs: { class: "bubble" }, children: ["📄 ", { tag: "a", attrs: { href: resourceUrl(c.file_key), download: name, target: "_blank" }, children: [name] }] });
  }
  return toDom({ tag: "div", attrs: { class: "bubble" }, children: [`[${m.msgType}] `, { tag: "code", attrs: {}, children: [JSON.stringify(m.content)] }] });
}

/** A short line of what a message said, for the quote above a reply. */
function quoteOf(m: ChatMessage): string {
  const c = m.content as { text?: unknown; header?: { title?: { content?: unknown } } } | null;
  const text = m.msgType === "text" ? String(c?.text ?? "") : `[卡片] ${String(c?.header?.title?.content ?? "")}`;
  const line = text.replace(/@_user_\d+/g, `@${state.botName}`).replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

export function upsertMessage(m: ChatMessage): void {
  const previous = state.messages.get(m.id);
  state.messages.set(m.id, m);
  const box = $("messages");
  box.querySelector(".empty")?.remove();
  const existing = box.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(m.id)}"]`);
  const mine = m.sender === state.me;
  const row = document.createElement("div");
  row.className = `msg ${m.sender === "bot" ? "bot" : mine ? "me" : "other"}`;
  row.dataset.messageId = m.id;
  row.dataset.msgType = m.msgType;
  row.dataset.sender = m.sender;
  const avatarText = m.sender === "bot" ? state.botName.slice(0, 1) : m.senderName.slice(-2);
  const main = document.createElement("div");
  main.className = "msg-main";
  main.append(toDom({ tag: "div", attrs: { class: "msg-meta" }, children: [`${mine ? "我 Me" : m.senderName} · ${beijingDateTime(m.createTime)}${m.updateTime > m.createTime && m.msgType === "interactive" ? " · 已更新 updated" : ""}`] }));
  const parent = m.parentId ? state.messages.get(m.parentId) : undefined;
  if (parent) main.append(toDom({ tag: "div", attrs: { class: "reply-quote" }, children: [`回复 ${parent.sender === state.me ? "我" : parent.senderName}：${quoteOf(parent)}`] }));
  const body = messageBody(m);
  if (previous && m.msgType === "interactive" && existing) (body as HTMLElement).classList.add("updated");
  main.append(body);
  row.append(toDom({ tag: "div", attrs: { class: "avatar" }, children: [avatarText] }), main);
  if (existing) existing.replaceWith(row);
  else {
    // Keep time order even when the stream and the list race.
    const later = Array.from(box.querySelectorAll<HTMLElement>("[data-message-id]")).find((el) => (state.messages.get(el.dataset.messageId ?? "")?.createTime ?? 0) > m.createTime);
    if (later) later.before(row);
    else box.append(row);
  }
}

export function scrollDown(): void {
  const box = $("messages");
  box.scrollTop = box.scrollHeight;
}

/** Whether the reader is at the end of the chat, so a new message may scroll them along. */
export function atBottom(): boolean {
  const box = $("messages");
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
}
