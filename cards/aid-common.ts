// What the aid cards share: the ids of their actions (the router looks them up in the registry),
// form field names, and small text helpers. Cards take plain, already-formatted data.
import { md, plain, type Element, type Text } from "./kit.ts";

export const AID_ACTION = {
  submit: "aid-submit",
  approve: "aid-approve",
  reject: "aid-reject",
  askInfo: "aid-ask-info",
  answerInfo: "aid-answer-info",
  open: "aid-open",
  /** The member's receipt: 撤回 before the decision, and 催办 once a day. */
  withdraw: "aid-withdraw",
  urge: "aid-urge",
  fundIncome: "fund-income",
  /** 收支公开: the private preview (from the fund card), then its 确认公开 or 取消. */
  fundDisclose: "fund-disclose",
  fundDiscloseConfirm: "fund-disclose-confirm",
  fundDiscloseCancel: "fund-disclose-cancel",
  hardshipForm: "hardship-form",
  hardshipOpen: "hardship-open",
  hardshipView: "hardship-view",
  hardshipUpdate: "hardship-update",
  hardshipResolve: "hardship-resolve",
  /** 冲正: open the reversal form for a ledger entry (from the fund card) or a request (from its card). */
  reverseOpen: "fund-reverse-open",
  aidReverseOpen: "aid-reverse-open",
  reverse: "fund-reverse",
  reverseCancel: "fund-reverse-cancel",
} as const;

/** User-typed text inside card markdown: no tags (<at>, <font>) or links sneak in. */
export function esc(s: string): string {
  return s.replace(/</g, "＜").replace(/>/g, "＞").replace(/\[/g, "［").replace(/\]/g, "］");
}

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Markdown from bilingual lines, one per line. */
export function mdLines(lines: readonly Text[]): Element {
  return md({ zh: lines.map((l) => l.zh).join("\n"), en: lines.map((l) => l.en).join("\n") });
}

export const joinText = (parts: readonly Text[], zhSep = "、", enSep = ", "): Text => ({
  zh: parts.map((p) => p.zh).join(zhSep),
  en: parts.map((p) => p.en).join(enSep),
});

/** A line of text with a small button at its right (a ledger line and its 冲正), which kit.ts's equal columns do not give. */
export function lineWithButton(text: Element, action: Element): Element {
  return {
    tag: "column_set",
    flex_mode: "none",
    columns: [
      { tag: "column", width: "weighted", weight: 5, vertical_align: "center", elements: [text] },
      { tag: "column", width: "auto", vertical_align: "center", elements: [action] },
    ],
  };
}

/** A multi-select, which kit.ts does not build yet. */
export function multiSelect(opts: { name: string; placeholder: Text; options: { value: string; text: Text }[]; selected?: string[] }): Element {
  return {
    tag: "multi_select_static",
    name: opts.name,
    placeholder: plain(opts.placeholder),
    required: false,
    ...(opts.selected && opts.selected.length > 0 ? { selected_values: opts.selected } : {}),
    options: opts.options.map((o) => ({ text: plain(o.text), value: o.value })),
  };
}
