// 保存更正 on the correction form: the earlier fields go into a TalkRevision, the record takes the
// new ones and revisedAt; the audit names the fields that changed, never the notes. Refused, with
// why, for anyone but the author, after 7 days, and for a form that changes nothing.
import { z } from "zod";
import { TALK_CORRECT } from "../../../../cards/talk-correct.ts";
import { isDay } from "../../../domain/calendar-day.ts";
import { changedFields, FIELD_LABEL } from "../../../domain/talk-correction.ts";
import { talkRecordProblem } from "../../../domain/talk-record.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { requireCorrectableTalk, talkNotesCardFor } from "../correction.ts";
import { talkRef } from "./talk-correct-open.ts";

// Lark's date picker submits "2026-11-27 +0800"; the day is the first ten characters.
const day = z
  .string("请选择谈话日期")
  .trim()
  .transform((s) => s.slice(0, 10))
  .refine(isDay, "请选择谈话日期");
const note = z.string().trim().max(1000, "每项内容请控制在 1000 字以内").optional();

const form = z.object({
  heldOn: day,
  form: z.enum(["IN_PERSON", "PHONE", "VIDEO"], "请选择谈话方式"),
  thinking: note,
  work: note,
  life: note,
  concerns: note,
  areas: z.array(z.enum(["THINKING", "WORK", "LIFE"]), "问题涉及方面选项无效，请重新选择。").optional(),
});

export const talkCorrect = defineAction({
  id: TALK_CORRECT,
  value: talkRef,
  form,
  async run(ctx, { value, form: f }) {
    const talk = await requireCorrectableTalk(ctx, value.t);
    const problem = talkRecordProblem({ heldOn: f.heldOn, notes: f, followUps: [] }, todayOf(ctx));
    if (problem) throw new UserError("bad_talk", problem);
    const after = { heldOn: f.heldOn, form: f.form, thinking: f.thinking || null, work: f.work || null, life: f.life || null, concerns: f.concerns || null, concernAreas: [...new Set(f.areas ?? [])] };
    const fields = changedFields(talk, after);
    if (fields.length === 0) throw new UserError("no_change", { zh: "没有改动任何内容，记录保持不变。", en: "Nothing was changed; the record stays as it was." });

    const done = await ctx.store.talks.correctTalk(talk.id, { ...after, byId: ctx.actor.personId, at: ctx.clock.now() });
    if (!done) throw new UserError("unknown_talk", { zh: "找不到这条谈话记录，请重新发送「谈心记录 姓名」查看。", en: "That talk record does not exist." });
    await ctx.audit({ action: "talk.correct", subjectType: "Talk", subjectId: talk.id, orgId: talk.orgId, subjectPersonId: talk.memberId, changes: { memberId: talk.memberId, revisionId: done.revisionId, fields } });
    const what = { zh: fields.map((x) => FIELD_LABEL[x].zh).join("、"), en: fields.map((x) => FIELD_LABEL[x].en).join(", ") };
    return {
      toast: { type: "success", text: { zh: `已更正与${talk.memberName}的谈话记录（${what.zh}），原内容已保留。`, en: `Corrected the talk with ${talk.memberName} (${what.en}); the earlier text is kept.` } },
      card: await talkNotesCardFor(ctx, { id: talk.memberId, name: talk.memberName }),
    };
  },
});
