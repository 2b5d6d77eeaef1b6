// The one list of what the bot can do. Adding a command or a card action is a new file plus
// one line here; help, routing, menu keys and the set of valid action ids derive from it.
import type { CardAction, Command } from "./context.ts";
import { help } from "./commands/help.ts";
import { whoami } from "./commands/whoami.ts";
import { talks } from "./commands/talks.ts";
import { myTalks } from "./commands/my-talks.ts";
import { talkNotes } from "./commands/talk-notes.ts";
import { hardshipFlag } from "./commands/hardship-flag.ts";
import { talkAssignCommand } from "./commands/talk-assign.ts";
import { branchAnalysis } from "./commands/branch-analysis.ts";
import { talkForm } from "./actions/talk-form.ts";
import { talkRecord } from "./actions/talk-record.ts";
import { talkBoard } from "./actions/talk-board.ts";
import { talkFollowUpDone } from "./actions/talk-followup-done.ts";
import { talkAssign, talkAssignOpen } from "./actions/talk-assign.ts";
import { hardshipReview } from "./actions/hardship-review.ts";
import { AID_ACTIONS, AID_COMMANDS } from "./aid/registry.ts";
import { visits } from "./commands/visits.ts";
import { visitReport } from "./commands/visit-report.ts";
import { pairing } from "./commands/pairing.ts";
import { visitStats } from "./commands/visit-stats.ts";
import { mobileMembersCommand } from "./commands/mobile-members.ts";
import { visitReassign } from "./commands/visit-reassign.ts";
import { visitOpen } from "./actions/visit-open.ts";
import { visitComplete } from "./actions/visit-complete.ts";
import { visitListAction } from "./actions/visit-list.ts";
import { visitPairingCreate } from "./actions/visit-pairing-create.ts";
import { visitPairingEnd } from "./actions/visit-pairing-end.ts";
import { visitContactOpen } from "./actions/visit-contact-open.ts";
import { visitContactSave } from "./actions/visit-contact-save.ts";
import { trainingApply } from "./commands/training-apply.ts";
import { trainingRecord } from "./commands/training-record.ts";
import { jobSeek } from "./commands/job-seek.ts";
import { jobPost } from "./commands/job-post.ts";
import { employed } from "./commands/employed.ts";
import { commendNominate } from "./commands/commend-nominate.ts";
import { commendList } from "./commands/commend-list.ts";
import { questionAsk } from "./commands/question-ask.ts";
import { trainingSubmit } from "./actions/training-submit.ts";
import { trainingApprove } from "./actions/training-approve.ts";
import { trainingReject } from "./actions/training-reject.ts";
import { trainingRecordSave } from "./actions/training-record-save.ts";
import { jobSeekSubmit } from "./actions/job-seek-submit.ts";
import { jobPostSubmit } from "./actions/job-post-submit.ts";
import { jobFound } from "./actions/job-found.ts";
import { jobCheckIn } from "./actions/job-check-in.ts";
import { commendSubmit } from "./actions/commend-submit.ts";
import { commendApprove } from "./actions/commend-approve.ts";
import { commendDecline } from "./actions/commend-decline.ts";
import { commendRevoke } from "./actions/commend-revoke.ts";
import { commendOpen } from "./actions/commend-open.ts";
import { questionAnswer } from "./actions/question-answer.ts";
import { questionFollowUp } from "./actions/question-follow-up.ts";

export const COMMANDS: readonly Command[] = [
  help, whoami, ...AID_COMMANDS,
  talks,
  myTalks,
  talkNotes,
  hardshipFlag,
  talkAssignCommand,
  branchAnalysis,
  visits,
  visitReport,
  pairing,
  visitStats,
  mobileMembersCommand,
  visitReassign,
  trainingApply,
  trainingRecord,
  jobSeek,
  jobPost,
  employed,
  commendNominate,
  commendList,
  questionAsk,
];

// Each action keeps its own value/form types in its file; the list erases them.
export const ACTIONS: readonly CardAction<any, any>[] = [
  ...AID_ACTIONS,
  talkForm,
  talkRecord,
  talkBoard,
  talkFollowUpDone,
  talkAssign,
  talkAssignOpen,
  hardshipReview,
  visitOpen,
  visitComplete,
  visitListAction,
  visitPairingCreate,
  visitPairingEnd,
  visitContactOpen,
  visitContactSave,
  trainingSubmit,
  trainingApprove,
  trainingReject,
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
];
