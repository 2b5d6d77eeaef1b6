// The sandbox page in the browser: pick who you are, chat with the bot in private or in the
// branch group, click cards, move the clock and run the schedulers. Everything goes through
// /sandbox/api (and from there through the Lark double); live updates come over one
// server-sent-event stream. Bundled by bundle.ts; no framework.
import type { ChatMessage, ChatSummary, ClickAnswer, FestivalJump, PersonSummary, TaskInfo } from "./protocol.ts";
import { renderCard, renderText, type Locale } from "./render-card.ts";
import type { VNode } from "./vnode.ts";

const API = "/sandbox/api";
const DAY_MS = 24 * 3600_000;
/** Lark sends picker values with the user's UTC offset; the sandbox user is in Beijing. */
const OFFSET = "+0800";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};

const state = {
  people: [] as PersonSummary[],
  me: "",
  chats: [] as ChatSummary[],
  chatId: "",
  messages: new Map<string, ChatMessage>(),
  unread: new Map<string, number>(),
  locale: "zh_cn" as Locale,
  botName: "同心",
};

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${API}${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? `${res.status} ${res.statusText}`);
  return data;
}

// ---------- nodes → DOM ----------

function toDom(node: VNode): Node {
  if (typeof node === "string") return document.createTextNode(node);
  const el = document.createElement(node.tag);
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of node.children) el.appendChild(toDom(c));
  return el;
}

// ---------- toasts and the confirm dialog ----------

type ToastType = "success" | "error" | "info" | "warning";
function toast(type: ToastType, zh: string, en?: string): void {
  const box = document.createElement("div");
  box.className = `toast ${type}`;
  box.dataset.toastType = type;
  const icon = { success: "✓", error: "✕", warning: "!", info: "i" }[type];
  box.append(toDom({ tag: "span", attrs: { class: "ticon" }, children: [icon] }));
  const text = document.createElement("div");
  text.append(toDom({ tag: "div", attrs: { class: "tzh" }, children: [zh] }));
  if (en && en !== zh) text.append(toDom({ tag: "div", attrs: { class: "ten" }, children: [en] }));
  box.append(text);
  // Like Lark, a toast is brief; at most two show at once, the newest last.
  const toasts = $("toasts");
  toasts.append(box);
  while (toasts.children.length > 2) toasts.firstElementChild?.remove();
  setTimeout(() => box.remove(), 3500);
}

/** Shows the bot's toast from a callback answer ({type, content, i18n}). */
function botToast(t: unknown): void {
  if (!t || typeof t !== "object") return;
  const o = t as { type?: string; content?: string; i18n?: { zh_cn?: string; en_us?: string } };
  const type = (["success", "error", "info", "warning"] as const).find((x) => x === o.type) ?? "info";
  toast(type, o.i18n?.zh_cn ?? o.content ?? "", o.i18n?.en_us);
}

function confirmDialog(title: string, text: string): Promise<boolean> {
  const modal = $("modal");
  $("modal-title").textContent = title || "请确认 Please confirm";
  $("modal-text").textContent = text;
  modal.hidden = false;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      modal.hidden = true;
      modal.removeEventListener("click", onClick);
      resolve(ok);
    };
    const onClick = (e: Event) => {
      const which = (e.target as HTMLElement).closest<HTMLElement>("[data-modal]")?.dataset.modal;
      if (which) done(which === "ok");
    };
    modal.addEventListener("click", onClick);
  });
}

// ---------- people and chats ----------

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

