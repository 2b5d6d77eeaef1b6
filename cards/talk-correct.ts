// 更正谈话记录: the author's form, filled with the record as it stands, and the ids of its
// actions. Follow-ups are not on it: they are tasks with their own course (done, reminded).
import { type Day } from "../src/domain/calendar-day.ts";
import { multiSelect } from "./aid-common.ts";
import { button, card, columns, datePicker, form, input, md, note, select, t, type Card } from "./kit.ts";
import { CONCERN_AREA_LABEL, TALK_FORM_LABEL } from "./talk-parts.ts";

/** Opens the form (src/bot/talks/actions/talk-correct-open.ts); saves it; goes back to the notes. */
export const TALK_CORRECT_OPEN = "talk-correct-open";
export const TALK_CORRECT = "talk-correct";
export const TALK_CORRECT_BACK = "talk-correct-back";

export interface TalkCorrectForm {
  talkId: number;
  memberName: string;
  recordedAt: string;
  /** The last moment it may be corrected, as people read it. */
  until: string;
  heldOn: Day;
  form: keyof typeof TALK_FORM_LABEL;
  thinking: string | null;
  work: string | null;
  life: string | null;
  concerns: string | null;
  concernAreas: string[];
}

const text = (name: string, label: string, en: string, value: string | null) =>
  input({ name, label: t(label, en), multiline: true, maxLength: 1000, ...(value ? { defaultValue: value } : {}) });

export function talkCorrectFormCard(d: TalkCorrectForm): Card {
  const value = { t: d.talkId };
  return card({
    title: t(`更正谈话记录 · ${d.memberName}`, `Correct a talk record · ${d.memberName}`),
    template: "orange",
    elements: [
      md({ zh: `这条记录于 ${d.recordedAt} 记录，可更正至 ${d.until}。保存后原内容仍会保留。`, en: `Written at ${d.recordedAt}; it may be corrected until ${d.until}. The earlier text is kept.` }),
      form("talk_correct", [
        datePicker({ name: "heldOn", placeholder: t("谈话日期", "Date of the talk"), required: true, initial: d.heldOn }),
        select({ name: "form", placeholder: t("谈话方式", "How"), required: true, initial: d.form, options: (["IN_PERSON", "PHONE", "VIDEO"] as const).map((v) => ({ value: v, text: TALK_FORM_LABEL[v] })) }),
        text("thinking", "思想方面", "Thinking", d.thinking),
        text("work", "工作方面", "Work", d.work),
        text("life", "生活方面", "Life", d.life),
        text("concerns", "反映的问题和诉求", "Concerns raised", d.concerns),
        multiSelect({
          name: "areas",
          placeholder: t("问题涉及方面（可多选）", "Concerns are about (any)"),
          options: (["THINKING", "WORK", "LIFE"] as const).map((v) => ({ value: v, text: CONCERN_AREA_LABEL[v] })),
          selected: d.concernAreas,
        }),
        columns([
          [button({ text: t("保存更正", "Save the correction"), action: TALK_CORRECT, value, type: "primary_filled", name: "save", submit: true })],
          [button({ text: t("返回", "Back"), action: TALK_CORRECT_BACK, value, name: "back" })],
        ]),
      ]),
      note(t("更正只改正记录中的错误；新的情况请在下次谈话时记录。跟进事项不在此更正。", "Correct mistakes only; what is new belongs in the next talk. Follow-ups are not changed here.")),
    ],
  });
}
