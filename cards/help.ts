// 帮助, sized for a phone: only the commands this person may use where they asked (a group
// leaves out what must be asked privately), grouped by what they came to do, one short line
// each, and a row of buttons for what their role reaches for most. The Chinese side names each
// command by the word to type; English aliases belong on the English side only.
import { button, card, columns, md, note, t, type Card, type Element, type Text } from "./kit.ts";

export interface HelpLine {
  name: string;
  /** The English word an English reader may type instead (the first English alias), if any. */
  english?: string;
  use: Text;
}

export interface HelpSection {
  title: Text;
  lines: HelpLine[];
}

export interface HelpData {
  name: string;
  roles: Text[];
  sections: HelpSection[];
  /** Command names for the button row (two or three). */
  quick: string[];
  /** Asked in a group: how many of their commands work only in the private chat. */
  group?: { privateOnly: number };
  /** They said hello first: the card opens with a friendly line about how to ask. */
  greeted?: boolean;
}

/** The button that runs a command for the clicker, as if they had typed its word (src/bot/core/actions/run-command.ts). */
export const RUN_COMMAND_ACTION = "cmd.run";
/** `group`: the card sits in a group, so a private-only command answers in the private chat. */
export function commandButton(name: string, type: "primary" | "default" = "default", opts: { group?: boolean } = {}): Element {
  return button({ text: { zh: name, en: name }, action: RUN_COMMAND_ACTION, value: { c: name, ...(opts.group ? { g: 1 } : {}) }, type });
}

function sectionText(s: HelpSection): Text {
  return {
    zh: [`**${s.title.zh}**`, ...s.lines.map((l) => `**${l.name}**　${l.use.zh}`)].join("\n"),
    en: [`**${s.title.en}**`, ...s.lines.map((l) => `**${l.name}**${l.english ? ` (${l.english})` : ""}: ${l.use.en}`)].join("\n"),
  };
}

const greetingLine = (name: string): Text => ({
  zh: `${name}，您好！我是同心。想办什么事，直接发给我就行，比如「求助」「我的」。`,
  en: `Hello ${name}, I am Tongxin. Just tell me what you need, e.g. “求助” (help me) or “我的” (my requests).`,
});

export function helpCard(data: HelpData): Card {
  const roles = data.roles.length ? data.roles : [t("党员", "member")];
  const quick = data.quick.slice(0, 3);
  const elements: Element[] = [
    ...(data.greeted ? [md(greetingLine(data.name))] : []),
    md({ zh: `${data.name}，您好！您的身份：${roles.map((r) => r.zh).join("、")}。`, en: `Hello ${data.name}. Your roles: ${roles.map((r) => r.en).join(", ")}.` }),
    ...data.sections.filter((s) => s.lines.length > 0).map((s) => md(sectionText(s))),
  ];
  if (data.group && data.group.privateOnly > 0) {
    elements.push(
      note({
        zh: `以上是在群里可以用的功能。另有 ${data.group.privateOnly} 项涉及个人信息（如求助、我的），请在与同心的私聊中发送「帮助」查看。`,
        en: `These work in a group. ${data.group.privateOnly} more involve personal details (such as 求助, 我的): send "help" in a private chat with Tongxin to see them.`,
      }),
    );
  }
  if (quick.length > 0) elements.push(columns(quick.map((name, i) => [commandButton(name, i === 0 ? "primary" : "default", { group: data.group !== undefined })]), { flex: "none" }));
  elements.push(note(data.group ? t("在群里请先 @同心，再发送命令。", "In a group, @Tongxin first, then the command.") : t("直接发送命令即可，例如「求助」。", "Send the command word, e.g. “求助” (or “help me”).")));
  return card({ title: t("同心 · 能帮您做什么", "Tongxin · what I can do for you"), template: "red", elements });
}
