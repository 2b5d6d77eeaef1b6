// Organisations pairing with organisations (组织结对): the pairing, its contacts and joint activities.
// This area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { orgPairingAccept } from "./actions/org-pairing-accept.ts";
import { orgPairingActivityOpen } from "./actions/org-pairing-activity-open.ts";
import { orgPairingActivitySave } from "./actions/org-pairing-activity-save.ts";
import { orgPairingCreate } from "./actions/org-pairing-create.ts";
import { orgPairingDecline } from "./actions/org-pairing-decline.ts";
import { orgPairingEnd } from "./actions/org-pairing-end.ts";
import { orgPairingEndOpen } from "./actions/org-pairing-end-open.ts";
import { orgPairingList } from "./actions/org-pairing-list.ts";
import { orgPairingNew } from "./actions/org-pairing-new.ts";
import { orgPairingActivity } from "./commands/org-pairing-activity.ts";
import { orgPairing } from "./commands/org-pairing.ts";

export const ORG_PAIRING_COMMANDS: readonly Command[] = [orgPairing, orgPairingActivity];

// Each action keeps its own value/form types in its file; the list erases them.
export const ORG_PAIRING_ACTIONS: readonly CardAction<any, any>[] = [orgPairingNew, orgPairingCreate, orgPairingAccept, orgPairingDecline, orgPairingActivityOpen, orgPairingActivitySave, orgPairingEndOpen, orgPairingEnd, orgPairingList];
