// The roster over time (组织关系变动): transfers out and in, deaths, departures, suspension and
// restoring, each confirmed on a card and undoable for a while; spread into the one registry
// (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { changeCancel } from "./actions/change-cancel.ts";
import { changeConfirm } from "./actions/change-confirm.ts";
import { changeUndo } from "./actions/change-undo.ts";
import { rosterReview } from "./actions/roster-review.ts";
import { death } from "./commands/death.ts";
import { leave } from "./commands/leave.ts";
import { restore } from "./commands/restore.ts";
import { suspend } from "./commands/suspend.ts";
import { transferIn } from "./commands/transfer-in.ts";
import { transferOut } from "./commands/transfer-out.ts";
import { undoCommand } from "./commands/undo.ts";

export const ROSTER_COMMANDS: readonly Command[] = [transferOut, transferIn, death, leave, suspend, restore, undoCommand];

// Each action keeps its own value type in its file; the list erases them.
export const ROSTER_ACTIONS: readonly CardAction<any, any>[] = [changeConfirm, changeCancel, changeUndo, rosterReview];
