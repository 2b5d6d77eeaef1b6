// The sandbox page in the browser: pick who you are, chat with the bot in private or in the
// branch group, click cards, move the clock and run the schedulers. Everything goes through
// /sandbox/api (and from there through the Lark double); live updates come over one
// server-sent-event stream. Bundled by bundle.ts from this entry; no framework. The parts:
// chat-list (who, which chat), message-pane, composer, card-actions, clock-panel.
import { wireCards } from "./card-actions.ts";
import { onLiveMessage, selectChat, selectPerson, updateUrl, wireChatSelect } from "./chat-list.ts";
import { onTaskRun, redrawTasks, showClock, showTasks, wireClock } from "./clock-panel.ts";
import { wireComposer } from "./composer.ts";
import { $, api, STREAM_URL, toDom } from "./dom.ts";
import { upsertMessage } from "./message-pane.ts";
import { toast } from "./notices.ts";
import type { ChatMessage, PersonSummary, TaskRun } from "./protocol.ts";
import { state } from "./state.ts";

function connect(): void {
  const es = new EventSource(STREAM_URL);
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
  es.addEventListener("task", (e) => onTaskRun(JSON.parse((e as MessageEvent<string>).data) as TaskRun));
}

/** 中文 / English: cards are drawn again in the chosen language, as Lark does for its user. */
function wireLocale(): void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>("[data-locale]"));
  for (const x of buttons) x.classList.toggle("on", x.dataset.locale === state.locale);
  for (const b of buttons) {
    b.addEventListener("click", () => {
      state.locale = b.dataset.locale === "en_us" ? "en_us" : "zh_cn";
      for (const x of buttons) x.classList.toggle("on", x === b);
      updateUrl();
      for (const m of [...state.messages.values()]) if (m.msgType === "interactive") upsertMessage(m);
      redrawTasks();
    });
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  state.locale = params.get("lang") === "en_us" ? "en_us" : "zh_cn";
  wireLocale();
  const info = await api<{ botName: string }>("/double");
  state.botName = info.botName;
  state.people = await api<PersonSummary[]>("/people");
  wireCards();
  wireClock();
  wireComposer();
  wireChatSelect();
  $<HTMLSelectElement>("who").addEventListener("change", (e) => void selectPerson((e.target as HTMLSelectElement).value));
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
