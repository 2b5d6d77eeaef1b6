// The member's receipt: the card the 求助 form turns into when it is submitted, redrawn in place
// at every step (待审批 → 需补充说明 → 已批准 / 未批准 / 已撤回 / 已冲正), like Feishu Approval's
// instance card: where the request stands, who did what and when, and while it waits for a
// decision the member's two buttons, 催办 and 撤回.
import { STATUS_LABEL, type AidStatus } from "../src/domain/aid-rules.ts";
import { AID_ACTION, mdLines } from "./aid-common.ts";
import { basicsLines, decisionLines, timelineLines, type DecisionView, type RequestBasics, type TimelineLine } from "./aid-request.ts";
import { button, card, columns, hr, note, t, type Card, type Colour, type Element, type Text } from "./kit.ts";

export interface ReceiptView extends RequestBasics {
  requestId: number;
  status: AidStatus;
  filedAt: string;
  /** The member's name when someone filed for them (the receipt is the filer's). */
  forName?: string;
  /** Who decides: deciders were sent the card, the applicant is the branch's only decider, or nobody can be reached in Lark. */
  deciders: "sent" | "sole" | "none";
  /** Everything that happened, oldest first. */
  timeline: TimelineLine[];
  decision: DecisionView | null;
  /** Withdrawn (撤回): by whom and when. */
  withdrawn: { by: string; at: string } | null;
  /** The day the member may 催办 again, when they already did today. */
  nextUrgeDay: string | null;
}

const COLOUR: Record<AidStatus, Colour> = { PENDING: "orange", NEEDS_INFO: "yellow", APPROVED: "green", REJECTED: "grey", CANCELLED: "grey", REVERSED: "grey" };

/** The status as the receipt names it: a withdrawn request is 已撤回, not merely closed. */
export function receiptStatus(v: Pick<ReceiptView, "status" | "withdrawn">): Text {
  return v.status === "CANCELLED" && v.withdrawn ? t("已撤回", "withdrawn") : STATUS_LABEL[v.status];
}

function headline(v: ReceiptView): Text[] {
  if (v.decision) return decisionLines(v.decision);
  if (v.withdrawn) return [t("**↩ 已撤回**", "**↩ Withdrawn**"), { zh: `撤回人：${v.withdrawn.by} · ${v.withdrawn.at}`, en: `Withdrawn by ${v.withdrawn.by} · ${v.withdrawn.at}` }];
  if (v.status === "CANCELLED") return [t("**已关闭**（未作决定）", "**Closed** without a decision")];
  if (v.status === "NEEDS_INFO") return [t("**❓ 需补充说明**：请在「请补充说明」卡片中回复，回复后回到审批。", "**❓ More information needed**: answer in the card that asks; the request then goes back to the deciders.")];
  return [t("**⏳ 待审批**", "**⏳ Awaiting a decision**")];
}

function waitingNote(v: ReceiptView): Text {
  if (v.deciders === "sent") return t(`已通知支部书记审批。发送「我的」可随时查看进度。编号：${v.number}`, `The secretary has been told. Send "我的" to see progress. Number: ${v.number}`);
  // Nobody decides their own request: a secretary asking for themselves needs a delegate.
  if (v.deciders === "sole")
    return t(
      `您是本支部唯一的审批人，不能审批自己的申请。请发送「受托人 姓名」指定一名帮扶审批受托人，申请会随即发给他/她审批。编号：${v.number}`,
      `You are the branch's only decider and cannot decide your own request. Send "受托人 <name>" to name an aid delegate; the request then goes to them. Number: ${v.number}`,
    );
  return t("本支部暂无可在线审批的书记，请联系支部书记。发送「我的」可查看进度。", 'No secretary of the branch can be reached in Lark; please contact them. Send "我的" to see progress.');
}

/** The receipt in every state; `filedAt` and the timeline's times are already local. */
export function aidReceiptCard(v: ReceiptView): Card {
  const open = v.status === "PENDING" || v.status === "NEEDS_INFO";
  const elements: Element[] = [
    mdLines([...headline(v)]),
    hr(),
    mdLines([
      v.forName ? { zh: `**申请人**：${v.forName}（代为提交）`, en: `**For**: ${v.forName} (filed on their behalf)` } : t("**申请人**：本人", "**For**: yourself"),
      ...basicsLines(v),
      { zh: `**提交时间**：${v.filedAt}`, en: `**Filed**: ${v.filedAt}` },
    ]),
  ];
  if (v.timeline.length > 0) elements.push(hr(), mdLines([t("**进度**", "**Progress**"), ...timelineLines(v.timeline, 10)]));
  if (open) {
    const r = { r: v.requestId };
    const urge =
      v.status === "PENDING"
        ? button({ text: t("催办", "Remind the deciders"), action: AID_ACTION.urge, value: r })
        : null;
    const withdraw = button({
      text: t("撤回申请", "Withdraw"),
      action: AID_ACTION.withdraw,
      value: r,
      type: "danger",
      confirm: { title: t(`撤回 ${v.number}？`, `Withdraw ${v.number}?`), text: t("撤回后审批人将不再处理该申请；如仍需帮助，可重新发送「求助」。", "The deciders will no longer handle it; send 求助 again if you still need help.") },
    });
    elements.push(hr(), urge ? columns([[urge], [withdraw]]) : withdraw);
    if (v.nextUrgeDay) elements.push(note({ zh: `今天已催办，${v.nextUrgeDay} 起可再次催办。`, en: `You reminded the deciders today; you can again from ${v.nextUrgeDay}.` }));
    elements.push(note(waitingNote(v)));
  } else {
    elements.push(note(t(`如有疑问请联系支部书记。发送「我的」可查看全部申请。编号：${v.number}`, `Questions: ask your secretary. Send "我的" to see all your requests. Number: ${v.number}`)));
  }
  const status = receiptStatus(v);
  return card({
    title: t(`帮扶申请已提交 · ${v.number}`, `Request filed · ${v.number}`),
    subtitle: status,
    template: COLOUR[v.status],
    elements,
  });
}

