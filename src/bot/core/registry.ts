// Help and who-am-I, what every person in the roster can ask: this area's commands (no card actions), spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { help } from "./commands/help.ts";
import { whoami } from "./commands/whoami.ts";

export const CORE_COMMANDS: readonly Command[] = [help, whoami];

export const CORE_ACTIONS: readonly CardAction<any, any>[] = [];
