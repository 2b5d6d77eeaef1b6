// Help, who-am-I and the language, what every person in the roster can ask: this area's commands and actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { help } from "./commands/help.ts";
import { whoami } from "./commands/whoami.ts";
import { language } from "./commands/language.ts";
import { languageSet } from "./actions/language-set.ts";
import { runCommand } from "./actions/run-command.ts";

export const CORE_COMMANDS: readonly Command[] = [help, whoami, language];

export const CORE_ACTIONS: readonly CardAction<any, any>[] = [languageSet, runCommand];
