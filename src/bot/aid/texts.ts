// Short answers of the aid flow, Chinese first.
import type { Text } from "../../../cards/kit.ts";
import { STATUS_LABEL, type AidStatus } from "../../domain/aid-rules.ts";
import { yuanText } from "../../domain/money.ts";

export const alreadyDecidedText = (status: AidStatus, by: string | null, at: string | null): Text =>
  by && at
    ? { zh: `该申请已由${by}于 ${at} 处理（${STATUS_LABEL[status].zh}），卡片已更新为最新状态。`, en: `${by} already decided this request at ${at} (${STATUS_LABEL[status].en}); the card now shows it.` }
    : { zh: `该申请当前状态为「${STATUS_LABEL[status].zh}」，卡片已更新为最新状态。`, en: `This request is now ${STATUS_LABEL[status].en}; the card now shows it.` };

export const withdrawnAlreadyText = (number: string, by: string, at: string): Text => ({
  zh: `${by} 已于 ${at} 撤回了申请 ${number}，无需再处理，卡片已更新为最新状态。`,
  en: `${by} withdrew ${number} at ${at}; nothing to decide, the card now shows it.`,
});

export const approvedText = (number: string, fen: number): Text => ({ zh: `已批准 ${number}：${yuanText(fen).zh}，已记账并通知申请人。`, en: `Approved ${number}: ${yuanText(fen).en}, booked, member told.` });
export const rejectedText = (number: string): Text => ({ zh: `已作出不批准决定（${number}），并通知申请人。`, en: `Rejected ${number}; the member was told.` });
export const askedText = (number: string): Text => ({ zh: `已请申请人补充说明（${number}），回复后会发来新的审批卡片。`, en: `Asked for more on ${number}; you will get a new card with the answer.` });
export const filedText = (number: string): Text => ({ zh: `申请已提交，编号 ${number}。`, en: `Filed as ${number}.` });
export const alreadyFiledText = (number: string): Text => ({ zh: `该表单已提交过（编号 ${number}），无需重复提交。`, en: `This form was already submitted (${number}).` });

export const sourceMissing = { zh: "请选择资金来源。", en: "Please choose a fund source." };
export const reasonLabel = { zh: "不批准理由", en: "reason" };
export const questionLabel = { zh: "需要补充的问题", en: "question" };
export const noteLabel = { zh: "备注", en: "note" };
