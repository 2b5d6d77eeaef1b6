// 谈心记录 <姓名>: the notes of a member's talks, for the leader who held them and the branch
// secretary. Every talk shown is audited as viewed; the reader's own records of the last week
// can be corrected from here (更正).
import { t } from "../../../../cards/kit.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { talkNotesCardFor } from "../correction.ts";

export const talkNotes: Command = {
  name: "谈心记录",
  aliases: ["talk notes"],
  summary: { zh: "查看某位党员的谈心谈话记录（谈话人和支部书记可见）", en: "read a member's talk notes (leader and secretary only)" },
  roles: ["LEADER", "SECRETARY"],
  instead: { commands: ["我的谈心"] },
  privateOnly: true,
  async run(ctx) {
    const name = ctx.args.trim();
    if (!name) throw new UserError("usage", t("用法：谈心记录 <党员姓名>", "Usage: 谈心记录 <name>"));
    const found = await ctx.store.talks.membersNamed(ctx.actor, name, ["LEADER", "SECRETARY"]);
    if (found.length === 0) throw new UserError("no_member", { zh: `您所在支部没有名为「${name}」的党员。`, en: `No member named ${name} in your branch.` });
    if (found.length > 1) throw new UserError("ambiguous", { zh: `有 ${found.length} 位名为「${name}」的党员，请联系支部书记处理。`, en: `${found.length} members are named ${name}.` });
    const member = found[0]!;
    ctx.reply({ card: await talkNotesCardFor(ctx, member) });
  },
};
