// 分配谈心 [党员 联系人]: the secretary assigns each member's responsible leader, with a card
// or directly by names.
import { talkAssignCard } from "../../../../cards/talk-assign.ts";
import { t } from "../../../../cards/kit.ts";
import { orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { assignLeader } from "../assign-leader.ts";

export const talkAssignCommand: Command = {
  name: "分配谈心",
  aliases: ["assign talks"],
  summary: { zh: "为党员分配谈心谈话联系人（支部书记）", en: "assign each member's talk leader (secretary)" },
  roles: ["SECRETARY"],
  instead: { commands: ["谈心", "我的谈心"], ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const orgIds = orgsWhere(ctx.actor, ["SECRETARY"]);
    const names = ctx.args.split(/\s+/).filter(Boolean);
    if (names.length === 0) {
      ctx.reply({ card: talkAssignCard(await ctx.store.responsibleLeader.assignView(orgIds)) });
      return;
    }
    if (names.length !== 2) throw new UserError("usage", t("用法：分配谈心 <党员姓名> <联系人姓名>，或只发送「分配谈心」打开分配卡片。", "Usage: 分配谈心 <member> <leader>, or just 分配谈心 for the card."));
    const view = await ctx.store.responsibleLeader.assignView(orgIds);
    const member = await ctx.store.talks.membersNamed(ctx.actor, names[0]!, ["SECRETARY"]);
    const leaders = view.leaders.filter((l) => l.name === names[1]);
    if (member.length !== 1) throw new UserError("no_member", { zh: `找不到唯一名为「${names[0]}」的党员，请使用分配卡片。`, en: `No single member named ${names[0]}; use the card.` });
    if (leaders.length !== 1) throw new UserError("no_leader", { zh: `找不到唯一名为「${names[1]}」的党员领导干部，请使用分配卡片。`, en: `No single leader named ${names[1]}; use the card.` });
    ctx.reply({ text: await assignLeader(ctx, member[0]!.id, leaders[0]!.id) });
  },
};
