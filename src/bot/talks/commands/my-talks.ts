// 我的谈心: a member sees that their talks took place (when, with whom, how), never the leader's
// notes; and their talks with other members (互相谈心), whose notes both of the two may read.
import { myTalksCard } from "../../../../cards/talk-mine.ts";
import type { Command } from "../../context.ts";
import { todayOf } from "../../context.ts";
import { auditPeerTalkViews } from "../peer-talk-view.ts";

export const myTalks: Command = {
  name: "我的谈心",
  aliases: ["my talks"],
  summary: { zh: "查看与您的谈心谈话记录（时间、谈话人）", en: "see your talks (when and with whom)" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const me = ctx.actor.personId;
    const talks = await ctx.store.talks.recentTalksOf(me);
    const leader = await ctx.store.responsibleLeader.responsibleLeaderOf(me);
    const urgentOpen = await ctx.store.talkTasks.hasOpenUrgentTalk(me);
    const nextDueOn = await ctx.store.talkDue.nextTalkDueOn({ memberId: me, today: todayOf(ctx), timeZone: ctx.config.timezone });
    // Their talks with other members (互相谈心): both of the two may read the notes, each reading audited.
    const peerTalks = await ctx.store.peerTalks.peerTalksOf({ personId: me, take: 10 });
    await auditPeerTalkViews(ctx, peerTalks);
    ctx.reply({ card: myTalksCard({ name: ctx.actor.name, talks, leaderName: leader?.leaderName ?? null, nextDueOn, urgentOpen, today: todayOf(ctx), peerTalks: { viewerId: me, talks: peerTalks } }) });
  },
};
