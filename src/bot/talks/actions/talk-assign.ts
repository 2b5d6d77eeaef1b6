// "确定分配" on the assignment card (and the 分配谈心 command with names): sets a member's
// responsible leader, audits the change, and tells the new leader.
import { z } from "zod";
import { talkAssignCard } from "../../../../cards/talk-assign.ts";
import type { Text } from "../../../../cards/kit.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import { assignView, sharedBranch } from "../../../store/responsible-leader.ts";
import { defineAction, type BaseContext } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";

/** Assigns and returns the sentence saying so. */
export async function assignLeader(ctx: BaseContext & { inbound: { key: string } }, memberId: number, leaderId: number): Promise<Text> {
  const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
  if (orgIds.length === 0) throw notAllowed();
  const orgId = await sharedBranch(ctx.tx, orgIds, memberId, leaderId);
  if (orgId === null) throw new UserError("not_in_branch", { zh: "所选党员和联系人须在您任书记的同一支部。", en: "Member and leader must be in a branch where you are secretary." });
  const before = await ctx.tx.person.findUniqueOrThrow({ where: { id: memberId }, select: { name: true, responsibleLeaderId: true } });
  const leader = await ctx.tx.person.findUniqueOrThrow({ where: { id: leaderId }, select: { name: true, larkOpenId: true } });
  if (before.responsibleLeaderId !== leaderId) {
    await ctx.tx.person.update({ where: { id: memberId }, data: { responsibleLeaderId: leaderId } });
    await ctx.audit({
      action: "person.responsible-leader",
      subjectType: "Person",
      subjectId: memberId,
      orgId,
      changes: { responsibleLeaderId: [before.responsibleLeaderId, leaderId] },
    });
    if (leader.larkOpenId && leaderId !== ctx.actor.personId) {
      ctx.send(
        { openId: leader.larkOpenId },
        { text: { zh: `${ctx.actor.name}指定您为党员${before.name}的谈心谈话联系人。发送「谈心」查看您联系的党员。`, en: `${ctx.actor.name} made you ${before.name}'s talk leader. Send “谈心” to see your members.` } },
        `talk-assign-${ctx.inbound.key}`,
      );
    }
  }
  return { zh: `✅ ${before.name}的谈心谈话联系人：${leader.name}`, en: `✅ ${before.name}'s talk leader: ${leader.name}` };
}

export const talkAssign = defineAction({
  id: "talk-assign",
  value: z.object({}).loose(),
  form: z.object({ member: z.coerce.number("请选择党员").int().positive("请选择党员"), leader: z.coerce.number("请选择联系人").int().positive("请选择联系人") }),
  async run(ctx, { form }) {
    const notice = await assignLeader(ctx, form.member, form.leader);
    const view = await assignView(ctx.tx, orgsWhere(ctx.actor, ["SECRETARY"]));
    return { toast: { type: "success", text: { zh: "已分配", en: "Assigned" } }, card: talkAssignCard({ ...view, notice }) };
  },
});

export const talkAssignOpen = defineAction({
  id: "talk-assign-open",
  value: z.object({}).loose(),
  async run(ctx) {
    const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
    if (orgIds.length === 0) throw notAllowed();
    ctx.send({ openId: ctx.actor.openId }, { card: talkAssignCard(await assignView(ctx.tx, orgIds)) }, `talk-assign-card-${ctx.inbound.key}`);
    return { toast: { type: "info", text: { zh: "已发送分配卡片", en: "Assignment card sent" } } };
  },
});
