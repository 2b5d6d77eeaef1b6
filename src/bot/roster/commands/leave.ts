// 离开 / 退党 / 出党 <党员> [日期] [备注]: one kind of departure (LEFT); the word used is kept in the
// note, so the record says which it was without a kind per word.
import { memberDayCommand } from "../member-day.ts";

export const leave = memberDayCommand({
  name: "离开",
  aliases: ["退党", "出党", "离开党组织", "record leaving"],
  kind: "LEFT",
  summary: { zh: "登记党员退党、出党或离开党组织（确认后生效，可撤销）", en: "record a member leaving the Party (confirmed, can be undone)" },
  example: "退党 张三 2026-11-30 本人申请",
  note: (word, note) => (word === "离开" || word === "record leaving" ? note : `${word}${note ? `：${note}` : ""}`),
});
