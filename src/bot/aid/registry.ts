// Aid, the fund and the hardship archive (困难帮扶, 帮扶资金, 困难党员档案): this area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { aidAnswerInfo } from "./actions/aid-answer-info.ts";
import { aidApprove } from "./actions/aid-approve.ts";
import { aidAskInfo } from "./actions/aid-ask-info.ts";
import { aidAttachmentFile } from "./actions/aid-attachment-file.ts";
import { aidOpen } from "./actions/aid-open.ts";
import { aidReject } from "./actions/aid-reject.ts";
import { aidSubmit } from "./actions/aid-submit.ts";
import { aidUrge } from "./actions/aid-urge.ts";
import { aidWithdraw } from "./actions/aid-withdraw.ts";
import { fundDiscloseAction } from "./actions/fund-disclose.ts";
import { fundDiscloseCancel } from "./actions/fund-disclose-cancel.ts";
import { fundDiscloseConfirm } from "./actions/fund-disclose-confirm.ts";
import { fundIncome } from "./actions/fund-income.ts";
import { aidReverseOpen } from "./actions/aid-reverse-open.ts";
import { fundReverse } from "./actions/fund-reverse.ts";
import { fundReverseCancel } from "./actions/fund-reverse-cancel.ts";
import { fundReverseOpen } from "./actions/fund-reverse-open.ts";
import { hardshipForm } from "./actions/hardship-form.ts";
import { hardshipOpen } from "./actions/hardship-open.ts";
import { hardshipResolve } from "./actions/hardship-resolve.ts";
import { hardshipUpdate } from "./actions/hardship-update.ts";
import { hardshipView } from "./actions/hardship-view.ts";
import { aidDelegate } from "./commands/aid-delegate.ts";
import { aidMine } from "./commands/aid-mine.ts";
import { aidOnBehalf } from "./commands/aid-on-behalf.ts";
import { aidRequest } from "./commands/aid-request.ts";
import { aidReview } from "./commands/aid-review.ts";
import { aidUrgeCommand } from "./commands/aid-urge.ts";
import { aidWithdrawCommand } from "./commands/aid-withdraw.ts";
import { fund } from "./commands/fund.ts";
import { fundDisclose } from "./commands/fund-disclose.ts";
import { fundReverseCommand } from "./commands/fund-reverse.ts";
import { hardshipArchive } from "./commands/hardship-archive.ts";

export const AID_COMMANDS: readonly Command[] = [aidRequest, aidOnBehalf, aidMine, aidWithdrawCommand, aidUrgeCommand, aidReview, aidDelegate, fund, fundDisclose, fundReverseCommand, hardshipArchive];

export const AID_ACTIONS: readonly CardAction<any, any>[] = [
  aidSubmit,
  aidApprove,
  aidReject,
  aidAskInfo,
  aidAttachmentFile,
  aidAnswerInfo,
  aidOpen,
  aidWithdraw,
  aidUrge,
  fundIncome,
  fundDiscloseAction,
  fundDiscloseConfirm,
  fundDiscloseCancel,
  fundReverseOpen,
  aidReverseOpen,
  fundReverse,
  fundReverseCancel,
  hardshipForm,
  hardshipOpen,
  hardshipView,
  hardshipUpdate,
  hardshipResolve,
];
