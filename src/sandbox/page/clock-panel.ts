// The side panel's clock: sandbox time (Beijing, written 2026-12-03 09:00), moved by days or to
// a festival ahead (the next one chosen first), and the scheduled tasks in words: what each is,
// when it runs, a button to run it now, and what its last run did (the raw result behind 详情).
import { $, api, toDom } from "./dom.ts";
import { toast } from "./notices.ts";
import type { FestivalJump, TaskInfo, TaskRun, Words } from "./protocol.ts";
import { state } from "./state.ts";
import { beijingDateTime, beijingWeekday } from "./time-format.ts";
import type { VNode } from "./vnode.ts";

const DAY_MS = 24 * 3600_000;

/** The side of a text in the page's language. */
const say = (w: Words) => (state.locale === "en_us" ? w.en : w.zh);

/** Shows the time (asked for when not given) and the festivals ahead of it, keeping the chosen one. */
export async function showClock(now?: string): Promise<void> {
  const iso = now ?? (await api<{ now: string }>("/clock")).now;
  $("clock-now").textContent = beijingDateTime(iso);
  $("clock-now").dataset.iso = iso;
  $("clock-week").textContent = `${beijingWeekday(iso)} · 北京时间 Beijing time`;
  // In date order from the server: the first is the next festival.
  const festivals = await api<FestivalJump[]>("/festivals");
  const sel = $<HTMLSelectElement>("festival");
  const keep = sel.value;
  sel.replaceChildren(
    ...festivals.map((f) => {
      const o = document.createElement("option");
      o.value = f.jumpTo;
      o.dataset.key = f.key;
      o.dataset.date = f.date;
      o.textContent = `${f.zh} ${f.date}`;
      return o;
    }),
  );
  const again = festivals.find((f) => f.jumpTo === keep);
  sel.value = again?.jumpTo ?? festivals[0]?.jumpTo ?? "";
  showJumpTarget();
}

/** Where 跳转 lands, under the picker. */
function showJumpTarget(): void {
  const to = $<HTMLSelectElement>("festival").value;
  $("festival-jump").textContent = to ? `跳到 ${beijingDateTime(to)}（北京时间）` : "";
}

async function moveClock(body: { advanceMs: number } | { to: string }): Promise<void> {
  try {
    const r = await api<{ now: string }>("/clock", body);
    await showClock(r.now);
    toast("info", `沙盒时间：${beijingDateTime(r.now)}`, "Sandbox time moved");
  } catch (err) {
    toast("error", "无法调整时间", String(err));
  }
}

let tasks: TaskInfo[] = [];

function lastRunNodes(run: TaskRun | undefined): VNode[] {
  if (!run) return [{ tag: "div", attrs: { class: "task-last none" }, children: [state.locale === "en_us" ? "Not run from this page yet" : "还没有从本页运行过"] }];
  return [
    {
      tag: "div",
      attrs: { class: `task-last ${run.ok ? "ok" : "failed"}`, "data-testid": "task-last" },
      children: [
        { tag: "span", attrs: { class: "task-at" }, children: [`${state.locale === "en_us" ? "Last run" : "上次运行"} ${beijingDateTime(run.at)}`] },
        { tag: "span", attrs: { class: "task-said" }, children: [`${run.ok ? "✓" : "✕"} ${say(run.said)}`] },
      ],
    },
    {
      tag: "details",
      attrs: { class: "task-detail" },
      children: [
        { tag: "summary", attrs: {}, children: [state.locale === "en_us" ? "Details" : "详情"] },
        { tag: "pre", attrs: {}, children: [JSON.stringify(run.detail, null, 1)] },
      ],
    },
  ];
}

function taskRow(t: TaskInfo): HTMLLIElement {
  const li = document.createElement("li");
  li.dataset.taskRow = t.task;
  const b = document.createElement("button");
  b.type = "button";
  b.className = "pbtn";
  b.dataset.task = t.task;
  b.title = t.task;
  b.textContent = state.locale === "en_us" ? "Run now" : "立即运行";
  b.addEventListener("click", () => void runTask(t.task, b));
  const head = toDom({ tag: "div", attrs: { class: "task-head" }, children: [{ tag: "span", attrs: { class: "task-name" }, children: [say(t.name)] }] });
  head.appendChild(b);
  li.append(head, toDom({ tag: "div", attrs: { class: "task-when" }, children: [say(t.when)] }), ...lastRunNodes(t.lastRun).map(toDom));
  return li;
}

function drawTasks(): void {
  $("tasks").replaceChildren(...tasks.map(taskRow));
}

/** A run (from this page or another open one): its row shows what it did. */
export function onTaskRun(run: TaskRun): void {
  const t = tasks.find((x) => x.task === run.task);
  if (!t) return;
  t.lastRun = run;
  $("tasks").querySelector(`[data-task-row="${CSS.escape(run.task)}"]`)?.replaceWith(taskRow(t));
}

async function runTask(task: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const name = tasks.find((x) => x.task === task)?.name ?? { zh: task, en: task };
  try {
    const r = await api<{ run: TaskRun }>(`/run/${encodeURIComponent(task)}`, {});
    onTaskRun(r.run);
    toast("success", `${name.zh}：${r.run.said.zh}`, `${name.en}: ${r.run.said.en}`);
  } catch (err) {
    toast("error", `${name.zh}：运行失败`, String(err));
    button.disabled = false;
  }
}

export async function showTasks(): Promise<void> {
  tasks = await api<TaskInfo[]>("/tasks");
  drawTasks();
}

/** The card language changed: the tasks are told in it too. */
export function redrawTasks(): void {
  drawTasks();
}

export function wireClock(): void {
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-advance-days]"))) {
    b.addEventListener("click", () => void moveClock({ advanceMs: Number(b.dataset.advanceDays) * DAY_MS }));
  }
  $("festival").addEventListener("change", showJumpTarget);
  $("jump").addEventListener("click", () => {
    const to = $<HTMLSelectElement>("festival").value;
    if (to) void moveClock({ to });
  });
}
