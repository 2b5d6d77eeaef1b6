// The answer to a text the bot could not place: one short line, the two or three commands it
// most likely meant as buttons (a click runs the command as if typed: RUN_COMMAND_ACTION), and
// the way to everything else. Never a bare "not understood": someone in trouble who types in
// their own words is offered 求助 first.
import { RUN_COMMAND_ACTION } from "./help.ts";
import { button, card, columns, md, note, t, type Card, type Element, type Text } from "./kit.ts";

export interface SuggestOffer {
  /** The command word the button runs. */
  name: string;
  /** Arguments the person already typed after a slip ("谈新 张三" → 谈心 with 张三). */
  args?: string;
  use: Text;
  /** Answers only in the private chat (offered in a group, said so on the card). */
  privateOnly?: boolean;
}

export interface SuggestData {
  /** What was sent, as sent (shortened here). */
  heard: string;
  /** typo: one slip from the first offer; trouble: words of hardship; empty: nothing readable was sent. */
  why: "typo" | "trouble" | "unknown" | "empty";
  offers: SuggestOffer[];
  /** Drawn for a group chat: private-only offers answer in the private chat. */
  group?: boolean;
}

const short = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
const spoken = (o: SuggestOffer) => (o.args ? `${o.name} ${short(o.args)}` : o.name);

function opening(d: SuggestData): Text {
  const first = d.offers[0];
  switch (d.why) {
    case "typo":
      return first
        ? { zh: `没有听懂「${short(d.heard)}」，您是不是想发送「${spoken(first)}」？`, en: `I did not catch “${short(d.heard)}”. Did you mean “${spoken(first)}”?` }
        : { zh: `没有听懂「${short(d.heard)}」。`, en: `I did not catch “${short(d.heard)}”.` };
    case "trouble":
      return { zh: "遇到困难了吗？点「求助」向支部申请帮扶，支部书记会尽快处理。", en: "Having a hard time? Tap “求助” to ask your branch for help; the secretary will see to it soon." };
    case "empty":
      return { zh: "请用文字告诉我您想做什么，比如：", en: "Tell me in words what you would like to do, for example:" };
    case "unknown":
      return { zh: `没有听懂「${short(d.heard)}」，您可能想要：`, en: `I did not catch “${short(d.heard)}”. Perhaps you want:` };
  }
}

function offerLine(o: SuggestOffer, group: boolean): Text {
  const privately = group && o.privateOnly;
  return {
    zh: `**${spoken(o)}**　${o.use.zh}${privately ? "（私聊回复）" : ""}`,
    en: `**${spoken(o)}**: ${o.use.en}${privately ? " (answered in the private chat)" : ""}`,
  };
}

function offerButton(o: SuggestOffer, i: number, group: boolean): Element {
  return button({
    text: { zh: spoken(o), en: spoken(o) },
    action: RUN_COMMAND_ACTION,
    value: { c: o.name, ...(o.args ? { x: o.args } : {}), ...(group ? { g: 1 } : {}) },
    type: i === 0 ? "primary" : "default",
  });
}

export function suggestCard(d: SuggestData): Card {
  const group = d.group ?? false;
  const offers = d.offers.slice(0, 3);
  const elements: Element[] = [md(opening(d))];
  if (offers.length > 0) {
    elements.push(md({ zh: offers.map((o) => offerLine(o, group).zh).join("\n"), en: offers.map((o) => offerLine(o, group).en).join("\n") }));
    elements.push(columns(offers.map((o, i) => [offerButton(o, i, group)]), { flex: "none" }));
  }
  elements.push(note(t("发送「帮助」查看全部功能。", "Send “帮助” (help) to see everything I can do.")));
  return card({ title: t("同心 · 您是不是想…", "Tongxin · did you mean…"), template: d.why === "trouble" ? "orange" : "blue", elements });
}
