// The side panel's clock: sandbox time (Beijing), moved by days or to a festival ahead, and the
// scheduled tasks with a button to run each now.
import { $, api, toDom } from "./dom.ts";
import { toast } from "./notices.ts";
import type { FestivalJump, TaskInfo } from "./protocol.ts";

const DAY_MS = 24 * 3600_000;
const clockFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
const weekFmt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", weekday: "long" });

/** Shows the time (asked for when not given) and the festivals ahead of it, keeping the chosen one. */
export async function showClock(now?: string): Promise<void> {
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

async function runTask(task: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const out = $("task-result");
  try {
    const r = await api<{ result: unknown }>(`/run/${encodeURIComponent(task)}`, {});
    out.hidden = false;
    out.textContent = `${task} ✓ ${JSON.stringify(r.result ?? null, null, 1)}`;
    toast("success", `已运行 ${task}`, `Ran ${task}`);
  } catch (err) {
    out.hidden = false;
    out.textContent = `${task} ✕ ${String(err)}`;
    toast("error", `运行失败 ${task}`, String(err));
  } finally {
    button.disabled = false;
  }
}

export async function showTasks(): Promise<void> {
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
      b.addEventListener("click", () => void runTask(t.task, b));
      li.append(b);
      return li;
    }),
  );
}

export function wireClock(): void {
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-advance-days]"))) {
    b.addEventListener("click", () => void moveClock({ advanceMs: Number(b.dataset.advanceDays) * DAY_MS }));
  }
  $("jump").addEventListener("click", () => {
    const to = $<HTMLSelectElement>("festival").value;
    if (to) void moveClock({ to });
  });
}
