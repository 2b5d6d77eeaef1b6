// Escalations (上报): items a branch puts before the committee, and what the committee sees of them.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";

export const ESCALATION_COMMANDS: readonly Command[] = [];

// Each action keeps its own value/form types in its file; the list erases them.
export const ESCALATION_ACTIONS: readonly CardAction<any, any>[] = [];
