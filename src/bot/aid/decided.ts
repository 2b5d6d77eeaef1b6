// The answer to a click on a request that is no longer open (decided by someone else, a second
// click, a stale copy, a request its member withdrew): nothing changes, the clicked card is redrawn to the current state.
import { localDateTime } from "../../domain/zoned-time.ts";
import type { AidRequestRow } from "../../store/aid-requests.ts";
import type { ActionResult, BaseContext } from "../context.ts";
import { loadRequest } from "./approval.ts";
import { approvalCardOf, withdrawnView } from "./approval-view.ts";
import { alreadyDecidedText, withdrawnAlreadyText } from "./texts.ts";

export async function decidedAnswer(ctx: BaseContext, stale: AidRequestRow): Promise<ActionResult> {
  const rc = await loadRequest(ctx, stale.id);
  const { req } = rc;
  const by = req.decidedById !== null ? (rc.names.get(req.decidedById) ?? null) : null;
  const at = req.decidedAt ? localDateTime(req.decidedAt, ctx.config.timezone) : null;
  await ctx.audit({ action: "aid.request.view", subjectType: "AidRequest", subjectId: req.id, orgId: req.orgId, subjectPersonId: req.personId, changes: { refused: "already_decided" } });
  // A withdrawal that won the race: the decider is told who withdrew it and when.
  const withdrawn = withdrawnView(req, rc.events, rc.names, ctx.config.timezone);
  const text = withdrawn ? withdrawnAlreadyText(req.number, withdrawn.by, withdrawn.at) : alreadyDecidedText(req.status, by, at);
  return { toast: { type: "info", text }, card: approvalCardOf(rc, ctx) };
}
