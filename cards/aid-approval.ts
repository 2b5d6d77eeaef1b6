// The secretary's side: the approval card (request, what the member already received this year,
// their hardship-archive status, fund balances by source, and the decision form), in every state
// the request can be in; every copy of it is redrawn from the same data, so a stale copy shows
// the current state. Also the list of open requests (审批).
import { dateWords } from "../src/domain/date-words.ts";
import {
  CATEGORY_LABEL,
  FUND_SOURCES,
  NOTE_MAX,
  PERSON_TAG_LABEL,
  SOURCE_LABEL,
  STATUS_LABEL,
  URGENCY_LABEL,
  type AidStatus,
  type FundSource,
} from "../src/domain/aid-rules.ts";
import { LEVEL_LABEL, type HardshipLevel } from "../src/domain/hardship-rules.ts";
import { fenToInput, yuanText } from "../src/domain/money.ts";
import { attachmentElements, type AttachmentView } from "./aid-attachments.ts";
import { AID_ACTION, joinText, mdLines } from "./aid-common.ts";
import { raiseButton } from "./escalation.ts";
import { basicsLines, decisionLines, timelineLines, type DecisionView, type RequestBasics, type TimelineLine } from "./aid-request.ts";
import { button, card, columns, form, hr, input, md, note, select, t, type Card, type Colour, type Element, type Text } from "./kit.ts";

export type HardshipStatusView = { status: "NONE" } | { status: "ACTIVE" | "RESOLVED"; level: HardshipLevel; nextReviewOn: string };

export interface ApprovalView {
  requestId: number;
  basics: RequestBasics;
  status: AidStatus;
  member: { name: string; branch: string; tags: (keyof typeof PERSON_TAG_LABEL)[] };
  filedAt: string;
  filedBy: string | null;
  year: number;
  received: { totalFen: number; count: number };
  hardship: HardshipStatusView;
  balances: Record<FundSource, number>;
  conversation: TimelineLine[];
  /** Pictures and PDFs the member attached (cards/aid-attachments.ts). */
  attachments?: AttachmentView[];
  decision: DecisionView | null;
  /** Withdrawn by the member (撤回) before anyone decided: by whom and when. */
  withdrawn?: { by: string; at: string } | null;
  ceilingFen: number;
}

const COLOUR: Record<AidStatus, Colour> = { PENDING: "orange", NEEDS_INFO: "yellow", APPROVED: "green", REJECTED: "grey", CANCELLED: "grey", REVERSED: "grey" };

function hardshipText(h: HardshipStatusView): Text {
  if (h.status === "NONE") return t("未建档", "no entry");
  if (h.status === "RESOLVED") return t("已解困销档", "resolved");
  return { zh: `在档 · ${LEVEL_LABEL[h.level].zh} · 下次复核 ${dateWords(h.nextReviewOn).zh}`, en: `active · ${LEVEL_LABEL[h.level].en} · next review ${dateWords(h.nextReviewOn).en}` };
}

