// Lark-looking identifiers. Prefixes match Lark's (ou_ open_id, on_ union_id, oc_ chat,
// om_ message, t- tenant token) so code that sniffs prefixes behaves as in production.
import { randomBytes } from "node:crypto";

export function hexId(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}

export const newOpenId = (): string => `ou_${hexId()}`;
export const newUnionId = (): string => `on_${hexId()}`;
export const newUserId = (): string => hexId(4);
export const newChatId = (): string => `oc_${hexId()}`;
export const newMessageId = (): string => `om_${hexId()}`;
export const newTenantToken = (): string => `t-${hexId(20)}`;
export const newEventId = (): string => hexId();

/** Deterministic, so a test can predict where a message to a user lands. */
export const p2pChatId = (openId: string): string => `oc_p2p_${openId}`;
