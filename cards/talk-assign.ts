// The secretary's card for choosing each member's responsible leader (谈心谈话联系人).
import { button, card, form, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";
import { joinLines } from "./talk-parts.ts";

export interface AssignData {
  members: { id: number; name: string; leaderName: string | null }[];
  leaders: { id: number; name: string; count: number }[];
  notice?: Text;
}

/** Lark's select lists stay usable up to about a hundred options. */
const ASSIGN_OPTIONS = 100;

export function talkAssignCard(d: AssignData): Card {
  const unassigned = d.members.filter((m) => m.leaderName === null);
  const ordered = [...unassigned, ...d.members.filter((m) => m.leaderName !== null)].slice(0, ASSIGN_OPTIONS);
  const elements: Element[] = [];
  if (d.notice) elements.push(note(d.notice));
  elements.push(
    md(
      unassigned.length > 0
        ? { zh: `尚未分配联系人的党员 ${unassigned.length} 位：${unassigned.slice(0, 30).map((m) => m.name).join("、")}`, en: `${unassigned.length} members have no leader: ${unassigned.slice(0, 30).map((m) => m.name).join(", ")}` }
        : t("每位党员都已有谈心谈话联系人。", "Every member has a responsible leader."),
    ),
    md(joinLines(d.leaders.map((l) => ({ zh: `· ${l.name}：联系 ${l.count} 人`, en: `· ${l.name}: ${l.count} members` })))),
    form("assign", [
      select({
        name: "member",
        placeholder: t("选择党员", "Member"),
        required: true,
        options: ordered.map((m) => ({ value: String(m.id), text: { zh: `${m.name}（${m.leaderName ?? "未分配"}）`, en: `${m.name} (${m.leaderName ?? "unassigned"})` } })),
      }),
      select({
        name: "leader",
        placeholder: t("选择谈心谈话联系人", "Responsible leader"),
        required: true,
        options: d.leaders.map((l) => ({ value: String(l.id), text: { zh: l.name, en: l.name } })),
      }),
      button({ text: t("确定分配", "Assign"), action: "talk-assign", type: "primary_filled", name: "assign", submit: true }),
    ]),
    note(t("也可以发送「分配谈心 <党员姓名> <联系人姓名>」。", "Or send “分配谈心 <member> <leader>”.")),
  );
  return card({ title: t("分配谈心谈话联系人", "Assign responsible leaders"), template: "blue", elements });
}
