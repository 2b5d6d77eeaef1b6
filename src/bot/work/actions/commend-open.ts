import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { defineAction } from "../../context.ts";
import { commendCardOf, commendKeyPrefix, requireCommendation, requireCommendDecider } from "../commend-view.ts";
import { commendRef } from "../forms.ts";

/** 打开 (from 表彰记录): a fresh copy of the decision card, kept current like the others. */
export const commendOpen = defineAction({
  id: WORK_ACTION.commendOpen,
  value: commendRef,
  async run(ctx, { value }) {
    const c = await requireCommendation(ctx, value.m);
    requireCommendDecider(ctx.actor, c);
    ctx.send({ openId: ctx.actor.openId }, { card: await commendCardOf(ctx, c) }, `${commendKeyPrefix(c.id)}open-${ctx.actor.personId}-${ctx.inbound.key}`);
    return { toast: { type: "success", text: { zh: "已发送表彰审批卡片。", en: "Sent the card." } } };
  },
});
