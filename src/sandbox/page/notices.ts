// Toasts (the page's own, and the bot's from a callback answer) and the confirm dialog a card
// button may ask for before its click is sent.
import { $, toDom } from "./dom.ts";

type ToastType = "success" | "error" | "info" | "warning";

export function toast(type: ToastType, zh: string, en?: string): void {
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
export function botToast(t: unknown): void {
  if (!t || typeof t !== "object") return;
  const o = t as { type?: string; content?: string; i18n?: { zh_cn?: string; en_us?: string } };
  const type = (["success", "error", "info", "warning"] as const).find((x) => x === o.type) ?? "info";
  toast(type, o.i18n?.zh_cn ?? o.content ?? "", o.i18n?.en_us);
}

export function confirmDialog(title: string, text: string): Promise<boolean> {
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
