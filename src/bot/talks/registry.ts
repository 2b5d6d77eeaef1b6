// Talks and hardship reviews (谈心谈话, 动态管理): this area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { hardshipReview } from "./actions/hardship-review.ts";
import { peerTalkRecord } from "./actions/peer-talk-record.ts";
import { talkAssign, talkAssignOpen } from "./actions/talk-assign.ts";
import { talkBoard } from "./actions/talk-board.ts";
import { talkCorrect } from "./actions/talk-correct.ts";
import { talkCorrectBack } from "./actions/talk-correct-back.ts";
import { talkCorrectOpen } from "./actions/talk-correct-open.ts";
import { talkFollowUpDone } from "./actions/talk-followup-done.ts";
import { talkForm } from "./actions/talk-form.ts";
import { talkRecord } from "./actions/talk-record.ts";
import { branchAnalysis } from "./commands/branch-analysis.ts";
import { hardshipFlag } from "./commands/hardship-flag.ts";
import { myTalks } from "./commands/my-talks.ts";
import { peerTalk } from "./commands/peer-talk.ts";
import { talkAssignCommand } from "./commands/talk-assign.ts";
import { talkNotes } from "./commands/talk-notes.ts";
import { talks } from "./commands/talks.ts";

export const TALK_COMMANDS: readonly Command[] = [talks, myTalks, peerTalk, talkNotes, hardshipFlag, talkAssignCommand, branchAnalysis];

// Each action keeps its own value/form types in its file; the list erases them.
export const TALK_ACTIONS: readonly CardAction<any, any>[] = [
  talkForm,
  talkRecord,
  talkCorrectOpen,
  talkCorrect,
  talkCorrectBack,
  talkBoard,
  talkFollowUpDone,
  talkAssign,
  talkAssignOpen,
  hardshipReview,
  peerTalkRecord,
];
