// The one list of what the bot can do. Adding a command or a card action is a new file plus
// one line here; help, routing, menu keys and the set of valid action ids derive from it.
import type { CardAction, Command } from "./context.ts";
import { help } from "./commands/help.ts";
import { whoami } from "./commands/whoami.ts";

export const COMMANDS: readonly Command[] = [help, whoami];

// Each action keeps its own value/form types in its file; the list erases them.
export const ACTIONS: readonly CardAction<any, any>[] = [];
