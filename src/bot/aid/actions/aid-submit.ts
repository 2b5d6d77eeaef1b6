import { AID_ACTION } from "../../../../cards/aid-common.ts";
import { CATEGORY_LABEL, checkRequestedAmount, checkText, DESCRIPTION_MAX, ON_BEHALF_ROLES } from "../../../domain/aid-rules.ts";
import { parseYuan } from "../../../domain/money.ts";
import { hasRole } from "../../../domain/roles.ts";
import { defineAction } from "../../context.ts";
import { fromProblem, must, notAllowed, UserError } from "../../errors.ts";
import { loadRequest, sendApprovalCards, thisYear } from "../approval.ts";
import { unknownPerson } from "../errors.ts";
import { submitForm, submitValue } from "../forms.ts";
import { receiptCardOf } from "../receipt.ts";
import { alreadyFiledText, filedText } from "../texts.ts";
import { sendUrgentNotice } from "../../talks/urgent-notice.ts";

/** Submitting the 求助 form: files the request, answers with a receipt, sends the deciders their cards. */
export const aidSubmit = defineAction({
  id: AID_ACTION.submit,
  value: submitValue,
  form: submitForm,
  async run(ctx, { value, form }) {
    const { store, actor, clock, config } = ctx;
    const onBehalf = value.f !== undefined && value.f !== actor.personId;
    const personId = onBehalf ? value.f! : actor.personId;
    const now = clock.now();
    const { year, yearStart, yearEnd } = thisYear(ctx);
    // Everything the approval card shows, read in one query before filing.
    const snap = await store.aidRequests.filingSnapshot(personId, actor.personId, { yearStart, yearEnd });
    if (!snap && onBehalf) throw unknownPerson();
    if (!snap) throw new UserError("no_branch", { zh: "名册中没有您所在的党支部，请联系党务工作者。", en: "The roster has no branch for you; ask the affairs worker." });
    if (onBehalf && !hasRole(actor, ON_BEHALF_ROLES, snap.orgId)) throw notAllowed();

    const description = must(checkText(form.description, { zh: "情况说明", en: "description" }, { required: true, max: DESCRIPTION_MAX }));
    let requestedFen: number | null = null;
    if (form.amount !== undefined && form.amount.trim() !== "") {
      requestedFen = must(parseYuan(form.amount, { zh: "申请金额", en: "amount" }));
      const over = checkRequestedAmount(requestedFen, config.aidMaxFen);
      if (over) throw fromProblem(over);
    }
    const who = { personId, orgId: snap.orgId, filedById: actor.personId, onBehalf };
    const talk = await store.talkTasks.planUrgentTalk({ memberId: personId, orgId: snap.orgId });
    const formMessageId = ctx.inbound.messageId ?? null;
    const created = await store.aidRequests.createRequest({ year, ...who, category: form.category, description, requestedFen, urgency: form.urgency ?? "NORMAL", formMessageId, at: now });
    if (!created) {
      // The same form submitted again (a double click): show what the first submit filed.
      const earlier = formMessageId === null ? null : await store.aidRequests.requestOfForm(formMessageId);
      if (!earlier) throw new Error(`form ${formMessageId} filed nothing, yet filing it again was refused`);
      return { toast: { type: "info", text: alreadyFiledText(earlier.number) }, card: receiptCardOf(await loadRequest(ctx, earlier.id), ctx) };
    }
    const { req, filed } = created;
    const to = snap.deciders.filter((d) => d.id !== personId);
    await ctx.audit({
      action: "aid.request.file",
      subjectType: "AidRequest",
      subjectId: req.id,
      orgId: req.orgId,
      subjectPersonId: personId,
      changes: { number: req.number, personId, onBehalf, category: req.category, requestedFen, urgency: req.urgency, notified: to.map((d) => d.id) },
    });
    // A member asking for help is owed an urgent talk with their responsible leader (谈心谈话).
    const urgent = await store.talkTasks.openUrgentTalk({ memberId: personId, orgId: req.orgId, reason: "AID_REQUEST", aidRequestId: req.id, note: CATEGORY_LABEL[req.category].zh, createdById: actor.personId, now, timeZone: config.timezone }, talk);
    sendUrgentNotice(ctx, urgent.notice);
    // The new request's card: the snapshot read before filing, and the row and event filing returned.
    const { deciders, ...about } = snap;
    const names = new Map([[actor.personId, actor.name], [snap.member.id, snap.member.name]]);
    const rc = { ...about, year, req, events: [filed], names, copies: [] };
    const deciderCount = await sendApprovalCards(ctx, rc, "r0", to, { audit: false });
    const soleDecider = deciderCount === 0 && deciders.some((d) => d.id === personId);
    return {
      toast: { type: "success", text: filedText(req.number) },
      card: receiptCardOf(rc, ctx, deciderCount > 0 ? "sent" : soleDecider ? "sole" : "none"),
    };
  },
});
