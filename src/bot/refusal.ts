// Refusals that guide. A command the person's roles do not allow answers a card saying who may
// use it and offering, as buttons, the commands of theirs that fit (each command's `instead`,
// filled in its own file) or whom to ask; a private-only command asked for in a group answers a
// card whose button opens the private chat. A refusal from inside a handler or a card action
// (NotAllowed) is a line of text or a toast, so it gets the same guidance in words.
import { privateChatCard } from "../../cards/private-chat.ts";
import { askText, refusalCard } from "../../cards/refusal.ts";
import type { Text } from "../../cards/kit.ts";
import { ROLE_LABEL, type Actor } from "../domain/roles.ts";
import type { Config } from "../config.ts";
import { botChatLink } from "../lark/applink.ts";
import type { Stores } from "../store/stores.ts";
import type { Command, Instead, Outgoing } from "./context.ts";
import { NotAllowed, type UserError } from "./errors.ts";
import { insteadFor } from "./visible-commands.ts";

const joinZh = (xs: readonly string[]) => xs.join("、");

/** Whom to ask: the secretaries of the person's branches, by name (never the person themself). */
async function askOf(store: Stores, actor: Actor, instead: Instead | undefined): Promise<{ role: Text; names: string[] } | null> {
  if (!instead?.ask) return null;
  const orgIds = [...new Set(actor.grants.map((g) => g.orgId))];
  const contacts = await store.orgContacts.secretariesOf(orgIds);
  const names = [...new Set(contacts.filter((c) => c.personId !== actor.personId).map((c) => c.name))];
  return { role: ROLE_LABEL[instead.ask], names };
}

/** The refusal card for a command the person's roles do not allow. */
export async function refusalOf(store: Stores, actor: Actor, refused: Command, commands: readonly Command[], group = false): Promise<Outgoing> {
  const roles = refused.roles === "anyone" ? [] : refused.roles;
  const instead = insteadFor(actor, refused.instead?.commands ?? [], commands, refused);
  return {
    card: refusalCard({
      command: refused.name,
      allowed: { zh: joinZh(roles.map((r) => ROLE_LABEL[r].zh)), en: roles.map((r) => ROLE_LABEL[r].en).join(" or ") },
      instead: instead.map((c) => ({ name: c.name, use: c.summary })),
      ask: await askOf(store, actor, refused.instead),
      group,
    }),
  };
}

/** A private-only command asked for in a group: a card whose button opens the private chat. */
export function privateChatAnswer(config: Pick<Config, "lark">, command: Command): Outgoing {
  return { card: privateChatCard({ command: command.name, url: botChatLink(config.lark) }) };
}

/**
 * A refusal's words with what the person can do instead, for a reply or a toast (which holds no
 * buttons): the commands the handler named, else the refused command's own `instead`, else 帮助.
 * Any other UserError is said as it is.
 */
export async function guidedText(err: UserError, store: Stores, actor: Actor, commands: readonly Command[], refused?: Command): Promise<Text> {
  if (!(err instanceof NotAllowed)) return err.text;
  const names = err.instead.length > 0 ? err.instead : (refused?.instead?.commands ?? []);
  const offered = insteadFor(actor, names, commands, refused);
  const ask = offered.length === 0 ? await askOf(store, actor, refused?.instead) : null;
  const more: Text =
    offered.length > 0
      ? {
          zh: `您可以${offered.map((c) => `发送「${c.name}」${c.summary.zh}`).join("；或")}。`,
          en: `You can ${offered.map((c) => `send "${c.name}" to ${c.summary.en}`).join("; or ")}.`,
        }
      : ask
        ? askText(ask)
        : { zh: "发送「帮助」查看您可以使用的功能。", en: "Send “help” to see what you can do." };
  return { zh: `${err.text.zh}${more.zh}`, en: `${err.text.en} ${more.en}` };
}
