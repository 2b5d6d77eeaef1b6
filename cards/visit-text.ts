// What the visit cards share: action ids (the router finds them in the registry), labels, and
// small text helpers. Cards take plain, already-resolved data; nothing here reads the store.
import { md, type Element, type Text } from "./kit.ts";

export const VISIT_ACTION = {
  open: "visit-open",
  complete: "visit-complete",
  list: "visit-list",
  pairingCreate: "visit-pairing-create",
  pairingEnd: "visit-pairing-end",
  contactOpen: "visit-contact-open",
  contactSave: "visit-contact-save",
} as const;

/** User-typed text inside card markdown: no tags (<at>, <font>) or links sneak in. */
export function esc(s: string): string {
  return s.replace(/</g, "＜").replace(/>/g, "＞").replace(/\[/g, "［").replace(/\]/g, "］").replace(/\*/g, "＊");
}

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function lines(ls: readonly Text[]): Element {
  return md({ zh: ls.map((l) => l.zh).join("\n"), en: ls.map((l) => l.en).join("\n") });
}

/** "还有 5 项未列出" when a list was cut to fit a card. */
export function moreText(shown: number, total: number, hint: Text): Text | null {
  if (total <= shown) return null;
  return { zh: `另有 ${total - shown} 项未列出，${hint.zh}`, en: `${total - shown} more not shown; ${hint.en}` };
}
