// Sets a member's responsible leader (the 分配谈心 command with names, and the assignment card),
// audits the change, and tells the new leader.
import type { Text } from "../../../cards/kit.ts";
import { orgsWhere } from "../../domain/roles.ts";
import type { BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

/** Assigns and returns the sentence saying so. */
export async function assignLeader(ctx: BaseContext & { inbound: { key: string } }, memberId: number, leaderId: number): Promise<Text> {
  const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
  if (orgIds.length === 0) throw notAllowed();
  const orgId = await ctx.store.responsibleLeader.sharedBranch(orgIds, memberId, leaderId);
  if (orgId === null) throw new UserError("not_in_branch", { zh: "所选党员和联系人须在您任书记的同一支部。", en: "Member and leader must be in a branch where you are secretary." });
  // Both are in the branch's roster (sharedBranch found them), so both exist.
  const before = await ctx.store.responsibleLeader.responsibleLeaderOf(memberId);
  const leader = await ctx.store.people.personContact(leaderId);
  if (!before || !leader) throw new Error(`person ${memberId} or ${leaderId} vanished`);
  if (before.leaderId !== leaderId) {
    await ctx.store.responsibleLeader.setResponsibleLeader(memberId, leaderId);
    await ctx.audit({
      action: "person.responsible-leader",
      subjectType: "Person",
      subjectId: memberId,
      orgId,
      subjectPersonId: memberId,
      changes: { responsibleLeaderId: [before.leaderId, leaderId] },
    });
    if (leader.openId && leaderId !== ctx.actor.personId) {
      ctx.send(
        { openId: leader.openId },
        { text: { zh: `${ctx.actor.name}指定您为党员${before.memberName}的谈心谈话联系人。发送「谈心」查看您联系的党员。`, en: `${ctx.actor.name} made you ${before.memberName}'s talk leader. Send “谈心” to see your members.` } },
        `talk-assign-${ctx.inbound.key}`,
      );
    }
  }
  return { zh: `✅ ${before.memberName}的谈心谈话联系人：${leader.name}`, en: `✅ ${before.memberName}'s talk leader: ${leader.name}` };
}
