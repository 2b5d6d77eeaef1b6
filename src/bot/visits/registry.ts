// Visits, pairing and mobile members (走访慰问, 结对帮扶, 流动党员): this area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { visitComplete } from "./actions/visit-complete.ts";
import { visitContactOpen } from "./actions/visit-contact-open.ts";
import { visitContactSave } from "./actions/visit-contact-save.ts";
import { visitListAction } from "./actions/visit-list.ts";
import { visitOpen } from "./actions/visit-open.ts";
import { visitPairingCreate } from "./actions/visit-pairing-create.ts";
import { visitPairingEnd } from "./actions/visit-pairing-end.ts";
import { mobileMembersCommand } from "./commands/mobile-members.ts";
import { pairing } from "./commands/pairing.ts";
import { visitReassign } from "./commands/visit-reassign.ts";
import { visitReport } from "./commands/visit-report.ts";
import { visitStats } from "./commands/visit-stats.ts";
import { visits } from "./commands/visits.ts";

export const VISIT_COMMANDS: readonly Command[] = [visits, visitReport, pairing, visitStats, mobileMembersCommand, visitReassign];

// Each action keeps its own value/form types in its file; the list erases them.
export const VISIT_ACTIONS: readonly CardAction<any, any>[] = [
  visitOpen,
  visitComplete,
  visitListAction,
  visitPairingCreate,
  visitPairingEnd,
  visitContactOpen,
  visitContactSave,
];
