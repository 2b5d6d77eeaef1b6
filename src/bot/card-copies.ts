// A card sent to several people (an approval card to every decider of a branch) has copies, found
// by their outbox keys' common prefix. After a change every other copy is redrawn, so a stale
// copy never invites a second decision.
import type { Card } from "../../cards/kit.ts";
import type { CardCopy } from "../store/outbox.ts";
import type { BaseContext } from "./context.ts";

/** A handler's context with the key of the event it handles (keys of what it stages derive from it). */
export type KeyedContext = BaseContext & { inbound: { key: string } };

/**
 * Redraws every copy but `exceptMessageId` (the clicked one, which the action's answer replaces):
 * sent ones are patched after commit, ones still waiting in the outbox go out with the new content.
 */
export async function refreshCopies(ctx: KeyedContext, copies: readonly CardCopy[], card: Card, exceptMessageId: string | undefined): Promise<void> {
  const patch = (c: CardCopy): void => {
    if (c.status === "SENT" && c.larkMessageId && c.larkMessageId !== exceptMessageId) ctx.patch(c.larkMessageId, card, `aid-sync-${c.id}-${ctx.inbound.key}`);
  };
  copies.forEach(patch);
  const waiting = copies.filter((c) => c.status === "PENDING").map((c) => c.id);
  // A copy the worker recorded sent after `copies` was read went out old and is patched too.
  (await ctx.store.outbox.rewriteWaiting(waiting, card)).forEach(patch);
}
