// A refusal that guides: why the command cannot be used here, and what the person can do
// instead: a button for each command of theirs that fits, which runs it as if typed (the help
// and suggestion cards' click, RUN_COMMAND_ACTION), and whom to ask when none does (the branch
// secretary, by name when the roster knows one).
import { RUN_COMMAND_ACTION } from "./help.ts";
import { button, card, columns, md, note, t, type Card, type Element, type Text } from "./kit.ts";

export interface RefusalView {
  /** The command word the person used. */
  command: string;
  /** Who may use it, e.g. "党员领导干部、支部书记". */
  allowed: Text;
  /** Commands this person may run instead, with what each does. */
  instead: { name: string; use: Text }[];
  /** Whom to ask, when the command is another's to run; names empty when the roster knows none. */
  ask: { role: Text; names: string[] } | null;
  /** Drawn for a group chat: a button for a private-only command answers in the private chat. */
  group?: boolean;
}

/** "请联系支部书记王建国办理。" (names run on, as Chinese writes them). */
export function askText(ask: { role: Text; names: string[] }): Text {
  return ask.names.length > 0
    ? { zh: `请联系${ask.role.zh}${ask.names.join("、")}办理。`, en: `Please ask your ${ask.role.en} (${ask.names.join(", ")}).` }
    : { zh: `请联系本支部${ask.role.zh}办理。`, en: `Please ask your branch ${ask.role.en}.` };
}

export function refusalCard(v: RefusalView): Card {
  const elements: Element[] = [
    md({
      zh: `「${v.command}」供${v.allowed.zh}使用，您在该支部没有进行此操作的权限。`,
      en: `"${v.command}" is for the ${v.allowed.en}; your role in this branch does not allow it.`,
    }),
  ];
  if (v.instead.length > 0) {
    elements.push(
      md({
        zh: ["**您可以：**", ...v.instead.map((c) => `**${c.name}**　${c.use.zh}`)].join("\n"),
        en: ["**You can:**", ...v.instead.map((c) => `**${c.name}**: ${c.use.en}`)].join("\n"),
      }),
      columns(
        v.instead.slice(0, 3).map((c, i) => [button({ text: { zh: c.name, en: c.name }, action: RUN_COMMAND_ACTION, value: { c: c.name, ...(v.group ? { g: 1 } : {}) }, type: i === 0 ? "primary" : "default" })]),
        { flex: "none" },
      ),
    );
  }
  if (v.ask) elements.push(md(askText(v.ask)));
  elements.push(note(t("发送「帮助」查看您可以使用的全部功能。", "Send “help” to see everything you can do.")));
  return card({ title: { zh: `无法使用「${v.command}」`, en: `"${v.command}" is not available to you` }, template: "orange", elements });
}
