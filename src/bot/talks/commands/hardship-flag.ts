// 困难上报 <姓名> <情况>: a leader flags a member's major difficulty; an urgent talk goes at once
// to the member's responsible leader.
import { t } from "../../../../cards/kit.ts";
import type { Command } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { sendUrgentNotice } from "../urgent-notice.ts";

const usage = t("用法：困难上报 <党员姓名> <困难情况>，例如「困难上报 张三 家中失火，需要帮助」。", "Usage: 困难上报 <name> <what happened>.");

export const hardshipFlag: Command = {
  name: "困难上报",
  aliases: ["flag"],
  summary: { zh: "上报党员遇到的重大问题或困难，安排紧急谈心", en: "flag a member's major difficulty for an urgent talk" },
  roles: ["LEADER", "SECRETARY"],
  instead: { commands: ["求助"], ask: "SECRETARY" },
  // Names a member and their difficulty: never in a group chat.
  privateOnly: true,
  async run(ctx) {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(ctx.args);
    if (!m) throw new UserError("usage", usage);
    const [, name, situation] = m as unknown as [string, string, string];
    if (situation.length > 500) throw new UserError("too_long", t("困难情况请控制在 500 字以内。", "Please keep it under 500 characters."));
    const found = await ctx.store.talks.membersNamed(ctx.actor, name, ["LEADER", "SECRETARY"]);
    if (found.length === 0) throw new UserError("no_member", { zh: `您所在支部没有名为「${name}」的党员。`, en: `No member named ${name} in your branch.` });
    if (found.length > 1) throw new UserError("ambiguous", { zh: `有 ${found.length} 位名为「${name}」的党员，请联系支部书记处理。`, en: `${found.length} members are named ${name}; please ask the secretary.` });
    const member = found[0]!;
    const r = await ctx.store.talkTasks.openUrgentTalk({
      memberId: member.id,
      orgId: member.orgId,
      reason: "FLAGGED",
      note: situation.trim(),
      createdById: ctx.actor.personId,
      now: ctx.clock.now(),
      timeZone: ctx.config.timezone,
    });
    if (!r.task) throw new UserError("no_leader", t("该支部尚无党员领导干部或书记可以安排谈心，请联系上级党组织。", "The branch has no leader or secretary to take this on."));
    sendUrgentNotice(ctx, r.notice);
    await ctx.audit({
      action: r.task.created ? "talk-task.create" : "talk-task.flag-again",
      subjectType: "TalkTask",
      subjectId: r.task.id,
      orgId: member.orgId,
      subjectPersonId: member.id,
      changes: { memberId: member.id, reason: "FLAGGED" },
    });
    ctx.reply({
      text: r.task.created
        ? { zh: `已为${member.name}安排紧急谈心，由${r.task.leaderName}于 ${r.task.dueOn} 前完成。`, en: `Urgent talk for ${member.name} arranged: ${r.task.leaderName}, by ${r.task.dueOn}.` }
        : { zh: `${member.name}已有一项紧急谈心在办，由${r.task.leaderName}于 ${r.task.dueOn} 前完成。`, en: `${member.name} already has an urgent talk open: ${r.task.leaderName}, by ${r.task.dueOn}.` },
    });
  },
};
