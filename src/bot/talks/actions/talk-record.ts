// "保存谈话记录" on the talk form: records the talk and its follow-ups, closes the member's open
// urgent talk, audits the write (which fields, never the notes themselves), and answers with
// the card the leader came from, brought up to date.
import { z } from "zod";
import { talkRecordedCard } from "../../../../cards/talk-form.ts";
import { isDay } from "../../../domain/calendar-day.ts";
import { talkRecordProblem } from "../../../domain/talk-record.ts";
import { defineAction, todayOf } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { actorBoard } from "../board-view.ts";
import { backTo } from "./talk-form.ts";

// Lark's date picker submits "2026-11-27 +0800"; the day is the first ten characters.
const day = (msg: string) =>
  z
    .string(msg)
    .trim()
    .transform((s) => s.slice(0, 10))
    .refine(isDay, msg);
const optionalDay = z.union([z.literal(""), day("日期格式不正确")]).optional();
const note = z.string().trim().max(1000, "每项内容请控制在 1000 字以内").optional();
const followUp = z.string().trim().max(200, "跟进事项请控制在 200 字以内").optional();

const form = z.object({
  heldOn: day("请选择谈话日期"),
  form: z.enum(["IN_PERSON", "PHONE", "VIDEO"], "请选择谈话方式"),
  thinking: note,
  work: note,
  life: note,
  concerns: note,
  areas: z.array(z.enum(["THINKING", "WORK", "LIFE"])).optional(),
  fu1: followUp,
  fu1Due: optionalDay,
  fu2: followUp,
  fu2Due: optionalDay,
});

export const talkRecord = defineAction({
  id: "talk-record",
  value: z.object({ m: z.coerce.number().int().positive(), k: z.coerce.number().int().positive().optional(), b: backTo }),
  form,
  async run(ctx, { value, form: f }) {
    const member = await ctx.store.talks.memberWhereActorIs(ctx.actor, value.m, ["LEADER", "SECRETARY"]);
    if (!member) throw notAllowed();
    const today = todayOf(ctx);
    const followUps = [
      { description: f.fu1 || undefined, dueOn: f.fu1Due || undefined },
      { description: f.fu2 || undefined, dueOn: f.fu2Due || undefined },
    ];
    const problem = talkRecordProblem({ heldOn: f.heldOn, notes: f, followUps }, today);
    if (problem) throw new UserError("bad_talk", problem);

    const kept = followUps.filter((x): x is { description: string; dueOn: string } => !!x.description && !!x.dueOn);
    const { talkId, closedTaskIds } = await ctx.store.talks.recordTalk({
      orgId: member.orgId,
      memberId: member.id,
      leaderId: ctx.actor.personId,
      heldOn: f.heldOn,
      form: f.form,
      thinking: f.thinking,
      work: f.work,
      life: f.life,
      concerns: f.concerns,
      concernAreas: f.areas ?? [],
      followUps: kept,
      taskId: value.k,
      now: ctx.clock.now(),
    });
    await ctx.audit({
      action: "talk.create",
      subjectType: "Talk",
      subjectId: talkId,
      orgId: member.orgId,
      subjectPersonId: member.id,
      changes: {
        memberId: member.id,
        heldOn: f.heldOn,
        form: f.form,
        notes: (["thinking", "work", "life", "concerns"] as const).filter((k) => !!f[k]),
        followUps: kept.length,
        closedTasks: closedTaskIds,
      },
    });
    const toast = { type: "success" as const, text: { zh: `已记录与${member.name}的谈话`, en: `Talk with ${member.name} recorded` } };
    if (value.b === "task") return { toast, card: talkRecordedCard({ memberName: member.name, heldOn: f.heldOn, followUps: kept.length }) };
    return { toast, card: await actorBoard(ctx, value.b, { zh: `✅ 已记录 ${f.heldOn} 与${member.name}的谈话。`, en: `✅ Talk with ${member.name} on ${f.heldOn} recorded.` }) };
  },
});
