// 互相谈心 [姓名]: a member records a talk held with another member of the branch (党员之间相互谈心):
// the light form, with the other member chosen when named. Any active member of a branch may
// (leaders and secretaries are members too); the leader's own talks with members are 谈心.
import { t } from "../../../../cards/kit.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { peerNamed, peerTalkForm } from "../peer-talk-view.ts";

export const peerTalk: Command = {
  name: "互相谈心",
  aliases: ["peer talk", "党员互相谈心"],
  summary: { zh: "记录您与本支部其他党员的谈心", en: "record a talk you had with another member of your branch" },
  roles: ["MEMBER"],
  instead: { commands: ["我的谈心"] },
  privateOnly: true,
  async run(ctx) {
    const branches = await ctx.store.orgs.branchesAmong(orgsWhere(ctx.actor, ["MEMBER"]));
    if (branches.length === 0) throw new UserError("no_branch", t("您不是党支部的在册党员，无法记录互相谈心。", "You are not an active member of a branch."));
    const args = ctx.args.trim();
    if (args) {
      const peer = await peerNamed(ctx, branches.map((b) => b.id), args);
      const org = branches.find((b) => b.id === peer.orgId)!;
      ctx.reply({ card: await peerTalkForm(ctx, org, peer) });
      return;
    }
    for (const org of branches) ctx.reply({ card: await peerTalkForm(ctx, org) });
  },
};
