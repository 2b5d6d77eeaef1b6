import { jobSeekReceiptCard } from "../../../../cards/job-seek.ts";
import { WORK_ACTION } from "../../../../cards/work-common.ts";
import { checkWishes } from "../../../domain/employment-input.ts";
import { SEEKER_HELPER_ROLES } from "../../../domain/job-match.ts";
import { hasRole } from "../../../domain/roles.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { auditDiff, diffFields, written } from "../../../store/audit.ts";
import { unknownPerson } from "../../aid/errors.ts";
import { must, notAllowed } from "../../errors.ts";
import { defineAction, todayOf } from "../../context.ts";
import { jobSeekForm, onBehalfRef } from "../forms.ts";
import { noBranch } from "../texts.ts";

/** Submitting 求职登记: opens the member's case, or updates the wishes of the open one. */
export const jobSeekSubmit = defineAction({
  id: WORK_ACTION.jobSeekSubmit,
  value: onBehalfRef,
  form: jobSeekForm,
  async run(ctx, { value, form }) {
    const { store, actor } = ctx;
    const onBehalf = value.f !== undefined && value.f !== actor.personId;
    const personId = onBehalf ? value.f! : actor.personId;
    const member = await store.people.personContact(personId);
    if (!member) throw unknownPerson();
    const branch = await store.aidPeople.memberBranch(personId);
    if (!branch) throw noBranch();
    if (onBehalf && !hasRole(actor, SEEKER_HELPER_ROLES, branch.orgId)) throw notAllowed(["求职登记"]);
    const wishes = must(checkWishes(form));
    const today = todayOf(ctx);
    const { row, created, before } = await store.employment.registerCase({ ...wishes, orgId: branch.orgId, personId, byId: actor.personId, today, at: ctx.clock.now() });
    // Kinds of work and the area are kept; skills and wishes are the member's own words, only named.
    const plain = ["kinds", "area"];
    const changes = created ? { kinds: wishes.kinds, area: wishes.area, ...written({ skills: wishes.skills, wishes: wishes.wishes }), onBehalf } : auditDiff(diffFields(before, wishes), plain);
    if (created || Object.keys(changes).length > 0) {
      await ctx.audit({ action: created ? "employment.case.register" : "employment.case.update", subjectType: "EmploymentCase", subjectId: row.id, orgId: row.orgId, subjectPersonId: row.personId, changes });
    }
    const receipt = { ...wishes, created, openedOn: row.openedOn };
    if (onBehalf && created && member.openId) ctx.send({ openId: member.openId }, { card: jobSeekReceiptCard(receipt) }, `job-seek-registered-${row.id}`);
    return {
      toast: { type: "success", text: created ? { zh: `已登记${member.name}的求职意向。`, en: `${member.name} is registered as looking for work.` } : { zh: "求职意向已更新。", en: "Wishes updated." } },
      card: jobSeekReceiptCard({ ...receipt, ...(onBehalf ? { forName: member.name } : {}) }),
    };
  },
});
