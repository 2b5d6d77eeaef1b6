// Organisations pairing with organisations (组织结对): the pairing, its contacts and joint activities.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";

export const ORG_PAIRING_COMMANDS: readonly Command[] = [];

// Each action keeps its own value/form types in its file; the list erases them.
export const ORG_PAIRING_ACTIONS: readonly CardAction<any, any>[] = [];
