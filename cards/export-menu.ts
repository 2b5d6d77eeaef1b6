// 导出: the reports a secretary (or affairs worker, or a committee's secretary) may have as files
// in this chat, one button each with its period; a click sends the file.
import { button, card, md, note, type Card, type Text } from "./kit.ts";

export type ReportChoice = "ledger" | "talk-ledger" | "visit-report" | "fund-ledger";

export interface ExportMenuView {
  /** The organisations the files cover, as the person would name them. */
  scope: string[];
  /** This quarter (2027Q1) for 台账 and the talk ledger. */
  quarter: { label: string; name: Text };
  /** This year for the visit report and the fund ledger. */
  year: number;
}

export const EXPORT_ACTION = "export-report";

const REPORTS: { r: ReportChoice; title: Text; period: "quarter" | "year" }[] = [
  { r: "ledger", title: { zh: "台账", en: "Ledger" }, period: "quarter" },
  { r: "talk-ledger", title: { zh: "谈心台账（不含谈话内容）", en: "Talk ledger (without notes)" }, period: "quarter" },
  { r: "visit-report", title: { zh: "走访统计表", en: "Visit report" }, period: "year" },
  { r: "fund-ledger", title: { zh: "资金台账", en: "Fund ledger" }, period: "year" },
];

export function exportMenuCard(v: ExportMenuView): Card {
  return card({
    title: { zh: "导出报表", en: "Export a report" },
    template: "blue",
    elements: [
      md({ zh: `范围：${v.scope.join("、")}`, en: `Covering: ${v.scope.join(", ")}` }),
      ...REPORTS.map((x) => {
        const period = x.period === "quarter" ? v.quarter.label : String(v.year);
        const when = x.period === "quarter" ? v.quarter.name : { zh: `${v.year}年`, en: String(v.year) };
        return button({ text: { zh: `${x.title.zh}·${when.zh}`, en: `${x.title.en} · ${when.en}` }, action: EXPORT_ACTION, value: { r: x.r, p: period }, type: x.r === "ledger" ? "primary" : "default" });
      }),
      note({
        zh: `点击按钮，表格文件发到本对话。其他时段请发送如「导出 台账 2026Q4」「导出 资金台账 2026」。谈话内容请用「导出谈心记录」。`,
        en: `Click a report and the spreadsheet arrives in this chat. For another period send e.g. "导出 台账 2026Q4" or "导出 资金台账 2026". Talk notes: 导出谈心记录.`,
      }),
    ],
  });
}
