// The member's side of an aid request: the 求助 form, the receipt, the question from the
// secretary with a place to answer, the result, and 我的 (their own requests and timelines).
import {
  AID_CATEGORIES,
  AID_URGENCIES,
  CATEGORY_LABEL,
  DESCRIPTION_MAX,
  REASON_MIN,
  SOURCE_LABEL,
  STATUS_LABEL,
  TIMELINE_LABEL,
  URGENCY_LABEL,
  type AidCategory,
  type AidStatus,
  type AidUrgency,
  type FundSource,
  type TimelineType,
} from "../src/domain/aid-rules.ts";
import { yuanText } from "../src/domain/money.ts";
import { AID_ACTION, clip, esc, mdLines } from "./aid-common.ts";
import { button, card, form, hr, input, md, note, select, t, type Card, type Colour, type Element, type Text } from "./kit.ts";
import { mineEmptyElements } from "./mine.ts";

export interface RequestBasics {
  number: string;
  category: AidCategory;
  urgency: AidUrgency;
  description: string;
  requestedFen: number | null;
}

export interface TimelineLine {
  at: string;
  type: TimelineType;
  actor: string | null;
  note: string | null;
}

const STATUS_COLOUR: Record<AidStatus, Colour> = { PENDING: "orange", NEEDS_INFO: "yellow", APPROVED: "green", REJECTED: "grey", CANCELLED: "grey", REVERSED: "grey" };

const amountText = (fen: number | null): Text => (fen === null ? t("未填写", "not given") : yuanText(fen));

export function basicsLines(r: RequestBasics): Text[] {
  return [
    { zh: `**类别**：${CATEGORY_LABEL[r.category].zh}　**紧急程度**：${URGENCY_LABEL[r.urgency].zh}`, en: `**Category**: ${CATEGORY_LABEL[r.category].en}　**Urgency**: ${URGENCY_LABEL[r.urgency].en}` },
    { zh: `**申请金额**：${amountText(r.requestedFen).zh}`, en: `**Amount asked**: ${amountText(r.requestedFen).en}` },
    { zh: `**情况说明**：${esc(clip(r.description, 600))}`, en: `**Description**: ${esc(clip(r.description, 600))}` },
  ];
}

export function timelineLines(events: readonly TimelineLine[], max = 8): Text[] {
  return events.slice(-max).map((e) => {
    // "王建国批准": no space between a name and the Chinese that follows it.
    const who = e.actor ?? "";
    const n = e.note ? `：${esc(clip(e.note, 200))}` : "";
    const nEn = e.note ? `: ${esc(clip(e.note, 200))}` : "";
    return { zh: `${e.at}　${who}${TIMELINE_LABEL[e.type].zh}${n}`, en: `${e.at}　${who ? `${who} ` : ""}${TIMELINE_LABEL[e.type].en}${nEn}` };
  });
}

/** The 求助 form. With `forPerson`, a leader files for a member without Lark. */
export function aidRequestFormCard(data: { ceilingFen: number; forPerson?: { id: number; name: string } }): Card {
  const ceiling = yuanText(data.ceilingFen);
  const who = data.forPerson;
  return card({
    title: who ? t(`代${who.name}申请帮扶`, `Ask for help for ${who.name}`) : t("申请帮扶", "Ask for help"),
    subtitle: t("支部书记会尽快处理，结果会在这里通知您", "The branch secretary will decide soon; you will be told here"),
    template: "red",
    elements: [
      md(
        who
          ? t(`您正在代党员**${who.name}**提交帮扶申请，提交记录会注明由您代为提交。`, `You are filing for **${who.name}**; the record will say you filed on their behalf.`)
          : t("请说明您遇到的困难。您填写的内容只有本支部书记和受托审批人可以看到。", "Tell us about your difficulty. Only your branch secretary and aid delegates see it."),
      ),
      form("aid_request", [
        select({
          name: "category",
          placeholder: t("困难类别", "Kind of difficulty"),
          required: true,
          options: AID_CATEGORIES.map((c) => ({ value: c, text: CATEGORY_LABEL[c] })),
        }),
        input({
          name: "description",
          label: t("情况说明", "What happened"),
          placeholder: t(`说明困难情况和需要的帮助（至少 ${REASON_MIN} 个字）`, `The difficulty and the help you need (a real sentence)`),
          required: true,
          multiline: true,
          maxLength: DESCRIPTION_MAX,
        }),
        input({ name: "amount", label: t("申请金额（元，可不填）", "Amount in yuan (optional)"), placeholder: t(`例如 2000，单笔不超过 ${ceiling.zh}`, `e.g. 2000; at most ${ceiling.en}`) }),
        select({
          name: "urgency",
          placeholder: t("紧急程度", "Urgency"),
          initial: "NORMAL",
          options: AID_URGENCIES.map((u) => ({ value: u, text: URGENCY_LABEL[u] })),
        }),
        button({
          text: t("提交申请", "Submit"),
          action: AID_ACTION.submit,
          value: who ? { f: who.id } : {},
          type: "primary_filled",
          name: "submit",
          submit: true,
        }),
      ]),
    ],
  });
}

