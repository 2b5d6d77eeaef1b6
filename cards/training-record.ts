// Branch training records (培训记录): the form a secretary or affairs worker fills in after a
// training (topic, title, day, hours, who attended, affairs workers included), and its receipt.
import { dateWords } from "../src/domain/date-words.ts";
import { TOPIC_LABEL, TRAINING_TOPICS, type TrainingTopic } from "../src/domain/training-rules.ts";
import { esc, joinText, mdLines, multiSelect } from "./aid-common.ts";
import { button, card, columns, datePicker, form, input, note, select, t, type Card } from "./kit.ts";
import { WORK_ACTION } from "./work-common.ts";

export function trainingRecordFormCard(data: { orgId: number; orgName: string; today: string; people: { id: number; name: string; worker: boolean }[] }): Card {
  return card({
    title: t(`登记培训 · ${data.orgName}`, `Record a training · ${data.orgName}`),
    subtitle: t("记录参加培训的党员和党务工作者，用于支部分析的培训覆盖情况", "Who attended, members and affairs workers; the branch analysis counts coverage"),
    template: "wathet",
    elements: [
      form("training_record", [
        columns([
          [select({ name: "topic", placeholder: t("培训类别", "Topic"), required: true, options: TRAINING_TOPICS.map((x) => ({ value: x, text: TOPIC_LABEL[x] })) })],
          [datePicker({ name: "held_on", placeholder: t("培训日期", "Day"), required: true, initial: data.today })],
        ]),
        input({ name: "title", label: t("培训名称", "Title"), required: true, maxLength: 100, placeholder: t("例如：民法典专题讲座", "e.g. Civil Code lecture") }),
        input({ name: "hours", label: t("学时（可不填）", "Hours (optional)") }),
        multiSelect({
          name: "attendees",
          placeholder: t("参加人员（可多选）", "Who attended"),
          options: data.people.map((p) => ({ value: String(p.id), text: p.worker ? { zh: `${p.name}（党务工作者）`, en: `${p.name} (affairs worker)` } : { zh: p.name, en: p.name } })),
        }),
        button({ text: t("保存培训记录", "Save"), action: WORK_ACTION.trainingRecordSave, value: { o: data.orgId }, type: "primary_filled", name: "save", submit: true }),
      ]),
    ],
  });
}

export function trainingRecordedCard(data: { title: string; topic: TrainingTopic; heldOn: string; hours: number | null; names: string[] }): Card {
  const who = joinText(data.names.map((n) => ({ zh: n, en: n })));
  return card({
    title: t("培训记录已保存", "Training recorded"),
    template: "green",
    elements: [
      mdLines([
        { zh: `**${esc(data.title)}**（${TOPIC_LABEL[data.topic].zh}）· ${dateWords(data.heldOn).zh}${data.hours ? ` · ${data.hours} 学时` : ""}`, en: `**${esc(data.title)}** (${TOPIC_LABEL[data.topic].en}) · ${dateWords(data.heldOn).en}${data.hours ? ` · ${data.hours} h` : ""}` },
        { zh: `**参加人员**（${data.names.length} 人）：${who.zh}`, en: `**Attended** (${data.names.length}): ${who.en}` },
      ]),
      note(t("本季度的培训覆盖情况见「分析」报告。", "Coverage shows in the quarterly branch analysis.")),
    ],
  });
}
