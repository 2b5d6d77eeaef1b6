// 冲正 (reversal) of a ledger entry: the secretary's form (what is undone, what it does to the
// balance, a required reason, and for income the right figures), and what the member is told
// when an aid payment to them is reversed.
import { CATEGORY_LABEL, FUND_SOURCES, NOTE_MAX, SOURCE_LABEL, type AidCategory, type FundSource } from "../src/domain/aid-rules.ts";
import { REASON_MAX } from "../src/domain/fund-correction.ts";
import { yuanText } from "../src/domain/money.ts";
import { AID_ACTION, clip, esc, mdLines } from "./aid-common.ts";
import { reversalLines, type ReversalView } from "./aid-request.ts";
import { button, card, columns, form, hr, input, md, note, select, t, type Card, type Element, type Text } from "./kit.ts";

/** The card the form was opened from, which "返回" and the saved reversal redraw. */
export type ReversalBack = "fund" | "aid" | "training";

export interface ReversalFormView {
  entryId: number;
  back: ReversalBack;
  kind: "INCOME" | "DISBURSEMENT";
  source: FundSource;
  amountFen: number;
  at: string;
  orgName: string;
  /** Income: the payer; disbursement: the member paid. */
  party: string | null;
  note: string | null;
  /** What the disbursement paid, when it paid a request or a training subsidy. */
  paidFor: { kind: "aid"; number: string } | { kind: "training"; label: string; course: string } | null;
  balanceFen: number;
}

function title(v: ReversalFormView): Text {
  if (v.paidFor?.kind === "aid") return { zh: `冲正帮扶款 · ${v.paidFor.number}`, en: `Reverse aid payment · ${v.paidFor.number}` };
  if (v.paidFor?.kind === "training") return { zh: `冲正培训补贴 · ${v.paidFor.label}`, en: `Reverse training subsidy · ${v.paidFor.label}` };
  return v.kind === "INCOME" ? { zh: `冲正或更正收入 · 流水 #${v.entryId}`, en: `Reverse or correct income · entry #${v.entryId}` } : { zh: `冲正支出 · 流水 #${v.entryId}`, en: `Reverse a payment · entry #${v.entryId}` };
}

function originalLines(v: ReversalFormView): Text[] {
  const y = yuanText(v.amountFen);
  const s = SOURCE_LABEL[v.source];
  const party = v.party ? esc(clip(v.party, 40)) : "";
  const lines: Text[] = [
    v.kind === "INCOME"
      ? { zh: `**原记录**：#${v.entryId} ${v.at} 收入 **+${y.zh}**（${s.zh}）${party ? ` · ${party}` : ""}`, en: `**Entry**: #${v.entryId} ${v.at} income **+${y.en}** (${s.en})${party ? ` · ${party}` : ""}` }
      : { zh: `**原记录**：#${v.entryId} ${v.at} 支出 **-${y.zh}**（${s.zh}）${party ? ` · ${party}` : ""}`, en: `**Entry**: #${v.entryId} ${v.at} paid **-${y.en}** (${s.en})${party ? ` · ${party}` : ""}` },
  ];
  if (v.paidFor?.kind === "aid") lines.push({ zh: `**帮扶申请**：${v.paidFor.number}`, en: `**Aid request**: ${v.paidFor.number}` });
  if (v.paidFor?.kind === "training") lines.push({ zh: `**培训申请**：${v.paidFor.label}「${esc(clip(v.paidFor.course, 40))}」`, en: `**Training application**: ${v.paidFor.label} "${esc(clip(v.paidFor.course, 40))}"` });
  if (v.note) lines.push({ zh: `**备注**：${esc(clip(v.note, 80))}`, en: `**Note**: ${esc(clip(v.note, 80))}` });
  return lines;
}

