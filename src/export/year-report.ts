// The year-end report (年度报告) as a workbook for the organisation above: 年度报告 holds one
// row per figure, with the total and one column per branch; 资金核对 reconciles each branch's
// fund per source (opening + income - payments = closing, and closing against the running
// balance). Figures only: no member's name or note is in either sheet. Amounts are yuan numbers
// (the sheet can add them up), shares percent numbers; text cells neutralised at the end.
import ExcelJS from "exceljs";
import { AID_CATEGORIES, CATEGORY_LABEL, FUND_SOURCES, SOURCE_LABEL } from "../domain/aid-rules.ts";
import { festivalName } from "../domain/visit-settings.ts";
import { eventLabel } from "../domain/visit-labels.ts";
import { netIncome, netPaid, sharePercent, type YearFigures, type YearReport } from "../domain/year-report.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";
import { sheet, yuan } from "./sheet.ts";

type Figure = { label: string; value: (f: YearFigures) => number };

const TALK_FORM_LABEL = { IN_PERSON: "面谈", PHONE: "电话", VIDEO: "视频" } as const;
const LEVEL_LABEL = { BRANCH: "支部", COMMITTEE: "党委", HIGHER: "上级党组织" } as const;

/** Every row of the 年度报告 sheet, in order; festivals and event kinds are those the year had. */
export function yearFigureRows(r: YearReport): { section: string; figures: Figure[] }[] {
  const all = [r.total, ...r.parts.map((p) => p.figures)];
  const festivals = [...new Set(all.flatMap((f) => Object.keys(f.visits.byFestival)))].sort();
  const events = [...new Set(all.flatMap((f) => Object.keys(f.visits.byEvent)))].sort();
  return [
    {
      section: "谈心谈话",
      figures: [
        { label: "应谈心党员（人）", value: (f) => f.talks.due },
        { label: "已谈心党员（人）", value: (f) => f.talks.talkedWith },
        { label: "谈心覆盖率（%）", value: (f) => sharePercent(f.talks.talkedWith, f.talks.due) },
        { label: "谈话次数", value: (f) => f.talks.held },
        ...(["IN_PERSON", "PHONE", "VIDEO"] as const).map((k) => ({ label: `　其中${TALK_FORM_LABEL[k]}`, value: (f: YearFigures) => f.talks.byForm[k] })),
        { label: "党员相互谈心（次）", value: (f) => f.talks.peerTalks },
        { label: "参与相互谈心的党员（人）", value: (f) => f.talks.peerMembers },
      ],
    },
    {
      section: "走访慰问",
      figures: [
        { label: "已走访（次）", value: (f) => f.visits.done },
        { label: "待走访（次）", value: (f) => f.visits.planned },
        ...festivals.flatMap((k) => [
          { label: `${festivalName(k).zh}走访：已走访`, value: (f: YearFigures) => f.visits.byFestival[k]?.done ?? 0 },
          { label: `${festivalName(k).zh}走访：待走访`, value: (f: YearFigures) => f.visits.byFestival[k]?.planned ?? 0 },
          { label: `${festivalName(k).zh}走访：慰问金（元）`, value: (f: YearFigures) => yuan(f.visits.byFestival[k]?.amountFen ?? 0) },
        ]),
        ...events.flatMap((k) => [
          { label: `六必访·${eventLabel(k).zh}：已走访`, value: (f: YearFigures) => f.visits.byEvent[k]?.done ?? 0 },
          { label: `六必访·${eventLabel(k).zh}：待走访`, value: (f: YearFigures) => f.visits.byEvent[k]?.planned ?? 0 },
          { label: `六必访·${eventLabel(k).zh}：慰问金（元）`, value: (f: YearFigures) => yuan(f.visits.byEvent[k]?.amountFen ?? 0) },
        ]),
        ...FUND_SOURCES.map((s) => ({ label: `慰问金来自${SOURCE_LABEL[s].zh}（元）`, value: (f: YearFigures) => yuan(f.visits.amountBySource[s]) })),
        { label: "慰问金未动用帮扶资金（元）", value: (f) => yuan(f.visits.amountBySource.NONE) },
      ],
    },
    {
      section: "帮扶申请",
      figures: AID_CATEGORIES.flatMap((c) => [
        { label: `${CATEGORY_LABEL[c].zh}：申请`, value: (f: YearFigures) => f.aid.byCategory[c].filed },
        { label: `${CATEGORY_LABEL[c].zh}：批准`, value: (f: YearFigures) => f.aid.byCategory[c].approved },
        { label: `${CATEGORY_LABEL[c].zh}：不予批准`, value: (f: YearFigures) => f.aid.byCategory[c].rejected },
        { label: `${CATEGORY_LABEL[c].zh}：发放（元）`, value: (f: YearFigures) => yuan(f.aid.byCategory[c].paidFen) },
      ]).concat(
        FUND_SOURCES.flatMap((s) => [
          { label: `${SOURCE_LABEL[s].zh}：批准（件）`, value: (f: YearFigures) => f.aid.bySource[s].approved },
          { label: `${SOURCE_LABEL[s].zh}：发放（元）`, value: (f: YearFigures) => yuan(f.aid.bySource[s].paidFen) },
        ]),
      ),
    },
    {
      section: "帮扶资金",
      figures: FUND_SOURCES.flatMap((s) => [
        { label: `${SOURCE_LABEL[s].zh}：年初余额（元）`, value: (f: YearFigures) => yuan(f.fund[s].openingFen) },
        { label: `${SOURCE_LABEL[s].zh}：本年收入（元，扣除冲正）`, value: (f: YearFigures) => yuan(netIncome(f.fund[s])) },
        { label: `${SOURCE_LABEL[s].zh}：本年支出（元，扣除冲正）`, value: (f: YearFigures) => yuan(netPaid(f.fund[s])) },
        { label: `${SOURCE_LABEL[s].zh}：年末余额（元）`, value: (f: YearFigures) => yuan(f.fund[s].closingFen) },
      ]),
    },
    {
      section: "困难党员档案",
      figures: [
        { label: "年初在档（户）", value: (f) => f.hardship.activeAtStart },
        { label: "本年新建（户）", value: (f) => f.hardship.opened },
        { label: "本年解困（户）", value: (f) => f.hardship.resolved },
        { label: "困难等级调整（次）", value: (f) => f.hardship.levelChanges },
        { label: "年末在档（户）", value: (f) => f.hardship.activeAtEnd },
      ],
    },
    {
      section: "培训与就业",
      figures: [
        { label: "培训场次", value: (f) => f.training.sessions },
        { label: "参训人次", value: (f) => f.training.attendance },
        { label: "参训党员（人）", value: (f) => f.training.membersTrained },
        { label: "党员参训率（%）", value: (f) => sharePercent(f.training.membersTrained, f.training.members) },
        { label: "培训支持申请（件）", value: (f) => f.training.applications },
        { label: "培训支持批准（件）", value: (f) => f.training.granted },
        { label: "培训补贴（元）", value: (f) => yuan(f.training.subsidyFen) },
        { label: "求职登记（人）", value: (f) => f.employment.registered },
        { label: "已就业（人）", value: (f) => f.employment.employed },
      ],
    },
    {
      section: "表彰与流动党员",
      figures: [
        ...(["BRANCH", "COMMITTEE", "HIGHER"] as const).map((l) => ({ label: `${LEVEL_LABEL[l]}表彰（人次）`, value: (f: YearFigures) => f.commendations[l] })),
        { label: "流动党员（人）", value: (f) => f.mobile.members },
        { label: "流动党员联系（次）", value: (f) => f.mobile.contacts },
      ],
    },
    {
      section: "组织结对与意见建议",
      figures: [
        { label: "组织结对（对）", value: (f) => f.pairings.active },
        { label: "共建活动（次）", value: (f) => f.pairings.activities },
        { label: "收到意见建议（条）", value: (f) => f.suggestions.received },
        { label: "已答复（条）", value: (f) => f.suggestions.answered },
        { label: "匿名（条）", value: (f) => f.suggestions.anonymous },
      ],
    },
  ];
}

