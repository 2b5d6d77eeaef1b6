// The message box: what you type is said through the double (with @bot in a group), shown at
// once, and a warning appears when the bot did not take it.
import { $, api, API_BASE } from "./dom.ts";
import { onLiveMessage } from "./chat-list.ts";
import { toast } from "./notices.ts";
import type { ChatMessage } from "./protocol.ts";
import { state } from "./state.ts";

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

/** A picture or PDF chosen in the composer, sent as a person sends one from their phone. */
async function sendFile(file: File): Promise<void> {
  if (!state.me) return;
  const chat = state.chats.find((c) => c.chatId === state.chatId);
  const query = new URLSearchParams({ from: state.me, name: file.name, ...(chat?.type === "group" ? { chatId: chat.chatId } : {}) });
  try {
    const res = await fetch(`${API_BASE}/send-file?${query.toString()}`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: file });
    const r = (await res.json()) as { message?: ChatMessage; delivery?: { status: number; skipped?: string; error?: string }; error?: string };
    if (!res.ok || !r.message || !r.delivery) throw new Error(r.error ?? String(res.status));
    onLiveMessage(r.message);
    if (r.delivery.skipped) toast("warning", "消息未送达机器人", r.delivery.skipped);
    else if (r.delivery.status !== 200) toast("error", "机器人没有应答", `The bot did not answer (${r.delivery.error ?? r.delivery.status})`);
  } catch (err) {
    toast("error", "发送失败", String(err));
  }
}

export function wireComposer(): void {
  const picker = document.getElementById("file-input") as HTMLInputElement | null;
  picker?.addEventListener("change", () => {
    const file = picker.files?.[0];
    picker.value = "";
    if (file) void sendFile(file);
  });
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
}
