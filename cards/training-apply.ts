// 培训支持, the member's side and the secretary's: the application form, the receipt, the
// decision card (like the aid approval card: the member's year so far, the fund's balances, and
// what to grant), and the result the member is told.
import { spanWords } from "../src/domain/date-words.ts";
import { FUND_SOURCES, NOTE_MAX, DESCRIPTION_MAX, SOURCE_LABEL, STATUS_LABEL, type AidStatus, type FundSource } from "../src/domain/aid-rules.ts";
import { fenToInput, yuanText } from "../src/domain/money.ts";
import { ASK_LABEL, COURSE_MAX, TRAINING_ASKS, type TrainingAsk, type TrainingInput } from "../src/domain/training-rules.ts";
import { clip, esc, joinText, mdLines, multiSelect } from "./aid-common.ts";
import { button, card, columns, datePicker, form, hr, input, note, select, t, type Card, type Colour, type Element, type Text } from "./kit.ts";
import { reversalLines, type ReversalView } from "./aid-request.ts";
import { TRAINING_REVERSE_OPEN } from "./training-reversal.ts";
import { WORK_ACTION } from "./work-common.ts";

export interface TrainingDecision {
  status: "APPROVED" | "REJECTED";
  granted: TrainingAsk[];
  subsidyFen: number | null;
  source: FundSource | null;
  note: string | null;
  by: string;
  at: string;
  /** The subsidy was reversed (冲正) later. */
  reversal?: ReversalView | null;
}

export interface TrainingView extends TrainingInput {
  id: number;
  /** The readable number (2026-0012), or "#id" for an application filed before numbering. */
  label: string;
  member: string;
  branch: string;
  filedAt: string;
  status: AidStatus;
  decision: TrainingDecision | null;
}

const COLOUR: Record<AidStatus, Colour> = { PENDING: "orange", NEEDS_INFO: "yellow", APPROVED: "green", REJECTED: "grey", CANCELLED: "grey", REVERSED: "grey" };
const asksText = (asks: readonly TrainingAsk[]): Text => joinText(asks.map((a) => ASK_LABEL[a]));
const money = (fen: number | null): Text => (fen === null ? t("未填写", "not given") : yuanText(fen));

export function trainingLines(v: TrainingView): Text[] {
  return [
    { zh: `**课程**：${esc(v.course)}（${esc(v.provider)}）`, en: `**Course**: ${esc(v.course)} (${esc(v.provider)})` },
    { zh: `**时间**：${spanWords(v.startOn, v.endOn).zh}　**费用**：${money(v.costFen).zh}`, en: `**Dates**: ${spanWords(v.startOn, v.endOn).en} · **Cost**: ${money(v.costFen).en}` },
    {
      zh: `**申请事项**：${asksText(v.asks).zh}${v.requestedFen !== null ? `（补贴 ${yuanText(v.requestedFen).zh}）` : ""}`,
      en: `**Asks for**: ${asksText(v.asks).en}${v.requestedFen !== null ? ` (subsidy ${yuanText(v.requestedFen).en})` : ""}`,
    },
    { zh: `**申请理由**：${esc(clip(v.reason, 600))}`, en: `**Reason**: ${esc(clip(v.reason, 600))}` },
  ];
}

export function trainingDecisionLines(d: TrainingDecision): Text[] {
  if (d.status === "REJECTED") {
    return [t("**❌ 未批准**", "**❌ Not approved**"), ...(d.note ? [{ zh: `**理由**：${esc(d.note)}`, en: `**Reason**: ${esc(d.note)}` }] : []), { zh: `审批人：${d.by} · ${d.at}`, en: `Decided by ${d.by} · ${d.at}` }];
  }
  const lines: Text[] = [{ zh: `**✅ 已批准**：${asksText(d.granted).zh}`, en: `**✅ Approved**: ${asksText(d.granted).en}` }];
  if (d.subsidyFen !== null && d.source) lines.push({ zh: `**补贴**：${yuanText(d.subsidyFen).zh}（${SOURCE_LABEL[d.source].zh}）`, en: `**Subsidy**: ${yuanText(d.subsidyFen).en} (${SOURCE_LABEL[d.source].en})` });
  if (d.note) lines.push({ zh: `**备注**：${esc(d.note)}`, en: `**Note**: ${esc(d.note)}` });
  lines.push({ zh: `审批人：${d.by} · ${d.at}`, en: `Decided by ${d.by} · ${d.at}` });
  if (d.reversal) lines.push(...reversalLines(d.reversal, d.subsidyFen, d.source));
  return lines;
}