function effectLines(v: ReversalFormView): Text[] {
  const s = SOURCE_LABEL[v.source];
  const after = v.kind === "INCOME" ? v.balanceFen - v.amountFen : v.balanceFen + v.amountFen;
  const whole = { zh: `**冲正金额**：整笔 ${yuanText(v.amountFen).zh}。冲正总是整笔冲销原流水，不能多冲或部分冲正；原记录保留，另记一笔冲正流水。`, en: `**Amount**: the whole ${yuanText(v.amountFen).en}; a reversal never undoes more or less than the entry, which stays on record.` };
  const balance = { zh: `**「${s.zh}」余额**：${yuanText(v.balanceFen).zh} → ${yuanText(after).zh}`, en: `**${s.en} balance**: ${yuanText(v.balanceFen).en} → ${yuanText(after).en}` };
  const lines: Text[] = [whole, balance];
  if (v.kind === "INCOME" && after < 0) {
    lines.push(t("⚠️ 该笔收入已有部分被支出，只冲正将使余额为负，系统会拒绝；如是金额录错，请在下方填写正确金额一并更正。", "⚠️ Part of this income was spent; reversing it alone would leave the balance below zero and is refused. If the amount was mistyped, give the right one below."));
  }
  if (v.paidFor?.kind === "aid") lines.push(t("申请状态将改为「已冲正」，并通知申请人。", "The request becomes 'payment reversed' and the member is told."));
  if (v.paidFor?.kind === "training") lines.push(t("培训申请状态将改为「已冲正」，并通知申请人。", "The application becomes 'payment reversed' and the member is told."));
  return lines;
}

export function reversalFormCard(v: ReversalFormView): Card {
  const value = { e: v.entryId, b: v.back };
  const fields: Element[] = [input({ name: "reason", label: t("冲正原因（必填）", "Reason (required)"), placeholder: t("例如：金额录入错误 / 款项已退回", "e.g. amount mistyped / money returned"), required: true, multiline: true, maxLength: REASON_MAX })];
  if (v.kind === "INCOME") {
    fields.push(
      md(t("**更正为（可不填：只冲正则留空）**", "**Correct to (optional: leave empty to reverse only)**")),
      columns([
        [select({ name: "source", placeholder: t("正确的资金来源", "Right source"), initial: v.source, options: FUND_SOURCES.map((s) => ({ value: s, text: SOURCE_LABEL[s] })) })],
        [input({ name: "amount", label: t("正确金额（元）", "Right amount (yuan)"), placeholder: t("例如 450", "e.g. 450") })],
      ]),
      input({ name: "payer", label: t("正确的拨付单位 / 捐赠人", "Right payer or donor"), maxLength: 100, ...(v.party ? { defaultValue: v.party } : {}) }),
      input({ name: "note", label: t("备注（可不填）", "Note (optional)"), maxLength: NOTE_MAX }),
    );
  }
  fields.push(
    columns([
      [
        button({
          text: t("确认冲正", "Reverse"),
          action: AID_ACTION.reverse,
          value,
          type: "danger",
          name: "reverse",
          submit: true,
          confirm: { title: t("确认冲正", "Reverse this entry?"), text: t("冲正将记入台账且不可撤销，原记录保留。", "The reversal is booked for good; the original stays on record.") },
        }),
      ],
      [button({ text: t("返回", "Back"), action: AID_ACTION.reverseCancel, value, name: "back" })],
    ]),
  );
  return card({
    title: title(v),
    subtitle: { zh: v.orgName, en: v.orgName },
    template: "carmine",
    elements: [mdLines(originalLines(v)), hr(), mdLines(effectLines(v)), form("fund_reverse", fields), note(t("冲正及原因会记入审计日志，并在收支公开中显示。", "The reversal and its reason are audited and shown in the yearly disclosure."))],
  });
}

/** What the member (or whoever filed for them) is told when the payment of their request is reversed. */
export function aidReversedCard(data: { number: string; category: AidCategory; amountFen: number; reversal: ReversalView; forName?: string }): Card {
  return card({
    title: t(`帮扶款项已冲正 · ${data.number}`, `Aid payment reversed · ${data.number}`),
    template: "grey",
    elements: [
      mdLines([
        data.forName
          ? { zh: `**申请人**：${data.forName}（由您代为提交）`, en: `**For**: ${data.forName} (you filed it)` }
          : { zh: `您的「${CATEGORY_LABEL[data.category].zh}」帮扶申请已批准的款项 ${yuanText(data.amountFen).zh}已冲正：`, en: `The ${yuanText(data.amountFen).en} approved on your request (${CATEGORY_LABEL[data.category].en}) was reversed:` },
        ...reversalLines(data.reversal, null, null).slice(1),
      ]),
      note(t("如款项已发放或对冲正有疑问，请联系支部书记。", "If the money already reached you, or you have questions, talk to your secretary.")),
    ],
  });
}
