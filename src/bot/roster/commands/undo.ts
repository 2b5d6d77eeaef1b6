// 撤销变动 <党员>: the member's latest change recorded in the sender's branches, with 撤销 when it
// may still be undone; a Chinese answer saying why not otherwise.
import { orgsWhere } from "../../../domain/roles.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { subjectNamed } from "../subject.ts";
import { undoableCard } from "../undo.ts";

export const undoCommand: Command = {
  name: "撤销变动",
  aliases: ["撤销组织变动", "undo change"],
  summary: { zh: "撤销登记有误的组织关系变动（撤销期限内）", en: "undo a membership change recorded by mistake (within the undo period)" },
  roles: ["SECRETARY"],
  instead: { ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const who = ctx.args.trim().split(/\s+/)[0];
    if (!who) throw new UserError("usage", { zh: "请写明党员姓名，例如「撤销变动 张三」。", en: 'Name the member, e.g. "撤销变动 张三".' });
    const subject = await subjectNamed(ctx, who, "撤销变动");
    const change = await ctx.store.membershipChanges.latestChangeIn(subject.id, orgsWhere(ctx.actor, ["SECRETARY"]));
    if (!change) throw new UserError("no_change", { zh: `${subject.name}没有登记过组织关系变动。`, en: `No change is recorded for ${subject.name}.` });
    ctx.reply({ card: await undoableCard(ctx, change) });
  },
};
