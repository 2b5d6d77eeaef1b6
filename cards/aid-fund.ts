// The aid fund (帮扶资金): balances by source, the latest ledger lines, the income form, and the
// yearly 收支公开 posted to the branch group, which carries sums and counts only, no names.
import { FUND_SOURCES, NOTE_MAX, SOURCE_LABEL, type FundEntryKind, type FundSource, type SummaryRow } from "../src/domain/aid-rules.ts";
import { yuanText } from "../src/domain/money.ts";
import { AID_ACTION, clip, esc, lineWithButton, mdLines } from "./aid-common.ts";
import { button, card, columns, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";

export interface EntryView {
  id: number;
  at: string;
  kind: FundEntryKind;
  source: FundSource;
  amountFen: number;
  /** Income: the payer or donor; disbursement: the member paid. */
  party: string | null;
  requestNumber: string | null;
  note: string | null;
  /** Why a reversal or a correcting income was booked. */
  reason: string | null;
  /** For a reversal: the entry it undid and that entry's kind. */
  reverses: { id: number; kind: FundEntryKind } | null;
  /** Undone by a later reversal. */
  reversed: boolean;
}

function entryLine(e: EntryView): Text {
  const s = SOURCE_LABEL[e.source];
  const y = yuanText(e.amountFen);
  const party = e.party ? ` · ${esc(clip(e.party, 30))}` : "";
  const head = `#${e.id} ${e.at}`;
  const undone = e.reversed ? t("〔已冲正〕", " [reversed]") : t("", "");
  if (e.kind === "REVERSAL") {
    const back = e.reverses?.kind !== "INCOME";
    const why = e.reason ? `：${esc(clip(e.reason, 40))}` : "";
    const of = e.reverses ? `#${e.reverses.id}` : "";
    return {
      zh: `${head}　冲正 **${back ? "+" : "-"}${y.zh}** ${s.zh}${party}（冲正 ${of}${why}）`,
      en: `${head}　reversal **${back ? "+" : "-"}${y.en}** ${s.en}${party} (undoes ${of}${e.reason ? `: ${esc(clip(e.reason, 40))}` : ""})`,
    };
  }
  if (e.kind === "INCOME") {
    const noteZh = e.note ? `（${esc(clip(e.note, 40))}）` : "";
    const fix = e.reason ? { zh: ` · 更正：${esc(clip(e.reason, 40))}`, en: ` · correction: ${esc(clip(e.reason, 40))}` } : t("", "");
    return { zh: `${head}　收入 **+${y.zh}** ${s.zh}${party}${noteZh}${fix.zh}${undone.zh}`, en: `${head}　in **+${y.en}** ${s.en}${party}${fix.en}${undone.en}` };
  }
  const req = e.requestNumber ? ` · ${e.requestNumber}` : "";
  return { zh: `${head}　支出 **-${y.zh}** ${s.zh}${party}${req}${undone.zh}`, en: `${head}　out **-${y.en}** ${s.en}${party}${req}${undone.en}` };
}

/** The latest entries; for the secretary, each entry that can still be undone has its 冲正 button. */
function entryElements(recent: readonly EntryView[], canCorrect: boolean): Element[] {
  if (recent.length === 0) return [md(t("暂无收支记录。", "No entries yet."))];
  if (!canCorrect) return [mdLines([t("**最近收支**", "**Latest entries**"), ...recent.map(entryLine)])];
  return [
    md(t("**最近收支**", "**Latest entries**")),
    ...recent.map((e) =>
      e.kind === "REVERSAL" || e.reversed
        ? md(entryLine(e))
        : lineWithButton(md(entryLine(e)), button({ text: t("冲正", "Reverse"), action: AID_ACTION.reverseOpen, value: { e: e.id, b: "fund" } })),
    ),
  ];
}

export function fundCard(data: { orgId: number; orgName: string; year: number; balances: Record<FundSource, number>; recent: EntryView[]; canCorrect?: boolean }): Card {
  const total = FUND_SOURCES.reduce((a, s) => a + data.balances[s], 0);
  const elements: Element[] = [
    columns(
      FUND_SOURCES.map((s) => [md({ zh: `**${SOURCE_LABEL[s].zh}**\n${yuanText(data.balances[s]).zh}`, en: `**${SOURCE_LABEL[s].en}**\n${yuanText(data.balances[s]).en}` })]),
      { flex: "trisect" },
    ),
    md({ zh: `合计余额：**${yuanText(total).zh}**`, en: `Total balance: **${yuanText(total).en}**` }),
    hr(),
    ...entryElements(data.recent, data.canCorrect ?? false),
    ...(data.canCorrect ? [note(t("录入有误或款项退回时可「冲正」：整笔冲销并记一笔冲正流水，原记录保留；冲正须说明原因。", "A wrong or returned entry is reversed whole by a linked entry; the original stays. A reason is required."))] : []),
    hr(),
    form("fund_income", [
      md(t("**登记收入**", "**Record income**")),
      columns([
        [select({ name: "source", placeholder: t("资金来源", "Source"), options: FUND_SOURCES.map((s) => ({ value: s, text: SOURCE_LABEL[s] })) })],
        [input({ name: "amount", label: t("金额（元）", "Amount (yuan)"), placeholder: t("例如 5000", "e.g. 5000") })],
      ]),
      input({ name: "payer", label: t("拨付单位 / 捐赠人", "Payer or donor"), placeholder: t("例如 磐东街道办事处", "e.g. the street office"), maxLength: 100 }),
      input({ name: "note", label: t("备注（可不填）", "Note (optional)"), maxLength: NOTE_MAX }),
      button({ text: t("登记收入", "Record"), action: AID_ACTION.fundIncome, value: { o: data.orgId }, type: "primary_filled", name: "record", submit: true }),
    ]),
    button({
      text: t(`发布 ${data.year} 年收支公开到支部群`, `Post the ${data.year} summary to the branch group`),
      action: AID_ACTION.fundDisclose,
      value: { o: data.orgId, y: data.year },
      confirm: { title: t("收支公开", "Disclose"), text: t("将在支部群发布本年度收支汇总（不含个人信息）。", "Posts this year's totals (no personal details) to the branch group.") },
    }),
  ];
  return card({ title: { zh: `帮扶资金 · ${data.orgName}`, en: `Aid fund · ${data.orgName}` }, template: "indigo", elements });
}

/** 收支公开: per source, opening balance, income, payments, reversals (冲正) when any, closing balance. No names. */
export function disclosureCard(data: { orgName: string; year: number; rows: SummaryRow[]; total: Omit<SummaryRow, "source">; asOf: string }): Card {
  const reversals = (r: Omit<SummaryRow, "source">): Text => {
    const parts: Text[] = [];
    if (r.reversedPaidCount > 0) parts.push({ zh: `支出冲正退回 +${yuanText(r.reversedPaidFen).zh}（${r.reversedPaidCount} 笔）`, en: `payments reversed +${yuanText(r.reversedPaidFen).en} (${r.reversedPaidCount})` });
    if (r.reversedIncomeCount > 0) parts.push({ zh: `收入冲正 -${yuanText(r.reversedIncomeFen).zh}（${r.reversedIncomeCount} 笔）`, en: `income reversed -${yuanText(r.reversedIncomeFen).en} (${r.reversedIncomeCount})` });
    return parts.length ? { zh: `，${parts.map((p) => p.zh).join("，")}`, en: `, ${parts.map((p) => p.en).join(", ")}` } : t("", "");
  };
  const row = (label: Text, r: Omit<SummaryRow, "source">): Text => ({
    zh: `**${label.zh}**：上年结余 ${yuanText(r.openingFen).zh}，收入 ${yuanText(r.incomeFen).zh}（${r.incomeCount} 笔），帮扶支出 ${yuanText(r.disbursedFen).zh}（${r.disbursedCount} 笔）${reversals(r).zh}，结余 ${yuanText(r.closingFen).zh}`,
    en: `**${label.en}**: opening ${yuanText(r.openingFen).en}, income ${yuanText(r.incomeFen).en} (${r.incomeCount}), aid paid ${yuanText(r.disbursedFen).en} (${r.disbursedCount})${reversals(r).en}, closing ${yuanText(r.closingFen).en}`,
  });
  const anyReversal = data.total.reversedPaidCount + data.total.reversedIncomeCount > 0;
  return card({
    title: { zh: `${data.year} 年帮扶资金收支公开`, en: `Aid fund ${data.year}: income and spending` },
    subtitle: { zh: data.orgName, en: data.orgName },
    template: "red",
    elements: [
      mdLines(data.rows.map((r) => row(SOURCE_LABEL[r.source], r))),
      hr(),
      mdLines([row(t("合计", "Total"), data.total)]),
      ...(anyReversal
        ? [note(t("冲正：录入有误或款项退回的流水，以一笔反向流水整笔冲销，原记录保留，结余已按冲正计算。", "Reversals undo a wrong or returned entry with an opposite one; the original stays, and the closing balance counts them."))]
        : []),
      note({ zh: `统计截至 ${data.asOf}。帮扶资金专款专用，欢迎党员监督（党费使用公开）。`, en: `As of ${data.asOf}. The fund is used only for aid; members are welcome to oversee it.` }),
    ],
  });
}
