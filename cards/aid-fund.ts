// The aid fund (帮扶资金): balances by source, the latest ledger lines, the income form, and the
// yearly 收支公开 posted to the branch group, which carries sums and counts only, no names.
import { CATEGORY_LABEL, FUND_SOURCES, NOTE_MAX, SOURCE_LABEL, type FundEntryKind, type FundSource, type SummaryRow } from "../src/domain/aid-rules.ts";
import { VISIT_CATEGORY_LABEL, type MinimalBreakdown, type PaymentCategory, type PublicBreakdown } from "../src/domain/fund-disclosure.ts";
import { formatFen, yuanText } from "../src/domain/money.ts";
import { AID_ACTION, clip, esc, joinText, lineWithButton, mdLines } from "./aid-common.ts";
import { button, card, columns, form, hr, input, md, note, select, t, table, type Card, type Element, type Text } from "./kit.ts";

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
    // Opens the private preview; only its 确认公开 posts to the group.
    button({ text: t(`${data.year} 年收支公开（先预览）`, `${data.year} summary (preview first)`), action: AID_ACTION.fundDisclose, value: { o: data.orgId, y: data.year } }),
  ];
  return card({ title: { zh: `帮扶资金 · ${data.orgName}`, en: `Aid fund · ${data.orgName}` }, template: "indigo", elements });
}

/** ¥1,234.00: money as a table cell shows it, the sign before the symbol. */
export function moneyCell(fen: number): Text {
  const s = `${fen < 0 ? "-" : ""}¥${formatFen(Math.abs(fen))}`;
  return { zh: s, en: s };
}

/**
 * 收支公开: a small table, one row per source (收入, 支出, 余额 of the year, money right-aligned),
 * the totals under it, then what the table leaves out: last year's balances, the counts and any
 * 冲正. Sums and counts only, no names.
 */
export interface DisclosureData {
  orgName: string;
  year: number;
  rows: SummaryRow[];
  total: Omit<SummaryRow, "source">;
  asOf: string;
  /** Finer than per source, made minimal by src/domain/fund-disclosure.ts (groups of 3+ payments only). */
  breakdown?: PublicBreakdown;
}

export function disclosureCard(data: DisclosureData): Card {
  return card({ title: disclosureTitle(data.year), subtitle: { zh: data.orgName, en: data.orgName }, template: "red", elements: disclosureElements(data) });
}

const disclosureTitle = (year: number): Text => ({ zh: `${year} 年帮扶资金收支公开`, en: `Aid fund ${year}: income and spending` });

const MONTH_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const categoryLabel = (c: PaymentCategory): Text => (c === "VISIT" ? VISIT_CATEGORY_LABEL : CATEGORY_LABEL[c]);
const monthLabel = (m: number): Text => ({ zh: `${m} 月`, en: MONTH_EN[m - 1] ?? String(m) });

/** One breakdown as a table (类别 or 月份, 笔数, 金额), its 其他 row last; nothing when nothing may be listed. */
function breakdownTable<K>(b: MinimalBreakdown<K>, head: Text, label: (k: K) => Text, restLabel: Text): Element[] {
  if (b.shown.length === 0) return [];
  const row = (name: Text, count: number, fen: number) => ({ name, count: { zh: String(count), en: String(count) }, paid: moneyCell(fen) });
  return [
    table({
      columns: [
        { name: "name", title: head },
        { name: "count", title: t("笔数", "Payments"), align: "right" },
        { name: "paid", title: t("支出", "Aid paid"), align: "right" },
      ],
      rows: [...b.shown.map((g) => row(label(g.key), g.count, g.fen)), ...(b.rest ? [row(restLabel, b.rest.count, b.rest.fen)] : [])],
    }),
  ];
}

/** The breakdown's tables and the note that says why small groups are not listed. */
function breakdownElements(b: PublicBreakdown | undefined): Element[] {
  if (!b) return [];
  const withheld = [
    ...(b.byCategory.withheld ? [t("少于 3 笔的类别不单列，以免识别到个人", "Categories with fewer than 3 payments are not listed, so no one can be recognised")] : []),
    ...(b.byMonth.withheld ? [t("少于 3 笔的月份不单列", "Months with fewer than 3 payments are not listed")] : []),
  ];
  return [
    ...breakdownTable(b.byCategory, t("类别", "Category"), categoryLabel, t("其他", "Other")),
    ...breakdownTable(b.byMonth, t("月份", "Month"), monthLabel, t("其他月份", "Other months")),
    ...(withheld.length ? [note(joinText(withheld, "；", "; "))] : []),
  ];
}