function renderChats(): void {
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

function updateUrl(): void {
  const url = new URL(location.href);
  url.searchParams.set("as", state.me);
  url.searchParams.set("chat", state.chatId);
  if (state.locale !== "zh_cn") url.searchParams.set("lang", state.locale);
  else url.searchParams.delete("lang");
  history.replaceState(null, "", url);
}

async function selectPerson(openId: string, chatId?: string): Promise<void> {
  state.me = openId;
  state.unread.clear();
  renderWho();
  state.chats = await api<ChatSummary[]>(`/chats?as=${encodeURIComponent(openId)}`);
  const wanted = state.chats.find((c) => c.chatId === chatId) ?? state.chats[0];
  if (wanted) await selectChat(wanted.chatId);
}

async function selectChat(chatId: string): Promise<void> {
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

// ---------- messages ----------

function nameOf(openId: string): string | undefined {
  return state.people.find((p) => p.openId === openId)?.name;
}

const timeFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

function messageBody(m: ChatMessage): Node {
  if (m.msgType === "interactive") {
    const { node, unknown } = renderCard(m.content, { locale: state.locale, personName: nameOf });
    const dom = toDom(node) as HTMLElement;
    if (unknown.length > 0) dom.dataset.unknown = unknown.map((u) => u.tag).join(",");
    return dom;
  }
  if (m.msgType === "text") return toDom({ tag: "div", attrs: { class: "bubble" }, children: renderText(m.content, { personName: nameOf }) });
  return toDom({ tag: "div", attrs: { class: "bubble" }, children: [`[${m.msgType}] `, { tag: "code", attrs: {}, children: [JSON.stringify(m.content)] }] });
}

/** A short line of what a message said, for the quote above a reply. */
function quoteOf(m: ChatMessage): string {
  const c = m.content as { text?: unknown; header?: { title?: { content?: unknown } } } | null;
  const text = m.msgType === "text" ? String(c?.text ?? "") : `[卡片] ${String(c?.header?.title?.content ?? "")}`;
  const line = text.replace(/@_user_\d+/g, `@${state.botName}`).replace(/\s+/g, " ").trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

function upsertMessage(m: ChatMessage): void {
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
  main.append(toDom({ tag: "div", attrs: { class: "msg-meta" }, children: [`${mine ? "我 Me" : m.senderName} · ${timeFmt.format(m.createTime)}${m.updateTime > m.createTime && m.msgType === "interactive" ? " · 已更新 updated" : ""}`] }));
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

function scrollDown(): void {
  const box = $("messages");
  box.scrollTop = box.scrollHeight;
}

function onLiveMessage(m: ChatMessage): void {
  if (m.chatId === state.chatId) {
    const atBottom = $("messages").scrollHeight - $("messages").scrollTop - $("messages").clientHeight < 80;
    upsertMessage(m);
    if (atBottom || m.sender === state.me) scrollDown();
    return;
  }
  // Count a new message in another of my chats.
  if (state.chats.some((c) => c.chatId === m.chatId) && m.createTime === m.updateTime) {
    state.unread.set(m.chatId, (state.unread.get(m.chatId) ?? 0) + 1);
    renderChats();
  }
}

// ---------- sending ----------

async function send(): Promise<void> {
  const input = $<HTMLTextAreaElement>("input");
  const text = input.value.trim();
  if (!text || !state.me) return;
  const chat = state.chats.find((c) => c.chatId === state.chatId);
  input.value = "";
  try {
    const r = await api<{ message: ChatMessage; delivery: { status: number; skipped?: string; error?: string } }>("/say", {
      from: state.me,
      text,
      ...(chat?.type === "group" ? { chatId: chat.chatId } : {}),
    });
    onLiveMessage(r.message);
    if (r.delivery.skipped) toast("warning", "消息未送达机器人", r.delivery.skipped);
    else if (r.delivery.status !== 200) toast("error", "机器人没有应答", `The bot did not answer (${r.delivery.error ?? r.delivery.status})`);
  } catch (err) {
    input.value = text;
    toast("error", "发送失败", String(err));
  }
}

// ---------- card interactions ----------

function pickerValue(input: HTMLInputElement): string {
  if (!input.value) return "";
  if (input.type === "datetime-local") return `${input.value.replace("T", " ")} ${OFFSET}`;
  return `${input.value} ${OFFSET}`;
}

/** What a form holds, as Lark sends it in form_value (fields left empty are not sent). */
function formValues(form: HTMLFormElement): { values: Record<string, unknown>; missing: HTMLElement[] } {
  const values: Record<string, unknown> = {};
  const missing: HTMLElement[] = [];
  for (const el of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input[name], textarea[name], select[name]"))) {
    let v: unknown;
    if (el instanceof HTMLSelectElement && el.multiple) v = Array.from(el.selectedOptions).map((o) => o.value);
    else if (el instanceof HTMLInputElement && el.type === "checkbox") v = el.checked;
    else if (el instanceof HTMLInputElement && el.dataset.picker) v = pickerValue(el);
    else v = el.value;
    const empty = v === "" || (Array.isArray(v) && v.length === 0);
    el.classList.toggle("invalid", empty && el.dataset.required === "true");
    if (empty && el.dataset.required === "true") missing.push(el);
    if (!empty) values[el.name] = v;
  }
  return { values, missing };
}

async function callback(row: HTMLElement, source: HTMLElement, extra: { formValue?: Record<string, unknown>; option?: string; inputValue?: string } = {}): Promise<void> {
  const confirm = source.dataset.confirm ? (JSON.parse(source.dataset.confirm) as { title: string; text: string }) : undefined;
  if (confirm && !(await confirmDialog(confirm.title, confirm.text))) return;
  const messageId = row.dataset.messageId ?? "";
  const value = JSON.parse(source.dataset.cb ?? "{}") as Record<string, unknown>;
  source.classList.add("busy");
  if (source instanceof HTMLButtonElement) source.disabled = true;
  try {
    const answer = await api<ClickAnswer>("/click", {
      from: state.me,
      messageId,
      value,
      tag: source.dataset.cbTag ?? "button",
      ...(source.dataset.name ? { name: source.dataset.name } : {}),
      ...extra,
    });
    if (answer.status !== 200) toast("error", "机器人没有应答，请稍后再试", `The bot did not answer the click (${answer.error ?? answer.status})`);
    botToast(answer.toast);
    if (answer.cardError) toast("error", "卡片更新被飞书拒绝", answer.cardError);
    const current = state.messages.get(messageId);
    if (answer.cardUpdated && current) upsertMessage({ ...current, content: answer.card, updateTime: Math.max(current.updateTime, current.createTime + 1) });
  } catch (err) {
    toast("error", "操作失败", String(err));
  } finally {
    // The card may have been replaced; restore the old control only if it is still there.
    source.classList.remove("busy");
    if (source instanceof HTMLButtonElement && source.isConnected) source.disabled = false;
  }
}

function wireCards(): void {
  const box = $("messages");
  box.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>("[data-message-id]");
    if (!row) return;
    const link = target.closest<HTMLElement>("[data-url]");
    const control = target.closest<HTMLElement>("button[data-cb], button[data-form-action], .el-interactive[data-cb]");
    if (control instanceof HTMLButtonElement && control.disabled) return;
    if (control?.dataset.formAction === "reset") {
      control.closest("form")?.reset();
      return;
    }
    if (control?.dataset.formAction === "submit") {
      const form = control.closest("form");
      if (!form) return;
      const { values, missing } = formValues(form);
      if (missing.length > 0) {
        missing[0]?.focus();
        toast("warning", "有必填项未填写", "Please fill in the required fields");
        return;
      }
      void callback(row, control, { formValue: values });
      return;
    }
    if (control) {
      void callback(row, control);
      return;
    }
    if (link?.dataset.url) window.open(link.dataset.url, "_blank", "noopener");
  });
  box.addEventListener("change", (e) => {
    const el = e.target as HTMLElement;
    const row = el.closest<HTMLElement>("[data-message-id]");
    if (!row || !el.dataset.cb || el.closest("form")) return;
    if (el instanceof HTMLSelectElement && el.multiple) return void callback(row, el, { option: Array.from(el.selectedOptions).map((o) => o.value).join(",") });
    if (el instanceof HTMLSelectElement) return void callback(row, el, { option: el.value });
    if (el instanceof HTMLInputElement && el.dataset.picker) return void callback(row, el, { option: pickerValue(el) });
    if (el instanceof HTMLInputElement && el.type === "checkbox") return void callback(row, el, { option: String(el.checked) });
  });
  box.addEventListener("keydown", (e) => {
    const el = e.target as HTMLElement;
    if (e.key !== "Enter" || !(el instanceof HTMLInputElement) || !el.dataset.cb || el.closest("form") || el.dataset.picker) return;
    const row = el.closest<HTMLElement>("[data-message-id]");
    if (row) void callback(row, el, { inputValue: el.value });
  });
  // A form never navigates.
  box.addEventListener("submit", (e) => e.preventDefault());
}

// ---------- clock and schedulers ----------

const clockFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
const weekFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", weekday: "long" });

async function showClock(now?: string): Promise<void> {
  const iso = now ?? (await api<{ now: string }>("/clock")).now;
  const at = new Date(iso);
  $("clock-now").textContent = clockFmt.format(at);
  $("clock-now").dataset.iso = iso;
  $("clock-week").textContent = `${weekFmt.format(at)} · 北京时间 Beijing time`;
  const festivals = await api<FestivalJump[]>("/festivals");
  const sel = $<HTMLSelectElement>("festival");
  const keep = sel.value;
  sel.replaceChildren(
    ...festivals.map((f) => {
      const o = document.createElement("option");
      o.value = f.jumpTo;
      o.dataset.key = f.key;
      o.textContent = `${f.zh} ${f.en} · ${f.date}`;
      return o;
    }),
  );
  const again = festivals.find((f) => f.key === keep || f.jumpTo === keep);
  const midAutumn = festivals.find((f) => f.key === "mid-autumn");
  sel.value = again?.jumpTo ?? midAutumn?.jumpTo ?? festivals[0]?.jumpTo ?? "";
}

async function moveClock(body: { advanceMs: number } | { to: string }): Promise<void> {
  try {
    const r = await api<{ now: string }>("/clock", body);
    await showClock(r.now);
    toast("info", `沙盒时间：${clockFmt.format(new Date(r.now))}`, "Sandbox time moved");
  } catch (err) {
    toast("error", "无法调整时间", String(err));
  }
}

async function showTasks(): Promise<void> {
  const tasks = await api<TaskInfo[]>("/tasks");
  $("tasks").replaceChildren(
    ...tasks.map((t) => {
      const li = document.createElement("li");
      const when = t.pattern ? `cron ${t.pattern}` : t.everyMs ? `每 every ${Math.round(t.everyMs / 1000)} s` : "";
      li.append(toDom({ tag: "span", attrs: {}, children: [{ tag: "code", attrs: {}, children: [t.task] }, { tag: "span", attrs: { class: "sched" }, children: [when] }] }));
      const b = document.createElement("button");
      b.type = "button";
      b.className = "pbtn";
      b.dataset.task = t.task;
      b.textContent = "运行 Run";
      b.addEventListener("click", async () => {
        b.disabled = true;
        const out = $("task-result");
        try {
          const r = await api<{ result: unknown }>(`/run/${encodeURIComponent(t.task)}`, {});
          out.hidden = false;
          out.textContent = `${t.task} ✓ ${JSON.stringify(r.result ?? null, null, 1)}`;
          toast("success", `已运行 ${t.task}`, `Ran ${t.task}`);
        } catch (err) {
          out.hidden = false;
          out.textContent = `${t.task} ✕ ${String(err)}`;
          toast("error", `运行失败 ${t.task}`, String(err));
        } finally {
          b.disabled = false;
        }
      });
      li.append(b);
      return li;
    }),
  );
}

function wirePanel(): void {
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-advance-days]"))) {
    b.addEventListener("click", () => void moveClock({ advanceMs: Number(b.dataset.advanceDays) * DAY_MS }));
  }
  $("jump").addEventListener("click", () => {
    const to = $<HTMLSelectElement>("festival").value;
    if (to) void moveClock({ to });
  });
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-locale]"))) {
    b.addEventListener("click", () => {
      state.locale = b.dataset.locale === "en_us" ? "en_us" : "zh_cn";
      for (const x of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-locale]"))) x.classList.toggle("on", x === b);
      updateUrl();
      for (const m of [...state.messages.values()]) if (m.msgType === "interactive") upsertMessage(m);
    });
  }
}

