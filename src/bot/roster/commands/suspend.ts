// 停止党籍 <党员> [日期] [备注]: the member stays on the roll (SUSPENDED) and is sent nothing
// until 恢复党籍; what they had open is closed.
import { memberDayCommand } from "../member-day.ts";

export const suspend = memberDayCommand({
  name: "停止党籍",
  aliases: ["suspend membership"],
  kind: "SUSPENDED",
  summary: { zh: "登记停止党籍（保留在册，暂停提醒）", en: "suspend a membership (kept on the roll, sent nothing)" },
  example: "停止党籍 张三 2026-12-01",
});
