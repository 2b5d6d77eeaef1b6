// Clicks on cards, sent as Lark sends them: a button's value, a form's values (form_value), a
// select's or picker's option, an input's text; the bot's answer may replace the card and
// show a toast. A button that asks for confirmation asks first.
import { $, api } from "./dom.ts";
import { selectChat } from "./chat-list.ts";
import { upsertMessage } from "./message-pane.ts";
import { botToast, confirmDialog, toast } from "./notices.ts";
import type { ClickAnswer } from "./protocol.ts";
import { state } from "./state.ts";

/** Lark sends picker values with the user's UTC offset; the sandbox user is in Beijing. */
const OFFSET = "+0800";

function pickerValue(input: HTMLInputElement): string {
  const v = input.value.trim();
  return v ? `${v} ${OFFSET}` : "";
}

/** A picker is a text field written as Lark sends it (2026-03-10); anything else is not sent. */
function malformed(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): boolean {
  return el instanceof HTMLInputElement && Boolean(el.dataset.picker) && el.value.trim() !== "" && !new RegExp(`^(?:${el.pattern})$`).test(el.value.trim());
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
    const bad = (empty && el.dataset.required === "true") || malformed(el);
    el.classList.toggle("invalid", bad);
    if (bad) missing.push(el);
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

/** A button, a form's submit or reset, or a link. */
function onClick(e: Event): void {
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
      const wrong = missing.find((el) => el instanceof HTMLInputElement && malformed(el)) as HTMLInputElement | undefined;
      if (wrong) toast("warning", `请按 ${wrong.placeholder} 的格式填写`, `Write it as ${wrong.placeholder}`);
      else toast("warning", "有必填项未填写", "Please fill in the required fields");
      return;
    }
    void callback(row, control, { formValue: values });
    return;
  }
  if (control) {
    void callback(row, control);
    return;
  }
  if (link?.dataset.url) openLink(link.dataset.url);
}

/**
 * Lark's AppLink to a bot's private chat (the button a group refusal carries) opens that chat in
 * the client; here, the person's private chat with the bot in the page. Other links open a tab.
 */
function openLink(url: string): void {
  let botChat = false;
  try {
    const u = new URL(url);
    botChat = /^applink\.(feishu\.cn|larksuite\.com)$/.test(u.hostname) && u.pathname === "/client/bot/open";
  } catch {
    botChat = false;
  }
  if (!botChat) return void window.open(url, "_blank", "noopener");
  const p2p = state.chats.find((c) => c.type === "p2p");
  if (p2p) void selectChat(p2p.chatId);
  else toast("warning", "没有找到与机器人的私聊", "No private chat with the bot");
}

/** A select, picker or checkbox outside a form sends its option as soon as it changes. */
function onChange(e: Event): void {
  const el = e.target as HTMLElement;
  const row = el.closest<HTMLElement>("[data-message-id]");
  if (!row || !el.dataset.cb || el.closest("form")) return;
  if (el instanceof HTMLSelectElement && el.multiple) return void callback(row, el, { option: Array.from(el.selectedOptions).map((o) => o.value).join(",") });
  if (el instanceof HTMLSelectElement) return void callback(row, el, { option: el.value });
  if (el instanceof HTMLInputElement && el.dataset.picker) {
    el.classList.toggle("invalid", malformed(el));
    if (malformed(el)) return void toast("warning", `请按 ${el.placeholder} 的格式填写`, `Write it as ${el.placeholder}`);
    return void callback(row, el, { option: pickerValue(el) });
  }
  if (el instanceof HTMLInputElement && el.type === "checkbox") return void callback(row, el, { option: String(el.checked) });
}

export function wireCards(): void {
  const box = $("messages");
  box.addEventListener("click", onClick);
  box.addEventListener("change", onChange);
  // An input outside a form sends its text on Enter.
  box.addEventListener("keydown", (e) => {
    const el = e.target as HTMLElement;
    if (e.key !== "Enter" || !(el instanceof HTMLInputElement) || !el.dataset.cb || el.closest("form") || el.dataset.picker) return;
    const row = el.closest<HTMLElement>("[data-message-id]");
    if (row) void callback(row, el, { inputValue: el.value });
  });
  // A form never navigates.
  box.addEventListener("submit", (e) => e.preventDefault());
}
