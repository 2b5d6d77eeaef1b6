// What the router answers when a text runs no command: the suggestion card, offering only what
// this person may run (in a group the private-only ones too, marked as answered privately), and
// filled up from what their role reaches for most; thanks get a short friendly line.
import { suggestCard, type SuggestOffer } from "../../../cards/suggest.ts";
import type { Actor } from "../../domain/roles.ts";
import type { Text } from "../../domain/text.ts";
import type { Command, Outgoing } from "../context.ts";
import { HELP_TOPICS, QUICK_BY_ROLE, QUICK_ROLE_ORDER } from "../core/help-topics.ts";
import { mayRun } from "../visible-commands.ts";
import type { Heard } from "./understand.ts";

/** Two or three buttons: enough to choose from on a phone, few enough to read at a glance. */
const OFFERED = 3;

const shortUse = new Map(HELP_TOPICS.flatMap((topic) => Object.entries(topic.commands)));

export function unsureAnswer(actor: Actor, heard: Extract<Heard, { kind: "unsure" }>, commands: readonly Command[], group: boolean): Outgoing {
  const offers: { command: Command; args: string; typo: boolean }[] = [];
  const add = (command: Command, args = "", typo = false) => {
    if (offers.length < OFFERED && mayRun(actor, command) && !offers.some((o) => o.command === command)) offers.push({ command, args, typo });
  };
  for (const g of heard.guesses) add(g.command, g.args, g.why === "typo");
  const role = QUICK_ROLE_ORDER.find((r) => actor.grants.some((g) => g.role === r)) ?? "MEMBER";
  const byName = new Map(commands.map((c) => [c.name, c]));
  for (const name of [...QUICK_BY_ROLE[role], "帮助"]) {
    const command = byName.get(name);
    if (command) add(command);
  }
  const why = heard.trouble && offers[0]?.command.name === "求助" ? "trouble" : offers[0]?.typo ? "typo" : heard.heard ? "unknown" : "empty";
  return {
    card: suggestCard({
      heard: heard.heard,
      why,
      group,
      offers: offers.map(({ command, args }): SuggestOffer => ({
        name: command.name,
        use: shortUse.get(command.name) ?? command.summary,
        ...(args ? { args } : {}),
        ...(command.privateOnly ? { privateOnly: true } : {}),
      })),
    }),
  };
}

export const thanksText: Text = {
  zh: "不客气！有需要随时找我，发送「帮助」查看全部功能。",
  en: "You are welcome! Send “帮助” (help) whenever you need me.",
};
