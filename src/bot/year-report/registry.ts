// The year-end report (年度报告), per branch and per committee, as a card and a file.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
// The December reminder's button runs 年度报告 through the core's cmd.run action.
import type { CardAction, Command } from "../context.ts";
import { yearReport } from "./commands/year-report.ts";

export const YEAR_REPORT_COMMANDS: readonly Command[] = [yearReport];

// Each action keeps its own value/form types in its file; the list erases them.
export const YEAR_REPORT_ACTIONS: readonly CardAction<any, any>[] = [];
