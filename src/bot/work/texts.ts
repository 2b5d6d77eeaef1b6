// Short answers of the work-care flows, Chinese first.
import type { Text } from "../../../cards/kit.ts";
import { STATUS_LABEL, type AidStatus } from "../../domain/aid-rules.ts";
import { COMMEND_STATUS_LABEL, type CommendStatus } from "../../domain/commend-rules.ts";
import { UserError } from "../errors.ts";

export const trainingDecidedText = (status: AidStatus, by: string | null): Text =>
  by
    ? { zh: `该培训申请已由${by}处理（${STATUS_LABEL[status].zh}），卡片已更新为最新状态。`, en: `${by} already decided this application (${STATUS_LABEL[status].en}); the card shows it.` }
    : { zh: `该培训申请当前状态为「${STATUS_LABEL[status].zh}」，卡片已更新为最新状态。`, en: `This application is now ${STATUS_LABEL[status].en}; the card shows it.` };

export const commendDecidedText = (status: CommendStatus, by: string | null): Text =>
  by
    ? { zh: `该表彰已由${by}处理（${COMMEND_STATUS_LABEL[status].zh}），卡片已更新为最新状态。`, en: `${by} already handled this (${COMMEND_STATUS_LABEL[status].en}); the card shows it.` }
    : { zh: `该表彰当前状态为「${COMMEND_STATUS_LABEL[status].zh}」，卡片已更新为最新状态。`, en: `This commendation is now ${COMMEND_STATUS_LABEL[status].en}; the card shows it.` };

export const alreadySubmittedText: Text = { zh: "该表单已提交过，无需重复提交。", en: "This form was already submitted." };

export const noBranch = () => new UserError("no_branch", { zh: "名册中没有您所在的党支部，请联系党务工作者。", en: "The roster has no branch for you; ask the affairs worker." });
export const unknownRecord = (what: string) => new UserError("unknown_record", { zh: `找不到该${what}，请刷新卡片后重试。`, en: "That record does not exist; refresh the card and try again." });
export const ownRecord = () => new UserError("own_record", { zh: "不能审批与自己有关的事项，请由本支部其他书记处理。", en: "You cannot decide on your own matter; another secretary must." });
