// The cards around 冲正: the form for one entry, and the card it was opened from (which "返回"
// and a saved reversal bring back).
import { reversalFormCard, type ReversalBack } from "../../../cards/aid-reversal.ts";
import type { Card } from "../../../cards/kit.ts";
import type { FundSource } from "../../domain/aid-rules.ts";
import { requestLabel } from "../../domain/request-label.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import type { CorrectableEntry } from "../../store/aid-fund.ts";
import type { BaseContext } from "../context.ts";
import { trainingDecisionCardOf } from "../work/training-view.ts";
import { loadRequest } from "./approval.ts";
import { approvalCardOf } from "./approval-view.ts";
import { fundCardFor } from "./fund-view.ts";

export async function reversalFormOf(ctx: BaseContext, e: CorrectableEntry, back: ReversalBack): Promise<Card> {
  return reversalFormCard({
    entryId: e.id,
    back,
    kind: e.kind === "INCOME" ? "INCOME" : "DISBURSEMENT",
    source: e.source,
    amountFen: e.amountFen,
    at: localDateTime(e.at, ctx.config.timezone),
    orgName: (await ctx.store.orgs.orgName(e.orgId)) ?? "?",
    party: e.payer ?? e.payeeName,
    note: e.note,
    paidFor: e.request ? { kind: "aid", number: e.request.number } : e.training ? { kind: "training", label: requestLabel(e.training), course: e.training.course } : null,
    balanceFen: e.balanceFen,
  });
}

/** The card the form came from, as it stands (plus balance changes booked for the last step). */
export async function cardToGoBackTo(ctx: BaseContext, e: Pick<CorrectableEntry, "orgId" | "request" | "training">, back: ReversalBack, pending: Partial<Record<FundSource, number>> = {}): Promise<Card> {
  if (back === "aid" && e.request) return approvalCardOf(await loadRequest(ctx, e.request.id), ctx);
  if (back === "training" && e.training) return trainingDecisionCardOf(ctx, e.training.id);
  return fundCardFor(ctx, e.orgId, pending);
}
