// "记录谈话" on a digest, the `谈心` list or an urgent-talk card: the talk form, in place.
import { z } from "zod";
import { talkFormCard } from "../../../../cards/talk-form.ts";
import { defineAction, todayOf } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";

export const backTo = z.enum(["digest", "list", "task"]);

export const talkForm = defineAction({
  id: "talk-form",
  value: z.object({ m: z.coerce.number().int().positive(), k: z.coerce.number().int().positive().optional(), b: backTo }),
  async run(ctx, { value }) {
    const member = await ctx.store.talks.memberWhereActorIs(ctx.actor, value.m, ["LEADER", "SECRETARY"]);
    if (!member) throw notAllowed();
    let task: { id: number; reason: string; note: string | null; dueOn: string } | undefined;
    if (value.k !== undefined) {
      const k = await ctx.store.talkTasks.urgentTalkTask(value.k);
      if (!k || k.memberId !== member.id) throw new UserError("bad_task", { zh: "找不到这项紧急谈心任务。", en: "No such urgent talk." });
      if (k.status !== "OPEN") throw new UserError("task_done", { zh: "这项紧急谈心已经完成。", en: "This urgent talk is already done." });
      task = { id: k.id, reason: k.reason, note: k.note, dueOn: k.dueOn };
    }
    return {
      card: talkFormCard({
        memberId: member.id,
        memberName: member.name,
        lastTalkOn: await ctx.store.talks.lastTalkOn(member.id),
        today: todayOf(ctx),
        back: value.b,
        ...(task ? { task } : {}),
      }),
    };
  },
});
