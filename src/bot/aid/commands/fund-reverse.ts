import { checkReason, parseReversalCommand, wholeEntryRefusal } from "../../../domain/fund-correction.ts";
import type { Command } from "../../context.ts";
import { fromProblem, must } from "../../errors.ts";
import { unknownRequest } from "../errors.ts";
import { reversedText } from "../actions/fund-reverse.ts";
import { entryOfRequest, entryOfTraining, nothingToReverse, requireCorrector, requireReversible, reverseEntry } from "../reversal.ts";
import { reversalFormOf } from "../reversal-view.ts";

/**
 * 冲正 <申请编号|培训#编号|#流水号> [原因]: the number of an aid or a training request (or a training
 * application's #id from before numbering), or a ledger entry's. With a reason, the entry is reversed at once (an income only
 * taken back; its right figures are given in the form); without one, the reversal form is sent.
 */
export const fundReverseCommand: Command = {
  name: "冲正",
  aliases: ["reverse"],
  summary: { zh: "冲正已批准的帮扶款或收支流水（冲正 2026-0001 原因）", en: "reverse an aid payment or a ledger entry (冲正 2026-0001 <reason>)" },
  roles: ["SECRETARY"],
  instead: { commands: ["资金"], ask: "SECRETARY" },
  privateOnly: true,
  async run(ctx) {
    const cmd = must(parseReversalCommand(ctx.args));
    let entryId: number;
    if (cmd.target.kind === "request") {
      // One sequence numbers aid and training requests: the number says which it is.
      const held = await ctx.store.requestNumbers.requestHolding(cmd.target.number);
      if (held?.kind === "training") entryId = await entryOfTraining(ctx, held.id);
      else if (held && held.kind !== "aid") throw nothingToReverse(cmd.target.number, held.kind);
      else {
        const req = await ctx.store.aidRequests.findRequestByNumber(cmd.target.number);
        if (!req) throw unknownRequest(cmd.target.number);
        requireCorrector(ctx.actor, req.orgId);
        entryId = await entryOfRequest(ctx, req.id);
      }
    } else if (cmd.target.kind === "training") entryId = await entryOfTraining(ctx, cmd.target.id);
    else entryId = cmd.target.id;
    const e = await requireReversible(ctx, entryId);
    if (cmd.amountFen !== null) {
      const p = wholeEntryRefusal(cmd.amountFen, e);
      if (p) throw fromProblem(p);
    }
    if (!cmd.reason) {
      await ctx.audit({ action: "fund.reverse.open", subjectType: "FundEntry", subjectId: e.id, orgId: e.orgId, subjectPersonId: e.payeeId });
      ctx.reply({ card: await reversalFormOf(ctx, e, e.request ? "aid" : "fund") });
      return;
    }
    const input = { reason: must(checkReason(cmd.reason)), correction: null };
    // A command has no ctx.last: the balance steps run here, at the end of the handler, still
    // after every other write of it.
    const steps: (() => Promise<void>)[] = [];
    const done = await reverseEntry(ctx, e, input, (step) => void steps.push(step));
    for (const step of steps) await step();
    ctx.reply({ text: reversedText(e, input, done) });
  },
};