/** The secretary's question, with a place to answer. */
export function aidInfoRequestCard(data: { requestId: number; number: string; question: string; askedBy: string; askedAt: string; forName?: string }): Card {
  return card({
    title: t(`请补充说明 · ${data.number}`, `More information needed · ${data.number}`),
    template: "yellow",
    elements: [
      mdLines([
        data.forName ? { zh: `**申请人**：${data.forName}（由您代为提交）`, en: `**For**: ${data.forName} (you filed it)` } : t("支部书记需要您补充一些情况：", "The secretary needs more information:"),
        { zh: `**${data.askedBy}**（${data.askedAt}）：${esc(data.question)}`, en: `**${data.askedBy}** (${data.askedAt}): ${esc(data.question)}` },
      ]),
      form("aid_info", [
        input({ name: "answer", label: t("补充说明", "Your answer"), required: true, multiline: true, maxLength: DESCRIPTION_MAX, placeholder: t("请在这里回复", "Answer here") }),
        button({ text: t("提交补充说明", "Send"), action: AID_ACTION.answerInfo, value: { r: data.requestId }, type: "primary_filled", name: "send", submit: true }),
      ]),
    ],
  });
}

export function aidInfoAnsweredCard(data: { number: string; question: string; answer: string; at: string }): Card {
  return card({
    title: t(`已补充说明 · ${data.number}`, `Information sent · ${data.number}`),
    template: "turquoise",
    elements: [
      mdLines([
        { zh: `**问题**：${esc(data.question)}`, en: `**Question**: ${esc(data.question)}` },
        { zh: `**您的回复**（${data.at}）：${esc(data.answer)}`, en: `**Your answer** (${data.at}): ${esc(data.answer)}` },
      ]),
      note(t("已转交支部书记，请等待审批结果。", "Passed to the secretary; please wait for the decision.")),
    ],
  });
}

/** A question card whose request no longer waits for an answer (decided, or answered elsewhere). */
export function aidInfoClosedCard(data: { number: string; status: AidStatus }): Card {
  return card({
    title: t(`补充说明 · ${data.number}`, `More information · ${data.number}`),
    template: STATUS_COLOUR[data.status],
    elements: [md({ zh: `该申请当前状态：**${STATUS_LABEL[data.status].zh}**，无需再补充说明。`, en: `This request is now **${STATUS_LABEL[data.status].en}**; no answer is needed.` })],
  });
}

export interface DecisionView {
  status: "APPROVED" | "REJECTED";
  amountFen: number | null;
  source: FundSource | null;
  note: string | null;
  by: string;
  at: string;
  /** The approved payment was reversed (冲正) later: by whom, when, why. */
  reversal?: ReversalView | null;
}

export interface ReversalView {
  by: string;
  at: string;
  reason: string | null;
}

/** The lines saying a payment was reversed, under the decision they undo. */
export function reversalLines(r: ReversalView, amountFen: number | null, source: FundSource | null): Text[] {
  const what = amountFen !== null && source ? { zh: `${yuanText(amountFen).zh}已整笔冲回「${SOURCE_LABEL[source].zh}」`, en: `${yuanText(amountFen).en} booked back into ${SOURCE_LABEL[source].en}` } : t("款项已整笔冲回", "the payment was booked back");
  return [
    { zh: `**↩ 已冲正**：${what.zh}`, en: `**↩ Reversed**: ${what.en}` },
    ...(r.reason ? [{ zh: `**冲正原因**：${esc(r.reason)}`, en: `**Reason**: ${esc(r.reason)}` }] : []),
    { zh: `冲正人：${r.by} · ${r.at}`, en: `Reversed by ${r.by} · ${r.at}` },
  ];
}

