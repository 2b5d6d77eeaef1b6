// 去世 <党员> [日期]: records a member's death (Person.deceasedOn), ends their roles in the branch,
// closes what they had open and, where the branch wants it, opens a condolence visit to the family.
import { memberDayCommand } from "../member-day.ts";

export const death = memberDayCommand({
  name: "去世",
  aliases: ["逝世", "record death"],
  kind: "DEATH",
  summary: { zh: "登记党员去世（确认后生效，可撤销）", en: "record a member's death (confirmed, can be undone)" },
  example: "去世 张三 2026-11-30",
});
