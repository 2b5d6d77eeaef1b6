// The committee's view (党委): every view over the organisations below, with a drill-down to a branch.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { committeeBranch } from "./actions/branch.ts";
import { committeePage } from "./actions/page.ts";
import { committeeOverview } from "./commands/overview.ts";

export const COMMITTEE_COMMANDS: readonly Command[] = [committeeOverview];

// Each action keeps its own value/form types in its file; the list erases them.
export const COMMITTEE_ACTIONS: readonly CardAction<any, any>[] = [committeeBranch, committeePage];
