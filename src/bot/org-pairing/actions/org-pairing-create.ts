import { ORG_PAIRING_ACTION, orgPairingCreatedCard, orgPairingNoticeCard, orgPairingProposalCard } from "../../../../cards/org-pairing.ts";
import { parseDay } from "../../../domain/calendar-day.ts";
import { initialStatus, partnerChoice, partnerContactProblem, phoneProblem, startProblem } from "../../../domain/org-pairing.ts";
import type { PairingContact } from "../../../store/org-pairings.ts";
import { defineAction, todayOf, type ActionContext, type ActionResult } from "../../context.ts";
import { fromProblem, must, UserError } from "../../errors.ts";
import { mustActFor } from "../access.ts";
import { createForm, given, orgRef } from "../forms.ts";
import { summaryOf, thisQuarter } from "../views.ts";

const duplicate = (name: string) =>
  new UserError("org_pairing_exists", { zh: `本组织已与${name}结对（进行中或待对方确认），无需重复建立。`, en: `This organisation is already paired with ${name} (live or awaiting an answer).` });

/** The partner organisation the person typed (code or name), or a refusal saying what to fix. */
async function partnerOrg(ctx: ActionContext, typed: string) {
  const r = await ctx.store.orgPairings.findOrg(typed);
  if ("found" in r) return r.found;
  if (r.candidates.length === 0) {
    throw new UserError("unknown_org", { zh: `没有找到组织「${typed}」，请核对编码或名称；系统外的单位请填在「系统外单位名称」。`, en: `No organisation "${typed}"; check its code or name, or give an outside unit's name instead.` });
  }
  const names = r.candidates.map((c) => `${c.name}（${c.code}）`).join("、");
  throw new UserError("ambiguous_org", { zh: `有多个组织符合「${typed}」：${names}，请填写编码。`, en: `Several organisations match "${typed}": ${names}; give the code.` });
}

/** A second submit of a form that set up a pairing already: nothing changes, the card shows it. */
async function alreadySetUp(ctx: ActionContext, id: number): Promise<ActionResult> {
  const p = await ctx.store.orgPairings.loadPairing(id, thisQuarter(ctx).period);
  return { toast: { type: "info", text: { zh: "这张表单已建立过结对。", en: "This form set up a pairing already." } }, ...(p ? { card: orgPairingCreatedCard(summaryOf(p)) } : {}) };
}

/** 建立结对: one pairing per submitted form; live at once under one committee or with an outside unit, else proposed. */
export const orgPairingCreate = defineAction({
  id: ORG_PAIRING_ACTION.create,
  value: orgRef,
  form: createForm,
  async run(ctx, { value, form }) {
    const orgId = value.org;
    await mustActFor(ctx, orgId);
    const formMessageId = ctx.inbound.messageId ?? null;
    const earlier = formMessageId ? await ctx.store.orgPairings.pairingOfForm(formMessageId) : null;
    if (earlier !== null) return alreadySetUp(ctx, earlier);
    const choice = must(partnerChoice({ org: given(form.partnerOrg), outside: given(form.partnerName) }));
    const partner = "org" in choice ? await partnerOrg(ctx, choice.org) : null;
    if (partner?.id === orgId) throw new UserError("self_pairing", { zh: "不能与本组织自己结对，请填写对方组织。", en: "An organisation cannot pair with itself." });
    const partnerName = "outside" in choice ? choice.outside : null;
    const today = todayOf(ctx);
    const startOn = parseDay(form.startOn);
    const bad = startProblem(startOn, today) ?? phoneProblem(given(form.ownPhone), { zh: "我方联系人", en: "Our contact" }) ?? phoneProblem(given(form.partnerPhone), { zh: "对方联系人", en: "Their contact" }) ?? partnerContactProblem({ outside: partner === null, contactName: given(form.partnerContact) });
    if (bad) throw fromProblem(bad);

    const live = partner ? await ctx.store.orgPairings.livePairingBetween(orgId, partner.id) : await ctx.store.orgPairings.liveOutsidePairing(orgId, partnerName!);
    if (live !== null) throw duplicate(partner?.name ?? partnerName!);

    const sameRoot = partner ? (await ctx.store.orgPairings.rootOf(orgId)) === (await ctx.store.orgPairings.rootOf(partner.id)) : false;
    const status = initialStatus({ outside: partner === null, sameRoot });
    const partnerSecretaries = partner ? await ctx.store.orgContacts.secretariesOf([partner.id]) : [];
    const reachable = partnerSecretaries.filter((s): s is typeof s & { openId: string } => s.openId !== null);
    if (status === "PROPOSED" && reachable.length === 0) {
      throw new UserError("partner_unreachable", { zh: `${partner!.name}暂无书记在系统中，无法确认跨党委结对，请联系其上级党组织。`, en: `${partner!.name} has no secretary in the system to accept a pairing across committees; ask the organisation above it.` });
    }

    const ownName = given(form.ownName)!;
    const contacts: PairingContact[] = [{ side: "OWN", personId: ownName === ctx.actor.name ? ctx.actor.personId : null, name: ownName, phone: given(form.ownPhone), duty: given(form.ownDuty) }];
    const theirName = given(form.partnerContact);
    const theirSecretary = partnerSecretaries[0];
    if (theirName) contacts.push({ side: "PARTNER", personId: theirName === theirSecretary?.name ? theirSecretary.personId : null, name: theirName, phone: given(form.partnerPhone), duty: given(form.partnerDuty) });
    else if (theirSecretary) contacts.push({ side: "PARTNER", personId: theirSecretary.personId, name: theirSecretary.name, phone: given(form.partnerPhone), duty: given(form.partnerDuty) ?? "书记" });

    const purpose = given(form.purpose);
    const written = await ctx.store.orgPairings.createPairing({
      orgId,
      partnerOrgId: partner?.id ?? null,
      partnerName,
      kind: form.kind,
      purpose,
      status,
      startOn: startOn!,
      proposedById: ctx.actor.personId,
      formMessageId,
      contacts,
      at: ctx.clock.now(),
    });
    if ("sameForm" in written) return alreadySetUp(ctx, written.sameForm);
    if ("live" in written) throw duplicate(partner?.name ?? partnerName!);

    const row = (await ctx.store.orgPairings.loadPairing(written.id, thisQuarter(ctx).period))!;
    await ctx.audit({
      action: "org.pairing.create",
      subjectType: "OrgPairing",
      subjectId: row.id,
      orgId,
      changes: { status, kind: form.kind, partnerOrgId: partner?.id ?? null, fields: ["partner", "kind", "startOn", "contacts", ...(purpose ? ["purpose"] : [])] },
    });
    const proposerName = ctx.actor.name;
    for (const s of reachable) {
      const card = status === "PROPOSED" ? orgPairingProposalCard({ ...summaryOf(row), proposerName }) : orgPairingNoticeCard({ ...summaryOf(row), proposerName });
      ctx.send({ openId: s.openId }, { card }, `org-pairing-${row.id}-${status === "PROPOSED" ? "proposal" : "notice"}-${s.personId}`);
    }
    return { toast: { type: "success", text: status === "PROPOSED" ? { zh: "已发给对方书记确认。", en: "Sent to the partner for acceptance." } : { zh: "结对已建立。", en: "Pairing set up." } }, card: orgPairingCreatedCard(summaryOf(row)) };
  },
});
