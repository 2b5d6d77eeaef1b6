// Escalations (上报): items a branch puts before the committee, and what the committee sees of them.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { escalationClose } from "./actions/escalation-close.ts";
import { escalationOpen } from "./actions/escalation-open.ts";
import { escalationRaise } from "./actions/escalation-raise.ts";
import { escalationList } from "./commands/escalations.ts";
import { raise } from "./commands/raise.ts";

export const ESCALATION_COMMANDS: readonly Command[] = [raise, escalationList];

// Each action keeps its own value/form types in its file; the list erases them.
export const ESCALATION_ACTIONS: readonly CardAction<any, any>[] = [escalationOpen, escalationClose, escalationRaise];
