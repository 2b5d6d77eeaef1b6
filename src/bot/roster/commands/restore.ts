// 恢复党籍 <党员> [日期]: a suspended member's roles become active again (reminders resume).
import { memberDayCommand } from "../member-day.ts";

export const restore = memberDayCommand({
  name: "恢复党籍",
  aliases: ["restore membership"],
  kind: "RESTORED",
  summary: { zh: "恢复被停止的党籍", en: "restore a suspended membership" },
  example: "恢复党籍 张三 2026-12-15",
});
