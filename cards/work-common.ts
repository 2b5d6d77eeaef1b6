// What the work-care cards share (培训支持、就业帮扶、表彰、提问): the ids of their card actions,
// which the router finds in the registry. Text helpers come from aid-common.ts.
export const WORK_ACTION = {
  trainingSubmit: "training-submit",
  trainingApprove: "training-approve",
  trainingReject: "training-reject",
  trainingRecordSave: "training-record-save",
  jobSeekSubmit: "job-seek-submit",
  jobPostSubmit: "job-post-submit",
  jobFound: "job-found",
  jobCheckIn: "job-check-in",
  commendSubmit: "commend-submit",
  commendApprove: "commend-approve",
  commendDecline: "commend-decline",
  commendRevoke: "commend-revoke",
  commendOpen: "commend-open",
  questionAnswer: "question-answer",
  questionFollowUp: "question-follow-up",
} as const;
