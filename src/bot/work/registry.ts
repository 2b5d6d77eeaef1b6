// Work care and incentive: training, employment, commendation, questions: this area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { commendApprove } from "./actions/commend-approve.ts";
import { commendDecline } from "./actions/commend-decline.ts";
import { commendOpen } from "./actions/commend-open.ts";
import { commendRevoke } from "./actions/commend-revoke.ts";
import { commendSubmit } from "./actions/commend-submit.ts";
import { jobCheckIn } from "./actions/job-check-in.ts";
import { jobFound } from "./actions/job-found.ts";
import { jobPostSubmit } from "./actions/job-post-submit.ts";
import { jobSeekSubmit } from "./actions/job-seek-submit.ts";
import { questionAnswer } from "./actions/question-answer.ts";
import { questionFollowUp } from "./actions/question-follow-up.ts";
import { trainingApprove } from "./actions/training-approve.ts";
import { trainingRecordSave } from "./actions/training-record-save.ts";
import { trainingReject } from "./actions/training-reject.ts";
import { trainingReverseOpen } from "./actions/training-reverse-open.ts";
import { trainingSubmit } from "./actions/training-submit.ts";
import { exportReport } from "./actions/export-report.ts";
import { commendList } from "./commands/commend-list.ts";
import { commendNominate } from "./commands/commend-nominate.ts";
import { employed } from "./commands/employed.ts";
import { exportFundLedger, exportLedger, exportMenu, exportTalkLedger, exportVisitReport } from "./commands/export.ts";
import { jobPost } from "./commands/job-post.ts";
import { jobSeek } from "./commands/job-seek.ts";
import { questionAsk } from "./commands/question-ask.ts";
import { trainingApply } from "./commands/training-apply.ts";
import { trainingRecord } from "./commands/training-record.ts";

export const WORK_COMMANDS: readonly Command[] = [trainingApply, trainingRecord, jobSeek, jobPost, employed, commendNominate, commendList, questionAsk, exportMenu, exportLedger, exportTalkLedger, exportVisitReport, exportFundLedger];

// Each action keeps its own value/form types in its file; the list erases them.
export const WORK_ACTIONS: readonly CardAction<any, any>[] = [
  trainingSubmit,
  trainingApprove,
  trainingReject,
  trainingReverseOpen,
  trainingRecordSave,
  jobSeekSubmit,
  jobPostSubmit,
  jobFound,
  jobCheckIn,
  commendSubmit,
  commendApprove,
  commendDecline,
  commendRevoke,
  commendOpen,
  questionAnswer,
  questionFollowUp,
  exportReport,
];
