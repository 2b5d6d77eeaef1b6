// Privacy (个人信息保护): reading the audit of one's own records (and, for a secretary, a
// member's), one's own data as a file, and the talk ledger with notes for a secretary; this
// area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { auditExport } from "./actions/audit-export.ts";
import { auditMine } from "./actions/audit-mine.ts";
import { auditRead } from "./actions/audit-read.ts";
import { auditLookup } from "./commands/audit-lookup.ts";
import { exportTalkNotes } from "./commands/export-talk-notes.ts";
import { myData } from "./commands/my-data.ts";
import { whoReadMine } from "./commands/who-read-mine.ts";

export const PRIVACY_COMMANDS: readonly Command[] = [whoReadMine, myData, auditLookup, exportTalkNotes];

// Each action keeps its own value/form types in its file; the list erases them.
export const PRIVACY_ACTIONS: readonly CardAction<any, any>[] = [auditMine, auditRead, auditExport];