/** What the group sees: the same elements in the group's card and in the secretary's preview. */
function disclosureElements(data: DisclosureData): Element[] {
  const money = (fen: number) => moneyCell(fen);
  const reversals = data.rows.flatMap((r): Text[] => {
    const s = SOURCE_LABEL[r.source];
    return [
      ...(r.reversedPaidCount > 0 ? [{ zh: `${s.zh}支出冲正退回 +${money(r.reversedPaidFen).zh}（${r.reversedPaidCount} 笔）`, en: `${s.en}: payments reversed +${money(r.reversedPaidFen).en} (${r.reversedPaidCount})` }] : []),
      ...(r.reversedIncomeCount > 0 ? [{ zh: `${s.zh}收入冲正 -${money(r.reversedIncomeFen).zh}（${r.reversedIncomeCount} 笔）`, en: `${s.en}: income reversed -${money(r.reversedIncomeFen).en} (${r.reversedIncomeCount})` }] : []),
    ];
  });
  const tot = data.total;
  const opening = joinText(data.rows.map((r) => ({ zh: `${SOURCE_LABEL[r.source].zh} ${money(r.openingFen).zh}`, en: `${SOURCE_LABEL[r.source].en} ${money(r.openingFen).en}` })), "，", "; ");
  return [
    table({
      columns: [
        { name: "source", title: t("资金来源", "Source") },
        { name: "income", title: t("收入", "Income"), align: "right" },
        { name: "paid", title: t("支出", "Aid paid"), align: "right" },
        { name: "closing", title: t("余额", "Balance"), align: "right" },
      ],
      rows: data.rows.map((r) => ({ source: SOURCE_LABEL[r.source], income: money(r.incomeFen), paid: money(r.disbursedFen), closing: money(r.closingFen) })),
    }),
    md({
      zh: `**合计**　收入 ${money(tot.incomeFen).zh}　支出 ${money(tot.disbursedFen).zh}　余额 **${money(tot.closingFen).zh}**`,
      en: `**Total**　income ${money(tot.incomeFen).en}　paid ${money(tot.disbursedFen).en}　balance **${money(tot.closingFen).en}**`,
    }),
    note({
      zh: [
        `上年结余：${opening.zh}（合计 ${money(tot.openingFen).zh}）`,
        `本年收入 ${tot.incomeCount} 笔，帮扶支出 ${tot.disbursedCount} 笔`,
        ...(reversals.length ? [`冲正：${reversals.map((x) => x.zh).join("；")}。录入有误或款项退回的流水以一笔反向流水整笔冲销，原记录保留，余额已按冲正计算`] : []),
      ].join("\n"),
      en: [
        `Carried over: ${opening.en} (total ${money(tot.openingFen).en})`,
        `${tot.incomeCount} income entries, ${tot.disbursedCount} aid payments this year`,
        ...(reversals.length ? [`Reversals: ${reversals.map((x) => x.en).join("; ")}. A wrong or returned entry is undone whole by an opposite one; the original stays, and the balance counts it`] : []),
      ].join("\n"),
    }),
    ...breakdownElements(data.breakdown),
    note({ zh: `统计截至 ${data.asOf}。帮扶资金专款专用，欢迎党员监督（党费使用公开）。`, en: `As of ${data.asOf}. The fund is used only for aid; members are welcome to oversee it.` }),
  ];
}

/** Where a preview stands: waiting for 确认公开 (whose button carries what it checks), or posted. */
export type DisclosurePreviewState = { kind: "preview"; orgId: number; check: string } | { kind: "posted"; at: string };

/**
 * The secretary's private preview of 收支公开: exactly the group's card under a line saying where
 * it goes, with 确认公开 / 取消. Once posted, the same card says when.
 */
export function disclosurePreviewCard(data: DisclosureData, state: DisclosurePreviewState): Card {
  const title = disclosureTitle(data.year);
  const head =
    state.kind === "posted"
      ? md({ zh: `✅ 已公开 于 ${state.at}，支部群看到的是以下内容。`, en: `✅ Posted at ${state.at}; the group sees what follows.` })
      : md(t("**预览**：确认后，以下内容将发布到支部群，全体党员可见；确认前没有人会看到。", "**Preview**: once confirmed, what follows is posted to the branch group for every member; nobody sees it before."));
  const buttons =
    state.kind === "preview"
      ? [
          hr(),
          columns([
            [button({ text: t("确认公开", "Post it"), action: AID_ACTION.fundDiscloseConfirm, value: { o: state.orgId, y: data.year, h: state.check, s: data.asOf }, type: "primary_filled" })],
            [button({ text: t("取消", "Cancel"), action: AID_ACTION.fundDiscloseCancel, value: { o: state.orgId, y: data.year } })],
          ]),
        ]
      : [];
  return card({
    title: state.kind === "posted" ? { zh: `已公开 · ${title.zh}`, en: `Posted · ${title.en}` } : { zh: `预览 · ${title.zh}`, en: `Preview · ${title.en}` },
    subtitle: { zh: data.orgName, en: data.orgName },
    template: state.kind === "posted" ? "green" : "orange",
    elements: [head, hr(), ...disclosureElements(data), ...buttons],
  });
}

/** The preview after 取消: the figures are gone from it, and it says how to start again. */
export function disclosureCancelledCard(data: { orgName: string; year: number }): Card {
  const title = disclosureTitle(data.year);
  return card({
    title: { zh: `已取消 · ${title.zh}`, en: `Cancelled · ${title.en}` },
    subtitle: { zh: data.orgName, en: data.orgName },
    template: "grey",
    elements: [md(t("已取消，未发布到支部群。需要时请重新发送「收支公开」。", "Cancelled; nothing was posted to the group. Send 收支公开 again when needed."))],
  });
}
