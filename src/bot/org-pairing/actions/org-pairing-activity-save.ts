import { ORG_PAIRING_ACTION, orgPairingActivityCard } from "../../../../cards/org-pairing.ts";
import { parseDay } from "../../../domain/calendar-day.ts";
import { activityProblem, parseParticipants } from "../../../domain/org-pairing.ts";
import { defineAction, todayOf } from "../../context.ts";
import { fromProblem, UserError } from "../../errors.ts";
import { sideOf, unknownPairing } from "../access.ts";
import { activityForm, given, noValue } from "../forms.ts";
import { thisQuarter } from "../views.ts";

/** 保存 (结对活动): one joint activity per submitted form; the other side's secretaries are told. */
export const orgPairingActivitySave = defineAction({
  id: ORG_PAIRING_ACTION.activitySave,
  value: noValue,
  form: activityForm,
  async run(ctx, { form }) {
    const p = await ctx.store.orgPairings.loadPairing(Number(form.pairing), thisQuarter(ctx).period);
    if (!p) throw unknownPairing();
    const side = await sideOf(ctx, p);
    if (p.status !== "ACTIVE") throw new UserError("org_pairing_not_active", { zh: "该结对不在进行中，无法登记活动。", en: "This pairing is not active; no activity can be recorded." });
    const heldOn = parseDay(form.heldOn);
    const participantsText = given(form.participants);
    const bad = activityProblem({ heldOn, today: todayOf(ctx), startOn: p.startOn, participants: participantsText });
    if (bad) throw fromProblem(bad);
    const participants = participantsText === null ? null : parseParticipants(participantsText);
    const content = given(form.content)!;
    const written = await ctx.store.orgPairings.recordActivity({ pairingId: p.id, orgId: side, heldOn: heldOn!, content, participants, recordedById: ctx.actor.personId, formMessageId: ctx.inbound.messageId ?? null, at: ctx.clock.now() });
    const ourName = side === p.orgId ? p.orgName : p.partnerName;
    const pairing = `${ourName} ⇄ ${side === p.orgId ? p.partnerName : p.orgName}`;
    if ("sameForm" in written) {
      const earlier = await ctx.store.orgPairings.loadActivity(written.sameForm);
      const recorder = earlier ? ((await ctx.store.people.personName(earlier.recordedById)) ?? "") : "";
      return {
        toast: { type: "info", text: { zh: "这张表单已登记过活动。", en: "This form recorded an activity already." } },
        ...(earlier ? { card: orgPairingActivityCard({ recorderOrg: earlier.orgId === p.orgId ? p.orgName : p.partnerName, recorderName: recorder, pairing, heldOn: earlier.heldOn, content: earlier.content, participants: earlier.participants, notice: false }) } : {}),
      };
    }
    await ctx.audit({ action: "org.pairing.activity", subjectType: "OrgPairing", subjectId: p.id, orgId: side, changes: { activityId: written.id, fields: ["heldOn", "content", ...(participants !== null ? ["participants"] : [])] } });
    const facts = { recorderOrg: ourName, recorderName: ctx.actor.name, pairing: `${p.orgName} ⇄ ${p.partnerName}`, heldOn: heldOn!, content, participants };
    const other = side === p.orgId ? p.partnerOrgId : p.orgId;
    if (other !== null) {
      for (const s of await ctx.store.orgContacts.secretariesOf([other])) {
        if (s.openId && s.personId !== ctx.actor.personId) ctx.send({ openId: s.openId }, { card: orgPairingActivityCard({ ...facts, notice: true }) }, `org-pairing-activity-${written.id}-${s.personId}`);
      }
    }
    return { toast: { type: "success", text: { zh: "共建活动已登记。", en: "Joint activity recorded." } }, card: orgPairingActivityCard({ ...facts, pairing, notice: false }) };
  },
});
