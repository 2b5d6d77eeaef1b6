import { attachmentCountLine } from "../../../../cards/aid-attachments.ts";
import { aidMineCard } from "../../../../cards/aid-request.ts";
import { talkMineSection } from "../../../../cards/mine.ts";
import { timelineView } from "../approval-view.ts";
import { todayOf, type Command } from "../../context.ts";
import { workMineSections } from "../../work/mine.ts";

/** 我的: the sender's own requests with their state and timeline (知情权). Never anyone else's. */
export const aidMine: Command = {
  name: "我的",
  aliases: ["我的求助", "我的申请", "my requests"],
  summary: { zh: "查看我的帮扶申请及进度", en: "see your requests for help and where they stand" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const rows = await ctx.store.aidRequests.requestsOf(ctx.actor.personId);
    const names = await ctx.store.people.personNames(rows.flatMap((r) => r.events.map((e) => e.actorId)));
    const tz = ctx.config.timezone;
    const attached = await ctx.store.aidAttachments.keptCounts(rows.map((r) => r.id));
    await ctx.audit({ action: "aid.request.view_own", subjectType: "Person", subjectId: ctx.actor.personId, subjectPersonId: ctx.actor.personId, changes: { requests: rows.map((r) => r.number) } });
    // 知情权 beyond aid, in the same card: training, employment case, commendations and questions
    // (src/bot/work/mine.ts), and the latest talk; each section only when it holds something.
    const talks = await ctx.store.talks.recentTalksOf(ctx.actor.personId);
    const more = [...(await workMineSections(ctx)), ...talkMineSection({ last: talks[0] ?? null, count: talks.length, today: todayOf(ctx) })];
    const card = aidMineCard({
      name: ctx.actor.name,
      more,
      items: rows.map((r) => ({
        number: r.number,
        category: r.category,
        urgency: r.urgency,
        description: r.description,
        requestedFen: r.requestedFen,
        status: r.status,
        approvedFen: r.approvedFen,
        events: timelineView(r.events, names, tz),
        attachments: attachmentCountLine(attached.get(r.id)),
      })),
    });
    ctx.reply({ card });
  },
};
