// What Lark puts in a long-connection data frame, where it differs from the webhook body: the
// schema 2.0 envelope as plain JSON (no {"encrypt"} wrapper and no signature: the socket itself
// was authenticated by the endpoint call), and a `card.action.trigger` whose operator carries no
// `user_id` and whose chat is only in `context.open_chat_id` (as reported by bots that moved
// from the webhook to the long connection).

interface EnvelopeLike {
  header?: { event_type?: unknown };
  event?: Record<string, unknown>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The envelope as the long connection carries it; the webhook shape is left untouched. */
export function longConnectionEnvelope(envelope: unknown): unknown {
  const env = envelope as EnvelopeLike;
  if (!isRecord(envelope) || env.header?.event_type !== "card.action.trigger" || !isRecord(env.event)) return envelope;
  const { operator, context, ...rest } = env.event;
  const { user_id: _dropped, ...op } = isRecord(operator) ? operator : {};
  const ctx = isRecord(context) ? context : {};
  return {
    ...envelope,
    event: {
      ...rest,
      operator: op,
      context: {
        ...(ctx.open_message_id !== undefined ? { open_message_id: ctx.open_message_id } : {}),
        ...(ctx.open_chat_id !== undefined ? { open_chat_id: ctx.open_chat_id } : {}),
      },
    },
  };
}

/** Whether the double sends a delivery again on the next connection when its socket dropped unanswered. */
export function redeliveredAfterDrop(envelope: unknown): boolean {
  // Events are kept until a client acknowledges them; a card callback is answered now or never
  // (the user sees Lark's error and clicks again), as over the webhook.
  return (envelope as EnvelopeLike).header?.event_type !== "card.action.trigger";
}
