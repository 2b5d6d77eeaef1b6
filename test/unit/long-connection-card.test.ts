// A card.action.trigger as the long connection carries it (no operator.user_id, the chat only
// in context.open_chat_id) normalises to the same action as the webhook's.
import { describe, expect, it } from "vitest";
import { buildEnvelope, cardActionEvent } from "../../src/double/events.ts";
import { longConnectionEnvelope } from "../../src/double/ws-payloads.ts";
import { envelopeSchema, normaliseCardAction } from "../../src/lark/events.ts";

const ctx = { appId: "cli_0123456789abcdef", tenantKey: "tenant_x", verificationToken: "v", now: () => 1_800_000_000_000 };
const user = { open_id: "ou_zhang", union_id: "on_zhang", user_id: "u1", name: "张三", resigned: false };

describe("long-connection card callback", () => {
  const webhook = buildEnvelope(ctx, "card.action.trigger", cardActionEvent(ctx, { user, token: "c-1", messageId: "om_1", chatId: "oc_1", action: { tag: "button", value: { a: "x" } } }));
  const ws = longConnectionEnvelope(webhook) as typeof webhook;

  it("has no operator.user_id and keeps context.open_chat_id", () => {
    expect(ws.event.operator).toEqual({ tenant_key: "tenant_x", open_id: "ou_zhang", union_id: "on_zhang" });
    expect(ws.event.context).toEqual({ open_message_id: "om_1", open_chat_id: "oc_1" });
    expect(webhook.event.operator).toMatchObject({ user_id: "u1" });
  });

  it("normalises to the same action as the webhook's", () => {
    const fromWs = normaliseCardAction(envelopeSchema.parse(ws));
    expect(fromWs).toMatchObject({ kind: "card_action", openId: "ou_zhang", messageId: "om_1", chatId: "oc_1", value: { a: "x" } });
    expect(fromWs).toEqual(normaliseCardAction(envelopeSchema.parse(webhook)));
  });

  it("leaves other events as they are", () => {
    const menu = buildEnvelope(ctx, "application.bot.menu_v6", { operator: { operator_id: { open_id: "ou_zhang", user_id: "u1" } }, event_key: "help" });
    expect(longConnectionEnvelope(menu)).toBe(menu);
  });
});