// ---------- live stream ----------

function connect(): void {
  const es = new EventSource(`${API}/stream`);
  let wasDown = false;
  es.addEventListener("open", () => {
    $("conn").classList.add("live");
    // Reconnected (e.g. the sandbox restarted): reload the chat, messages may have been missed.
    if (wasDown && state.chatId) void selectChat(state.chatId);
    wasDown = false;
  });
  es.addEventListener("error", () => {
    $("conn").classList.remove("live");
    wasDown = true;
  });
  es.addEventListener("message", (e) => onLiveMessage(JSON.parse((e as MessageEvent<string>).data) as ChatMessage));
  es.addEventListener("clock", (e) => void showClock((JSON.parse((e as MessageEvent<string>).data) as { now: string }).now));
}

// ---------- start ----------

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  state.locale = params.get("lang") === "en_us" ? "en_us" : "zh_cn";
  for (const x of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-locale]"))) x.classList.toggle("on", x.dataset.locale === state.locale);
  const info = await api<{ botName: string }>("/double");
  state.botName = info.botName;
  state.people = await api<PersonSummary[]>("/people");
  wireCards();
  wirePanel();
  $<HTMLSelectElement>("who").addEventListener("change", (e) => void selectPerson((e.target as HTMLSelectElement).value));
  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    void send();
  });
  $("input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void send();
    }
  });
  connect();
  await Promise.all([showClock(), showTasks()]);
  const wanted = params.get("as");
  const first = state.people.find((p) => p.openId === wanted) ?? state.people.find((p) => p.inRoster && p.roles.every((r) => r.role === "MEMBER")) ?? state.people[0];
  if (first) await selectPerson(first.openId, params.get("chat") ?? undefined);
  else $("messages").append(toDom({ tag: "div", attrs: { class: "empty" }, children: ["飞书替身里还没有用户。No users in the Lark double yet."] }));
  document.body.dataset.ready = "true";
}

main().catch((err: unknown) => {
  toast("error", "沙盒页面启动失败", String(err));
  document.body.dataset.ready = "error";
});
