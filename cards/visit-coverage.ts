// 走访统计: per branch and festival, how many visits were planned, done, overdue, and the money
// given by fund source.
import { dateWords } from "../src/domain/date-words.ts";
import { card, hr, md, note, t, type Card, type Text } from "./kit.ts";
import { esc, lines } from "./visit-text.ts";

export interface CoverageRowData {
  orgName: string;
  what: Text;
  planned: number;
  done: number;
  open: number;
  overdue: number;
  escalated: number;
  /** e.g. [{source: 党费补助, amount: 1,000.00 元}] */
  money: { source: Text; amount: Text }[];
  goods: number;
}

export function visitCoverageCard(d: { title: Text; rows: CoverageRowData[]; today: string }): Card {
  const blocks = d.rows.flatMap((r, i) => [
    ...(i > 0 ? [hr()] : []),
    md({ zh: `**${esc(r.orgName)} · ${r.what.zh}**`, en: `**${esc(r.orgName)} · ${r.what.en}**` }),
    lines([
      {
        zh: `计划 ${r.planned} · 已完成 ${r.done}（${pct(r.done, r.planned)}）· 未完成 ${r.open} · 逾期 ${r.overdue} · 已报告书记 ${r.escalated}`,
        en: `planned ${r.planned} · done ${r.done} (${pct(r.done, r.planned)}) · open ${r.open} · overdue ${r.overdue} · escalated ${r.escalated}`,
      },
      {
        zh: `慰问金：${r.money.length ? r.money.map((m) => `${m.source.zh} ${m.amount.zh}`).join("，") : "无"} · 送慰问品 ${r.goods} 户`,
        en: `Money: ${r.money.length ? r.money.map((m) => `${m.source.en} ${m.amount.en}`).join(", ") : "none"} · goods to ${r.goods} households`,
      },
    ]),
  ]);
  return card({
    title: d.title,
    subtitle: { zh: `统计至 ${dateWords(d.today, d.today).zh}`, en: `as of ${dateWords(d.today, d.today).en}` },
    template: "red",
    elements: [
      ...(blocks.length ? blocks : [md(t("暂无走访任务。", "No visits planned yet."))]),
      note(t("导出 Excel：npm run visits:report -- --branch <支部代码> --festival <节日> --year <年份>", "Excel export: npm run visits:report -- --branch <code> --festival <code> --year <year>")),
    ],
  });
}

function pct(n: number, of: number): string {
  return of === 0 ? "—" : `${Math.round((n / of) * 100)}%`;
}
