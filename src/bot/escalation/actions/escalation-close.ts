// 答复并办结 on the item card: the committee closes an escalation with its answer (sealed); the
// raising branch's secretaries, and the raiser if not one of them, get the answer.
import { z } from "zod";
import { escalationClosedCard, ESCALATION_ACTION } from "../../../../cards/escalation.ts";
import { checkClosingNote } from "../../../domain/escalation.ts";
import { dayIn } from "../../../domain/zoned-time.ts";
import { written } from "../../../store/audit.ts";
import { escalationClosedKey } from "../../../store/escalations.ts";
import { defineAction } from "../../context.ts";
import { must, UserError } from "../../errors.ts";
import { itemCardOf, requireEscalation } from "../view.ts";

const closedAlready = () => new UserError("escalation_closed", { zh: "该事项已办结，请以最新卡片为准。", en: "This item was already closed." });

export const escalationClose = defineAction({
  id: ESCALATION_ACTION.close,
  value: z.object({ e: z.coerce.number("事项编号不正确").int().positive("事项编号不正确") }),
  form: z.object({ answer: z.string().optional() }),
  async run(ctx, { value, form }) {
    const row = await requireEscalation(ctx, value.e);
    if (row.status !== "OPEN") throw closedAlready();
    const answer = must(checkClosingNote(form.answer));
    const now = ctx.clock.now();
    if (!(await ctx.store.escalations.closeEscalation(row.id, { byId: ctx.actor.personId, note: answer, at: now }))) throw closedAlready();
    await ctx.audit({
      action: "escalation.close",
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      orgId: row.fromOrgId,
      subjectPersonId: row.subjectPersonId,
      changes: { escalationId: row.id, status: ["OPEN", "CLOSED"], ...written({ closingNote: answer }) },
    });
    const closed = await ctx.store.escalations.escalationFor(row.id, ctx.actor.personId);
    if (!closed) throw closedAlready();

    const tz = ctx.config.timezone;
    const card = escalationClosedCard({
      toOrg: closed.toOrgName,
      subject: closed.subjectType,
      number: closed.subjectNumber,
      memberName: closed.subjectName,
      raisedOn: dayIn(closed.raisedAt, tz),
      closedBy: ctx.actor.name,
      closedOn: dayIn(now, tz),
      answer: closed.closingNote ?? answer,
    });
    const tell = new Map<number, string>();
    for (const s of await ctx.store.orgContacts.secretariesOf([closed.fromOrgId])) if (s.openId) tell.set(s.personId, s.openId);
    if (closed.raisedById !== null && !tell.has(closed.raisedById)) {
      const raiser = await ctx.store.people.personContact(closed.raisedById);
      if (raiser?.openId) tell.set(closed.raisedById, raiser.openId);
    }
    tell.delete(closed.subjectPersonId ?? -1);
    for (const [personId, openId] of tell) ctx.send({ openId }, { card }, escalationClosedKey(closed.id, personId));
    return { toast: { type: "success", text: { zh: "已办结，已告知上报支部", en: "Closed; the branch is told" } }, card: await itemCardOf(ctx, closed) };
  },
});