export function approvalCard(v: ApprovalView): Card {
  const tags = v.member.tags.length ? joinText(v.member.tags.map((x) => PERSON_TAG_LABEL[x])) : null;
  const balances = joinText(
    FUND_SOURCES.map((s) => ({ zh: `${SOURCE_LABEL[s].zh} ${yuanText(v.balances[s]).zh}`, en: `${SOURCE_LABEL[s].en} ${yuanText(v.balances[s]).en}` })),
    "；",
    "; ",
  );
  const elements: Element[] = [
    mdLines([
      {
        zh: `**申请人**：${v.member.name}（${v.member.branch}）${tags ? ` · ${tags.zh}` : ""}`,
        en: `**Member**: ${v.member.name} (${v.member.branch})${tags ? ` · ${tags.en}` : ""}`,
      },
      ...basicsLines(v.basics),
      v.filedBy ? { zh: `**提交**：${v.filedAt} · 由${v.filedBy}代为提交`, en: `**Filed**: ${v.filedAt} · by ${v.filedBy} on their behalf` } : { zh: `**提交**：${v.filedAt}`, en: `**Filed**: ${v.filedAt}` },
    ]),
    hr(),
    mdLines([
      {
        zh: `**${v.year} 年已获帮扶**：${v.received.count} 笔，共 ${yuanText(v.received.totalFen).zh}`,
        en: `**Received in ${v.year}**: ${v.received.count} payment(s), ${yuanText(v.received.totalFen).en} in all`,
      },
      { zh: `**困难档案**：${hardshipText(v.hardship).zh}`, en: `**Hardship archive**: ${hardshipText(v.hardship).en}` },
      { zh: `**资金余额**：${balances.zh}`, en: `**Fund balances**: ${balances.en}` },
    ]),
  ];
  if (v.conversation.length > 0) {
    elements.push(hr(), mdLines([t("**沟通记录**", "**Conversation**"), ...timelineLines(v.conversation)]));
  }
  if (v.attachments?.length) elements.push(hr(), ...attachmentElements(v.attachments));
  elements.push(hr());
  if (v.decision) {
    elements.push(mdLines(decisionLines(v.decision)));
    const buttons: Element[][] = [];
    // Not on a reversed payment: the archive is opened from a request that stands (hardship-form refuses others).
    if (v.status === "APPROVED" && v.hardship.status !== "ACTIVE") {
      buttons.push([button({ text: t("为该党员建立困难档案", "Open a hardship-archive entry"), action: AID_ACTION.hardshipForm, value: { r: v.requestId } })]);
    }
    // Only a payment still standing can be undone; the secretary alone may (checked on click).
    if (v.status === "APPROVED") buttons.push([button({ text: t("冲正（款项退回或有误）", "Reverse the payment"), action: AID_ACTION.aidReverseOpen, value: { r: v.requestId } })]);
    if (buttons.length === 1) elements.push(buttons[0]![0]!);
    else if (buttons.length > 1) elements.push(columns(buttons));
  } else if (v.status === "CANCELLED" && v.withdrawn) {
    elements.push(md({ zh: `**↩ 已撤回**：${v.withdrawn.by} 于 ${v.withdrawn.at} 撤回了该申请，无需审批。`, en: `**↩ Withdrawn** by ${v.withdrawn.by} at ${v.withdrawn.at}; nothing to decide.` }));
  } else if (v.status === "CANCELLED") {
    elements.push(md(t("该申请已关闭（未作决定），无需审批。", "This request was closed without a decision.")));
  } else {
    if (v.status === "NEEDS_INFO") elements.push(md(t("⏳ 已请求补充说明，等待申请人回复；也可直接作出决定。", "⏳ Waiting for the member's answer; you may also decide now.")));
    const best = [...FUND_SOURCES].sort((a, b) => v.balances[b] - v.balances[a])[0] ?? "LOCAL_FINANCE";
    const r = { r: v.requestId };
    elements.push(
      form("aid_decide", [
        columns([
          [input({ name: "amount", label: t("批准金额（元）", "Amount (yuan)"), ...(v.basics.requestedFen !== null ? { defaultValue: fenToInput(v.basics.requestedFen) } : {}), placeholder: t(`不超过 ${yuanText(v.ceilingFen).zh}`, `at most ${yuanText(v.ceilingFen).en}`) })],
          [select({ name: "source", placeholder: t("资金来源", "Fund source"), initial: best, options: FUND_SOURCES.map((s) => ({ value: s, text: SOURCE_LABEL[s] })) })],
        ]),
        input({ name: "note", label: t("备注 / 不批准理由 / 需补充的问题", "Note / reason / question"), multiline: true, maxLength: NOTE_MAX }),
        columns(
          [
            [button({ text: t("批准", "Approve"), action: AID_ACTION.approve, value: r, type: "primary_filled", name: "approve", submit: true })],
            [button({ text: t("不批准", "Reject"), action: AID_ACTION.reject, value: r, type: "danger", name: "reject", submit: true })],
            [button({ text: t("请求补充说明", "Ask for more"), action: AID_ACTION.askInfo, value: r, name: "ask", submit: true })],
          ],
          { flex: "trisect" },
        ),
      ]),
      note(t("批准即从所选来源支出并记账；决定不能修改，款项退回或有误时由书记整笔冲正（须说明原因）。不批准须填写理由。", "Approving pays from the chosen source and books it; a decision is not edited, but the secretary can reverse a payment whole, with a reason. A rejection needs a reason.")),
      // Beyond the branch's means: put it before the organisation above (上报), which may then read it.
      raiseButton("AidRequest", v.requestId),
    );
  }
  const status = v.status === "CANCELLED" && v.withdrawn ? t("已撤回", "withdrawn") : STATUS_LABEL[v.status];
  return card({
    title: { zh: `帮扶申请审批 · ${v.basics.number}`, en: `Aid request · ${v.basics.number}` },
    subtitle: { zh: `${status.zh} · ${CATEGORY_LABEL[v.basics.category].zh} · ${URGENCY_LABEL[v.basics.urgency].zh}`, en: `${status.en} · ${CATEGORY_LABEL[v.basics.category].en} · ${URGENCY_LABEL[v.basics.urgency].en}` },
    template: COLOUR[v.status],
    elements,
  });
}

export interface OpenItem {
  requestId: number;
  number: string;
  name: string;
  category: RequestBasics["category"];
  urgency: RequestBasics["urgency"];
  status: AidStatus;
  requestedFen: number | null;
  filedAt: string;
}

/** 审批: the requests waiting in the reader's branches, each with a button that sends its card. */
export function openRequestsCard(data: { items: OpenItem[] }): Card {
  const elements: Element[] = data.items.length === 0 ? [md(t("目前没有待审批的帮扶申请。", "No requests are waiting for a decision."))] : [];
  for (const i of data.items) {
    const amount = i.requestedFen === null ? t("未填金额", "no amount") : yuanText(i.requestedFen);
    elements.push(
      columns([
        [
          md({
            zh: `**${i.number}** ${i.name} · ${CATEGORY_LABEL[i.category].zh} · ${amount.zh}${i.urgency === "URGENT" ? " · **紧急**" : ""}\n${STATUS_LABEL[i.status].zh} · ${i.filedAt}`,
            en: `**${i.number}** ${i.name} · ${CATEGORY_LABEL[i.category].en} · ${amount.en}${i.urgency === "URGENT" ? " · **urgent**" : ""}\n${STATUS_LABEL[i.status].en} · ${i.filedAt}`,
          }),
        ],
        [button({ text: t("打开审批卡片", "Open"), action: AID_ACTION.open, value: { r: i.requestId } })],
      ]),
    );
  }
  return card({ title: t("待审批的帮扶申请", "Requests waiting for a decision"), template: "orange", elements: [...elements, note(t("也可发送「审批 编号」，例如「审批 2026-0001」。", "Or send \"审批 <number>\", e.g. 审批 2026-0001."))] });
}