/** 培训申请: the form a member fills in for study the organisation agreed to. */
export function trainingFormCard(data: { ceilingFen: number; today: string }): Card {
  return card({
    title: t("申请培训支持", "Apply for training support"),
    subtitle: t("经组织同意的自费学习，可申请保障学习时间、经费补贴或政策支持", "For study the organisation agreed to: time off, a subsidy or policy support"),
    template: "wathet",
    elements: [
      form("training_apply", [
        input({ name: "course", label: t("课程名称", "Course"), required: true, maxLength: COURSE_MAX, placeholder: t("例如：电工职业资格（中级）", "e.g. Electrician certificate (intermediate)") }),
        input({ name: "provider", label: t("培训机构", "Provider"), required: true, maxLength: COURSE_MAX }),
        columns([
          [datePicker({ name: "start", placeholder: t("开始日期", "Start date"), required: true, initial: data.today })],
          [datePicker({ name: "end", placeholder: t("结束日期", "End date"), required: true })],
        ]),
        input({ name: "cost", label: t("培训费用（元，可不填）", "Cost in yuan (optional)") }),
        multiSelect({ name: "asks", placeholder: t("申请事项（可多选）", "What you ask for (one or more)"), options: TRAINING_ASKS.map((a) => ({ value: a, text: ASK_LABEL[a] })) }),
        input({ name: "amount", label: t("申请补贴金额（元，申请经费补贴时填写）", "Subsidy asked, in yuan (with a subsidy)"), placeholder: t(`单笔不超过 ${yuanText(data.ceilingFen).zh}`, `at most ${yuanText(data.ceilingFen).en}`) }),
        input({ name: "reason", label: t("申请理由", "Reason"), required: true, multiline: true, maxLength: DESCRIPTION_MAX, placeholder: t("学习内容与工作的关系、组织同意的情况（至少 10 个字）", "How it helps your work; who in the organisation agreed") }),
        button({ text: t("提交申请", "Submit"), action: WORK_ACTION.trainingSubmit, type: "primary_filled", name: "submit", submit: true }),
      ]),
    ],
  });
}

export function trainingReceiptCard(v: TrainingView & { deciderCount: number }): Card {
  return card({
    title: t(`培训支持申请已提交 · ${v.label}`, `Training application filed · ${v.label}`),
    template: "orange",
    elements: [
      mdLines([...trainingLines(v), { zh: `**提交时间**：${v.filedAt}`, en: `**Filed**: ${v.filedAt}` }]),
      note(
        v.deciderCount > 0
          ? t("已通知支部书记审批，结果会在这里通知您。发送「我的」可随时查看进度。", "The secretary has been told; you will hear here. Send \"我的\" to see progress.")
          : t("本支部暂无可在线审批的书记，请联系支部书记。", "No secretary of the branch can be reached in Lark; please contact them."),
      ),
    ],
  });
}

export interface TrainingDecisionView extends TrainingView {
  year: number;
  received: { totalFen: number; count: number };
  balances: Record<FundSource, number>;
  ceilingFen: number;
}

