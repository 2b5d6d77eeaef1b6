// 流动党员: the branch's mobile members, where they are, who keeps in touch, and who is lost contact.
import { agoWords, dateWords } from "../src/domain/date-words.ts";
import { card, md, note, t, type Card } from "./kit.ts";
import { esc, lines, moreText } from "./visit-text.ts";

export interface MobileRow {
  name: string;
  whereabouts: string | null;
  leaderName: string | null;
  lastContact: string | null;
  lost: boolean;
}

export function mobileMembersCard(d: { orgName: string; rows: MobileRow[]; total: number; lostMonths: number; done?: string; today?: string }): Card {
  const last = (day: string) => (d.today ? agoWords(day, d.today) : dateWords(day));
  const more = moreText(d.rows.length, d.total, t("请导出名册查看。", "export the roster to see all."));
  return card({
    title: t("流动党员", "Mobile members"),
    subtitle: { zh: d.orgName, en: d.orgName },
    template: "red",
    elements: [
      ...(d.done ? [md({ zh: `✅ ${esc(d.done)}`, en: `✅ ${esc(d.done)}` })] : []),
      d.rows.length
        ? lines(
            d.rows.map((r) => ({
              zh: `· **${esc(r.name)}**${r.lost ? " <font color='red'>失联</font>" : ""} · ${esc(r.whereabouts ?? "去向未登记")} · 联系人：${esc(r.leaderName ?? "未指定")} · ${r.lastContact ? `上次联系 ${last(r.lastContact).zh}` : "尚无联系记录"}`,
              en: `· **${esc(r.name)}**${r.lost ? " <font color='red'>out of touch</font>" : ""} · ${esc(r.whereabouts ?? "whereabouts unknown")} · contact ${esc(r.leaderName ?? "none")} · ${r.lastContact ? `last ${last(r.lastContact).en}` : "no contact logged"}`,
            })),
          )
        : md(t("本支部暂无流动党员。", "No mobile members in this branch.")),
      ...(more ? [note(more)] : []),
      note({
        zh: `设置：流动党员 <姓名> <去向与联系方式>；取消：流动党员 取消 <姓名>。连续 ${d.lostMonths} 个月无联系记录视为失联。`,
        en: `Set: 流动党员 <name> <whereabouts>; unset: 流动党员 取消 <name>. No contact for ${d.lostMonths} months counts as out of touch.`,
      }),
    ],
  });
}
