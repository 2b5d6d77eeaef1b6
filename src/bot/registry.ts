// The one list of what the bot can do: each care area's slice, in the order help shows them.
// Adding a command or a card action is a new file in its area plus one line in that area's
// registry.ts; help, routing, menu keys and the set of valid action ids derive from this list.
import type { CardAction, Command } from "./context.ts";
import { AID_ACTIONS, AID_COMMANDS } from "./aid/registry.ts";
import { CALENDAR_ACTIONS, CALENDAR_COMMANDS } from "./calendar/registry.ts";
import { COMMITTEE_ACTIONS, COMMITTEE_COMMANDS } from "./committee/registry.ts";
import { CORE_ACTIONS, CORE_COMMANDS } from "./core/registry.ts";
import { ESCALATION_ACTIONS, ESCALATION_COMMANDS } from "./escalation/registry.ts";
import { ORG_PAIRING_ACTIONS, ORG_PAIRING_COMMANDS } from "./org-pairing/registry.ts";
import { PRIVACY_ACTIONS, PRIVACY_COMMANDS } from "./privacy/registry.ts";
import { ROSTER_ACTIONS, ROSTER_COMMANDS } from "./roster/registry.ts";
import { SUGGESTION_ACTIONS, SUGGESTION_COMMANDS } from "./suggestions/registry.ts";
import { TALK_ACTIONS, TALK_COMMANDS } from "./talks/registry.ts";
import { VISIT_ACTIONS, VISIT_COMMANDS } from "./visits/registry.ts";
import { WORK_ACTIONS, WORK_COMMANDS } from "./work/registry.ts";
import { YEAR_REPORT_ACTIONS, YEAR_REPORT_COMMANDS } from "./year-report/registry.ts";

export const COMMANDS: readonly Command[] = [...CORE_COMMANDS, ...AID_COMMANDS, ...TALK_COMMANDS, ...VISIT_COMMANDS, ...WORK_COMMANDS, ...SUGGESTION_COMMANDS, ...ORG_PAIRING_COMMANDS, ...COMMITTEE_COMMANDS, ...ESCALATION_COMMANDS, ...YEAR_REPORT_COMMANDS, ...ROSTER_COMMANDS, ...CALENDAR_COMMANDS, ...PRIVACY_COMMANDS];

export const ACTIONS: readonly CardAction<any, any>[] = [...CORE_ACTIONS, ...AID_ACTIONS, ...TALK_ACTIONS, ...VISIT_ACTIONS, ...WORK_ACTIONS, ...SUGGESTION_ACTIONS, ...ORG_PAIRING_ACTIONS, ...COMMITTEE_ACTIONS, ...ESCALATION_ACTIONS, ...YEAR_REPORT_ACTIONS, ...ROSTER_ACTIONS, ...CALENDAR_ACTIONS, ...PRIVACY_ACTIONS];