/** The secretary's card: every copy is redrawn from the same data, so a stale copy shows the decision. */
export function trainingDecisionCard(v: TrainingDecisionView): Card {
  const balances = joinText(FUND_SOURCES.map((s) => ({ zh: `${SOURCE_LABEL[s].zh} ${yuanText(v.balances[s]).zh}`, en: `${SOURCE_LABEL[s].en} ${yuanText(v.balances[s]).en}` })), "；", "; ");
  const elements: Element[] = [
    mdLines([{ zh: `**申请人**：${v.member}（${v.branch}）`, en: `**Member**: ${v.member} (${v.branch})` }, ...trainingLines(v), { zh: `**提交**：${v.filedAt}`, en: `**Filed**: ${v.filedAt}` }]),
    hr(),
    mdLines([
      { zh: `**${v.year} 年已获帮扶资金**：${v.received.count} 笔，共 ${yuanText(v.received.totalFen).zh}`, en: `**Paid from the fund in ${v.year}**: ${v.received.count}, ${yuanText(v.received.totalFen).en} in all` },
      { zh: `**资金余额**：${balances.zh}`, en: `**Fund balances**: ${balances.en}` },
    ]),
    hr(),
  ];
  if (v.decision) {
    elements.push(mdLines(trainingDecisionLines(v.decision)));
    // A subsidy still standing can be undone by the secretary (checked on click).
    if (v.status === "APPROVED" && v.decision.subsidyFen !== null) {
      elements.push(button({ text: t("冲正补贴（款项退回或有误）", "Reverse the subsidy"), action: TRAINING_REVERSE_OPEN, value: { t: v.id } }));
    }
  } else {
    const best = [...FUND_SOURCES].sort((a, b) => v.balances[b] - v.balances[a])[0] ?? "LOCAL_FINANCE";
    const r = { t: v.id };
    elements.push(
      form("training_decide", [
        multiSelect({ name: "granted", placeholder: t("同意事项", "Grant"), options: v.asks.map((a) => ({ value: a, text: ASK_LABEL[a] })), selected: [...v.asks] }),
        ...(v.asks.includes("SUBSIDY")
          ? [
              columns([
                [input({ name: "amount", label: t("补贴金额（元）", "Subsidy (yuan)"), ...(v.requestedFen !== null ? { defaultValue: fenToInput(v.requestedFen) } : {}), placeholder: t(`不超过 ${yuanText(v.ceilingFen).zh}`, `at most ${yuanText(v.ceilingFen).en}`) })],
                [select({ name: "source", placeholder: t("资金来源", "Fund source"), initial: best, options: FUND_SOURCES.map((s) => ({ value: s, text: SOURCE_LABEL[s] })) })],
              ]),
            ]
          : []),
        input({ name: "note", label: t("备注 / 不批准理由", "Note / reason"), multiline: true, maxLength: NOTE_MAX }),
        columns([
          [button({ text: t("批准", "Approve"), action: WORK_ACTION.trainingApprove, value: r, type: "primary_filled", name: "approve", submit: true })],
          [button({ text: t("不批准", "Reject"), action: WORK_ACTION.trainingReject, value: r, type: "danger", name: "reject", submit: true })],
        ]),
      ]),
      note(t("批准补贴即从所选来源支出并记账；决定不能修改，补贴退回或有误时由书记整笔冲正（须说明原因）。不批准须填写理由。", "A granted subsidy is paid from the chosen source and booked; a decision is not edited, but the secretary can reverse a subsidy whole, with a reason. A rejection needs a reason.")),
    );
  }
  return card({
    title: t(`培训支持审批 · ${v.label}`, `Training support · ${v.label}`),
    subtitle: { zh: `${STATUS_LABEL[v.status].zh} · ${v.member}`, en: `${STATUS_LABEL[v.status].en} · ${v.member}` },
    template: COLOUR[v.status],
    elements,
  });
}

export function trainingResultCard(v: TrainingView & { decision: TrainingDecision }): Card {
  const ok = v.decision.status === "APPROVED";
  return card({
    title: ok ? t(`培训支持已批准 · ${v.label}`, `Training support approved · ${v.label}`) : t(`培训支持未获批准 · ${v.label}`, `Training support not approved · ${v.label}`),
    template: ok ? "green" : "grey",
    elements: [
      mdLines([{ zh: `您申请的「${esc(v.course)}」培训支持已有结果：`, en: `Your application for "${esc(v.course)}" has been decided:` }, ...trainingDecisionLines(v.decision)]),
      note(ok ? t("补贴款项将由支部按规定发放。学习结束后请向支部报告学习情况。", "The branch pays the subsidy as the rules say. Report to the branch when the course ends.") : t("如有疑问，可发送「提问 您的问题」询问支部书记。", "Questions? Send \"提问 <question>\" to ask the secretary.")),
    ],
  });
}
