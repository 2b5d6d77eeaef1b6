// 我的谈心: a member sees that their talks took place (when, with whom, how), never the notes.
import { myTalksCard } from "../../../../cards/talk-mine.ts";
import { loadBranchRules } from "../../../store/branch-rules.ts";
import { findDueTalks } from "../../../store/talk-due.ts";
import { viaTx } from "../../../store/rows.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";

export const myTalks: Command = {
  name: "我的谈心",
  aliases: ["my talks"],
  summary: { zh: "查看与您的谈心谈话记录（时间、谈话人）", en: "see your talks (when and with whom)" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const me = ctx.actor.personId;
    const talks = await ctx.tx.talk.findMany({ where: { memberId: me }, orderBy: { heldOn: "desc" }, take: 10, select: { heldOn: true, form: true, leaderId: true } });
    const person = await ctx.tx.person.findUniqueOrThrow({ where: { id: me }, select: { responsibleLeader: { select: { name: true } } } });
    const urgent = await ctx.tx.talkTask.count({ where: { memberId: me, status: "OPEN" } });
    const leaders = await ctx.tx.person.findMany({ where: { id: { in: [...new Set(talks.map((x) => x.leaderId))] } }, select: { id: true, name: true } });
    const nameOf = new Map(leaders.map((l) => [l.id, l.name]));
    const rules = await loadBranchRules(ctx.tx);
    const [due] = await findDueTalks(viaTx(ctx.tx), {
      today: todayOf(ctx),
      timeZone: ctx.config.timezone,
      branches: [...rules.values()].filter((b) => b.kind === "BRANCH"),
      horizon: "all",
      memberIds: [me],
    });
    ctx.reply({
      card: myTalksCard({
        name: ctx.actor.name,
        talks: talks.map((x) => ({ heldOn: x.heldOn.toISOString().slice(0, 10), leaderName: nameOf.get(x.leaderId) ?? "", form: x.form })),
        leaderName: person.responsibleLeader?.name ?? null,
        nextDueOn: due?.dueOn ?? null,
        urgentOpen: urgent > 0,
      }),
    });
  },
};