/** A column key per organisation: the total first (a committee's), then each branch. */
function columnsOf(r: YearReport): { key: string; header: string; figures: YearFigures }[] {
  if (!r.org.committee) return [{ key: "o0", header: r.parts[0]?.name ?? r.org.name, figures: r.total }];
  return [{ key: "total", header: "合计", figures: r.total }, ...r.parts.map((p, i) => ({ key: `o${i}`, header: p.name, figures: p.figures }))];
}

export function yearReportWorkbook(r: YearReport, generatedAt: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心";
  const cols = columnsOf(r);
  const ws = sheet(wb, "年度报告", [
    { header: "类别", key: "section", width: 18 },
    { header: "项目", key: "label", width: 32 },
    ...cols.map((c) => ({ header: c.header, key: c.key, width: 16 })),
  ]);
  for (const { section, figures } of yearFigureRows(r)) {
    for (const fig of figures) ws.addRow({ section, label: fig.label, ...Object.fromEntries(cols.map((c) => [c.key, fig.value(c.figures)])) });
  }
  ws.addRow({});
  ws.addRow({ section: `${r.org.name} ${r.year}年度报告，数据截至 ${r.asOf}，生成时间 ${generatedAt}` });

  const fund = sheet(wb, "资金核对", [
    { header: "支部", key: "org", width: 24 },
    { header: "来源", key: "source", width: 16 },
    { header: "年初余额（元）", key: "opening", width: 14 },
    { header: "本年收入（元）", key: "income", width: 14 },
    { header: "收入冲正（元）", key: "incomeReversed", width: 14 },
    { header: "本年支出（元）", key: "paid", width: 14 },
    { header: "支出冲正退回（元）", key: "paidReversed", width: 18 },
    { header: "年末余额（元）", key: "closing", width: 14 },
    { header: "次年流水（元）", key: "later", width: 14 },
    { header: "账面余额（元）", key: "balance", width: 14 },
    { header: "核对", key: "agrees", width: 8 },
  ]);
  const fundRows = r.org.committee ? [...r.parts.map((p) => ({ name: p.name, figures: p.figures })), { name: "合计", figures: r.total }] : r.parts.map((p) => ({ name: p.name, figures: p.figures }));
  for (const o of fundRows) {
    for (const s of FUND_SOURCES) {
      const f = o.figures.fund[s];
      fund.addRow({
        org: o.name,
        source: SOURCE_LABEL[s].zh,
        opening: yuan(f.openingFen),
        income: yuan(f.incomeFen),
        incomeReversed: yuan(f.incomeReversedFen),
        paid: yuan(f.paidFen),
        paidReversed: yuan(f.paidReversedFen),
        closing: yuan(f.closingFen),
        later: yuan(f.laterFen),
        balance: yuan(f.balanceFen),
        agrees: f.agrees ? "✓" : "不平",
      });
    }
  }
  fund.addRow({});
  fund.addRow({ org: "年末余额 = 年初余额 + 本年收入 - 收入冲正 - 本年支出 + 支出冲正退回；年末余额 + 次年流水 = 账面余额 时为 ✓" });
  return neutraliseWorkbook(wb);
}
