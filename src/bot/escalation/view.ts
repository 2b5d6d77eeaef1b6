// The committee's item card, drawn from an escalation row the reader may see, and the one check
// every committee-side handler makes: the row comes from the store's need-to-know query, so a
// forged id, another organisation's item or an item nobody raised is a refusal and shows nothing.
import { escalationItemCard } from "../../../cards/escalation.ts";
import type { Card } from "../../../cards/kit.ts";
import { dayIn } from "../../domain/zoned-time.ts";
import type { EscalationRow } from "../../store/escalations.ts";
import type { BaseContext } from "../context.ts";
import { UserError } from "../errors.ts";
import { loadItem } from "./item.ts";

export const notYours = () =>
  new UserError("escalation_hidden", { zh: "您无权查看该事项：只有上报给您所在党组织的事项可以查看。", en: "You may not open this: only items raised to your organisation can be opened." });

/** The escalation if the actor sits at the desk it landed with (or one above it); else the refusal. */
export async function requireEscalation(ctx: BaseContext, id: number): Promise<EscalationRow> {
  const row = await ctx.store.escalations.escalationFor(id, ctx.actor.personId);
  if (!row) throw notYours();
  return row;
}

export async function itemCardOf(ctx: BaseContext, row: EscalationRow): Promise<Card> {
  const tz = ctx.config.timezone;
  const item = await loadItem(ctx, row.subjectType, row.subjectId);
  return escalationItemCard({
    head: {
      escalationId: row.id,
      fromOrg: row.fromOrgName,
      subject: row.subjectType,
      reason: row.reason,
      number: row.subjectNumber,
      memberName: row.subjectName,
      raisedOn: dayIn(row.raisedAt, tz),
      raisedBy: row.raisedByName,
      note: row.note,
      status: row.status,
    },
    item: item?.view ?? null,
    closed: row.status === "CLOSED" && row.closedAt ? { by: row.closedByName, on: dayIn(row.closedAt, tz), note: row.closingNote } : null,
  });
}
