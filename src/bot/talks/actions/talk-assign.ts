// "确定分配" on the assignment card: sets a member's responsible leader and answers with the
// card brought up to date. "分配谈心联系人" on the secretary's escalation digest sends a fresh
// assignment card.
import { z } from "zod";
import { talkAssignCard } from "../../../../cards/talk-assign.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { defineAction } from "../../context.ts";
import { notAllowed } from "../../errors.ts";
import { assignLeader } from "../assign-leader.ts";

export const talkAssign = defineAction({
  id: "talk-assign",
  value: z.object({}).loose(),
  form: z.object({ member: z.coerce.number("请选择党员").int().positive("请选择党员"), leader: z.coerce.number("请选择联系人").int().positive("请选择联系人") }),
  async run(ctx, { form }) {
    const notice = await assignLeader(ctx, form.member, form.leader);
    const view = await ctx.store.responsibleLeader.assignView(orgsWhere(ctx.actor, ["SECRETARY"]));
    return { toast: { type: "success", text: { zh: "已分配", en: "Assigned" } }, card: talkAssignCard({ ...view, notice }) };
  },
});

export const talkAssignOpen = defineAction({
  id: "talk-assign-open",
  value: z.object({}).loose(),
  async run(ctx) {
    const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
    if (orgIds.length === 0) throw notAllowed();
    ctx.send({ openId: ctx.actor.openId }, { card: talkAssignCard(await ctx.store.responsibleLeader.assignView(orgIds)) }, `talk-assign-card-${ctx.inbound.key}`);
    return { toast: { type: "info", text: { zh: "已发送分配卡片", en: "Assignment card sent" } } };
  },
});
