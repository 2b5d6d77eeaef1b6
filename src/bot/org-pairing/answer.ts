// Accepting or declining a pairing proposed across two committees: only a secretary of the
// partner organisation may; the proposer is told either way. A second answer (another secretary
// of the same organisation, a stale card) changes nothing and shows how it was answered.
import { orgPairingAnswerCard, orgPairingAnsweredCard } from "../../../cards/org-pairing.ts";
import { hasRole } from "../../domain/roles.ts";
import type { ActionContext, ActionResult } from "../context.ts";
import { notAllowed } from "../errors.ts";
import { unknownPairing } from "./access.ts";
import { summaryOf, thisQuarter } from "./views.ts";

export async function answerProposal(ctx: ActionContext, pairingId: number, accept: boolean): Promise<ActionResult> {
  const { period } = thisQuarter(ctx);
  const p = await ctx.store.orgPairings.loadPairing(pairingId, period);
  if (!p || p.partnerOrgId === null) throw unknownPairing();
  if (!hasRole(ctx.actor, ["SECRETARY"], p.partnerOrgId)) throw notAllowed();
  if (p.status !== "PROPOSED") {
    const by = p.confirmedById !== null ? ((await ctx.store.people.personName(p.confirmedById)) ?? "") : "";
    return { toast: { type: "info", text: { zh: "该结对邀请已处理过。", en: "This proposal was answered already." } }, card: orgPairingAnsweredCard({ ...summaryOf(p), answeredBy: by }) };
  }
  const now = ctx.clock.now();
  const done = accept ? await ctx.store.orgPairings.confirmPairing(p.id, ctx.actor.personId, now) : await ctx.store.orgPairings.declinePairing(p.id, null, now);
  if (!done) throw unknownPairing();
  const status = accept ? "ACTIVE" : "DECLINED";
  await ctx.audit({ action: accept ? "org.pairing.confirm" : "org.pairing.decline", subjectType: "OrgPairing", subjectId: p.id, orgId: p.partnerOrgId, changes: { status: ["PROPOSED", status], fields: accept ? ["status", "confirmedById", "confirmedAt"] : ["status"] } });
  const answered = { ...summaryOf(p), status, answeredBy: ctx.actor.name } as const;
  const proposer = await ctx.store.people.personContact(p.proposedById);
  if (proposer?.openId) ctx.send({ openId: proposer.openId }, { card: orgPairingAnswerCard({ ...answered, partnerOrgName: p.partnerName }) }, `org-pairing-${p.id}-answer`);
  return {
    toast: { type: "success", text: accept ? { zh: "已同意结对，已告知对方。", en: "Accepted; the proposer was told." } : { zh: "已不同意结对，已告知对方。", en: "Declined; the proposer was told." } },
    card: orgPairingAnsweredCard(answered),
  };
}