export function decisionLines(d: DecisionView): Text[] {
  const lines: Text[] =
    d.status === "APPROVED" && d.amountFen !== null && d.source
      ? [{ zh: `**✅ 已批准 ${yuanText(d.amountFen).zh}**（${SOURCE_LABEL[d.source].zh}）`, en: `**✅ Approved ${yuanText(d.amountFen).en}** (${SOURCE_LABEL[d.source].en})` }]
      : [t("**❌ 未批准**", "**❌ Not approved**")];
  if (d.note) lines.push(d.status === "REJECTED" ? { zh: `**理由**：${esc(d.note)}`, en: `**Reason**: ${esc(d.note)}` } : { zh: `**备注**：${esc(d.note)}`, en: `**Note**: ${esc(d.note)}` });
  lines.push({ zh: `审批人：${d.by} · ${d.at}`, en: `Decided by ${d.by} · ${d.at}` });
  if (d.reversal) lines.push(...reversalLines(d.reversal, d.amountFen, d.source));
  return lines;
}

/** What the member (or whoever filed for them) is told once the request is decided. */
export function aidResultCard(data: { number: string; category: AidCategory; forName?: string; decision: DecisionView }): Card {
  const ok = data.decision.status === "APPROVED";
  return card({
    title: ok ? t(`帮扶申请已批准 · ${data.number}`, `Request approved · ${data.number}`) : t(`帮扶申请未获批准 · ${data.number}`, `Request not approved · ${data.number}`),
    template: ok ? "green" : "grey",
    elements: [
      mdLines([
        data.forName ? { zh: `**申请人**：${data.forName}（由您代为提交）`, en: `**For**: ${data.forName} (you filed it)` } : { zh: `您的「${CATEGORY_LABEL[data.category].zh}」帮扶申请已有结果：`, en: `Your request (${CATEGORY_LABEL[data.category].en}) has been decided:` },
        ...decisionLines(data.decision),
      ]),
      note(ok ? t("款项将由支部按规定发放。如有疑问请联系支部书记。", "The branch will pay it out as the rules say. Questions: ask your secretary.") : t("如有疑问或情况有变化，可联系支部书记或重新申请。", "If anything changes, talk to your secretary or file again.")),
    ],
  });
}

export interface MineItem extends RequestBasics {
  status: AidStatus;
  approvedFen: number | null;
  forOther?: string;
  events: TimelineLine[];
  /** "附件：图片 2 张，PDF 1 份" (cards/aid-attachments.ts), when anything was attached. */
  attachments?: Text | null;
}

/**
 * 我的: the member's requests (newest first, number, state and timeline), then what other areas
 * add (`more`: training, jobs, commendations, talks, questions; each only when it has something).
 * Nothing at all: one friendly line with what they can start.
 */
export function aidMineCard(data: { name: string; items: MineItem[]; more?: Element[] }): Card {
  const elements: Element[] = [];
  if (data.items.length > 0) elements.push(md(t("**帮扶申请**", "**Requests for help**")));
  data.items.forEach((r, i) => {
    if (i > 0) elements.push(hr());
    const approved = r.status === "APPROVED" && r.approvedFen !== null ? { zh: ` ${yuanText(r.approvedFen).zh}`, en: ` ${yuanText(r.approvedFen).en}` } : { zh: "", en: "" };
    // A request the member took back reads 已撤回, not merely closed (its receipt says the same).
    const status = r.status === "CANCELLED" && r.events.some((e) => e.type === "WITHDRAWN") ? t("已撤回", "withdrawn") : STATUS_LABEL[r.status];
    elements.push(
      mdLines([
        {
          zh: `**${r.number}** ${CATEGORY_LABEL[r.category].zh} · **${status.zh}${approved.zh}**`,
          en: `**${r.number}** ${CATEGORY_LABEL[r.category].en} · **${status.en}${approved.en}**`,
        },
        { zh: `申请 ${amountText(r.requestedFen).zh}`, en: `Asked ${amountText(r.requestedFen).en}` },
        ...(r.attachments ? [r.attachments] : []),
        ...timelineLines(r.events, 4),
      ]),
    );
  });
  // Each other section opens with a rule; the card's first one needs none.
  const more = elements.length === 0 && data.more?.[0]?.tag === "hr" ? data.more.slice(1) : (data.more ?? []);
  const empty = data.items.length === 0 && more.length === 0;
  return card({
    title: t(`${data.name}的申请与记录`, `${data.name}: requests and records`),
    template: "blue",
    elements: empty
      ? mineEmptyElements()
      : [...elements, ...more, note(t("只有您本人能看到。帮扶申请显示最近 10 条，其他各显示最近 5 条。", "Only you see this. The 10 latest requests, and up to 5 of each other kind."))],
  });
}
