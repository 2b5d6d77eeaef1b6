// What makes a talk record acceptable, beyond the shape of the form: something was learned,
// the day is not in the future nor long past, and every follow-up has both a task and a day.
import { addDays, type Day } from "./calendar-day.ts";
import type { Text } from "./text.ts";

export interface TalkRecordDraft {
  heldOn: Day;
  notes: { thinking?: string | undefined; work?: string | undefined; life?: string | undefined };
  followUps: { description: string | undefined; dueOn: Day | undefined }[];
}

export function talkRecordProblem(r: TalkRecordDraft, today: Day): Text | null {
  if (r.heldOn > today) return { zh: "谈话日期不能晚于今天。", en: "The talk cannot be dated after today." };
  if (r.heldOn < addDays(today, -366)) return { zh: "谈话日期不能早于一年前。", en: "The talk cannot be dated more than a year ago." };
  if (!r.notes.thinking && !r.notes.work && !r.notes.life) {
    return { zh: "请至少填写思想、工作、生活中的一项谈话情况。", en: "Please note what you learned about thinking, work or life." };
  }
  for (const [i, f] of r.followUps.entries()) {
    const n = i + 1;
    if (f.description && !f.dueOn) return { zh: `请为跟进事项 ${n} 选择完成日期。`, en: `Please pick a due date for follow-up ${n}.` };
    if (!f.description && f.dueOn) return { zh: `请填写跟进事项 ${n} 的内容。`, en: `Please describe follow-up ${n}.` };
    if (f.dueOn && f.dueOn < r.heldOn) return { zh: `跟进事项 ${n} 的完成日期不能早于谈话日期。`, en: `Follow-up ${n} cannot be due before the talk.` };
  }
  return null;
}
