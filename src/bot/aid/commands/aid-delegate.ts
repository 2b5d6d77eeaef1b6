import { orgsWhere } from "../../../domain/roles.ts";
import { loadRequest, sendApprovalCards } from "../approval.ts";
import type { Command, CommandContext } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { memberNamedInArgs } from "../../member-named.ts";

const USAGE = {
  zh: "用法：「受托人 姓名」指定一名本支部党员为帮扶审批受托人；「受托人 取消 姓名」取消；「受托人」查看。",
  en: 'Usage: "delegate <name>" names an aid delegate of your branch; "delegate 取消 <name>" removes one; "delegate" lists them.',
};

/**
 * 受托人: the secretary names (or removes) aid delegates, members of the branch who decide aid
 * requests beside the secretary. A secretary asking for help themselves needs one: nobody
 * decides their own request. A new delegate is sent the approval card of every request of the
 * branch still waiting, so nothing filed before waits for the secretary alone.
 */
export const aidDelegate: Command = {
  name: "受托人",
  aliases: ["帮扶受托人", "delegate"],
  summary: { zh: "指定或取消帮扶审批受托人（受托人 姓名）", en: "name or remove an aid delegate (delegate <name>)" },
  roles: ["SECRETARY"],
  instead: { commands: ["审批", "我的"], ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const words = ctx.args.split(/\s+/).filter(Boolean);
    const remove = ["取消", "撤销", "remove"].includes(words[0] ?? "");
    const rest = (remove ? words.slice(1) : words).join(" ");
    if (!rest) {
      if (remove) throw new UserError("name_missing", USAGE);
      return listDelegates(ctx, orgsWhere(ctx.actor, ["SECRETARY"]));
    }
    const p = await memberNamedInArgs(ctx.store, ctx.actor, rest, ["SECRETARY"], "受托人", { notSelf: true });
    const org = ctx.actor.grants.find((g) => g.orgId === p.orgId)!;
    if (remove) {
      if (!(await ctx.store.aidPeople.removeDelegate(p.id, p.orgId))) throw new UserError("not_delegate", { zh: `${p.name}不是${org.orgName}的帮扶审批受托人。`, en: `${p.name} is not an aid delegate of ${org.orgName}.` });
      await ctx.audit({ action: "aid.delegate.remove", subjectType: "Person", subjectId: p.id, orgId: p.orgId, subjectPersonId: p.id, changes: { role: ["AID_DELEGATE", null] } });
      if (p.openId) ctx.send({ openId: p.openId }, { text: { zh: `${ctx.actor.name}已取消您在${org.orgName}的帮扶审批受托人身份。`, en: `${ctx.actor.name} removed you as aid delegate of ${org.orgName}.` } }, `aid-delegate-${p.orgId}-${p.id}-off-${ctx.inbound.key}`);
      ctx.reply({ text: { zh: `已取消${p.name}的帮扶审批受托人身份。`, en: `${p.name} is no longer an aid delegate.` } });
      return;
    }
    if (!p.openId) throw new UserError("no_lark", { zh: `${p.name}尚未绑定飞书，无法接收审批卡片，请先请党务工作者导入其手机号或邮箱。`, en: `${p.name} is not on Lark yet and could not receive approval cards.` });
    if (!(await ctx.store.aidPeople.addDelegate(p.id, p.orgId))) throw new UserError("already_delegate", { zh: `${p.name}已是${org.orgName}的帮扶审批受托人。`, en: `${p.name} is already an aid delegate of ${org.orgName}.` });
    await ctx.audit({ action: "aid.delegate.name", subjectType: "Person", subjectId: p.id, orgId: p.orgId, subjectPersonId: p.id, changes: { role: [null, "AID_DELEGATE"] } });
    ctx.send({ openId: p.openId }, { text: { zh: `${ctx.actor.name}指定您为${org.orgName}的帮扶审批受托人：党员的帮扶申请会发给您审批，发送「审批」可查看待审批的申请。`, en: `${ctx.actor.name} named you aid delegate of ${org.orgName}: members' aid requests will come to you; send "审批" to see those waiting.` } }, `aid-delegate-${p.orgId}-${p.id}-on-${ctx.inbound.key}`);
    // What is already waiting reaches the new delegate too (not their own request).
    let sent = 0;
    for (const r of await ctx.store.aidRequests.openRequests([p.orgId], 50)) {
      if (r.personId === p.id) continue;
      sent += await sendApprovalCards(ctx, await loadRequest(ctx, r.id), `d${ctx.inbound.key}`, [{ id: p.id, name: p.name, openId: p.openId }]);
    }
    ctx.reply({
      text: {
        zh: `已指定${p.name}为${org.orgName}的帮扶审批受托人${sent > 0 ? `，并把 ${sent} 件待审批的申请发给了他/她` : ""}。`,
        en: `${p.name} is now an aid delegate of ${org.orgName}${sent > 0 ? `; ${sent} waiting request(s) were sent to them` : ""}.`,
      },
    });
  },
};

async function listDelegates(ctx: CommandContext, branches: readonly number[]): Promise<void> {
  const rows = await ctx.store.aidPeople.delegatesOf(branches);
  const lines = branches.map((orgId) => {
    const names = rows.filter((r) => r.orgId === orgId).map((r) => r.name);
    return `${ctx.actor.grants.find((g) => g.orgId === orgId)!.orgName}：${names.length > 0 ? names.join("、") : "暂无"}`;
  });
  ctx.reply({ text: { zh: `帮扶审批受托人\n${lines.join("\n")}\n${USAGE.zh}`, en: `Aid delegates\n${lines.join("\n")}\n${USAGE.en}` } });
}
