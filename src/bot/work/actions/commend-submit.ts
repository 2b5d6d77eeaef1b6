import { commendReceiptCard } from "../../../../cards/commend.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkText, DESCRIPTION_MAX } from "../../../domain/aid-rules.ts";
import { NOMINATOR_ROLES, TITLE_MAX } from "../../../domain/commend-rules.ts";
import { requestLabel } from "../../../domain/request-label.ts";
import { hasRole } from "../../../domain/roles.ts";
import { localYear } from "../../../domain/zoned-time.ts";
import { must, notAllowed } from "../../errors.ts";
import { defineAction } from "../../context.ts";
import { commendViewOf, sendCommendCards } from "../commend-view.ts";
import { commendForm, personRef } from "../forms.ts";
import { reachableSecretaries } from "../people.ts";
import { alreadySubmittedText, noBranch } from "../texts.ts";
import { written } from "../../../store/audit.ts";

/** Submitting a nomination: filed once per form card, sent to the branch's secretaries. */
export const commendSubmit = defineAction({
  id: WORK_ACTION.commendSubmit,
  value: personRef,
  form: commendForm,
  async run(ctx, { value, form }) {
    const branch = await ctx.store.aidPeople.memberBranch(value.p);
    if (!branch) throw noBranch();
    if (!hasRole(ctx.actor, NOMINATOR_ROLES, branch.orgId)) throw notAllowed(["表彰记录"]);
    const title = must(checkText(form.title, { zh: "表彰名称", en: "title" }, { required: true, max: TITLE_MAX }));
    const deeds = must(checkText(form.deeds, { zh: "主要事迹", en: "deeds" }, { required: true, max: DESCRIPTION_MAX }));
    const row = await ctx.store.commendations.createCommendation({ orgId: branch.orgId, personId: value.p, nominatedById: ctx.actor.personId, title, level: form.level, deeds, formMessageId: ctx.inbound.messageId ?? null, year: localYear(ctx.clock.now(), ctx.config.timezone), at: ctx.clock.now() });
    if (!row) {
      const earlier = await ctx.store.commendations.commendationByForm(ctx.inbound.messageId ?? "");
      const deciderCount = earlier ? (await reachableSecretaries(ctx, earlier.orgId, earlier.personId)).length : 0;
      return { toast: { type: "info", text: alreadySubmittedText }, ...(earlier ? { card: commendReceiptCard({ ...(await commendViewOf(ctx, earlier)), deciderCount }) } : {}) };
    }
    await ctx.audit({ action: "commendation.nominate", subjectType: "Commendation", subjectId: row.id, orgId: row.orgId, subjectPersonId: row.personId, changes: { personId: row.personId, title, level: row.level, ...written({ deeds }) } });
    const deciderCount = await sendCommendCards(ctx, row);
    const view = await commendViewOf(ctx, row);
    return { toast: { type: "success", text: { zh: `已提交对${view.member}的表彰提名，编号 ${requestLabel(row)}。`, en: `Nominated ${view.member} (${requestLabel(row)}).` } }, card: commendReceiptCard({ ...view, deciderCount }) };
  },
});
