import { pairingNoticeCard } from "../../../../cards/visit-pairing.ts";
import { VISIT_ACTION } from "../../../../cards/visit-text.ts";
import { HELPER_KIND_LABEL, pairingProblem } from "../../../domain/pairing.ts";
import { hasRole } from "../../../domain/roles.ts";
import { parseDay } from "../../../domain/calendar-day.ts";
import type { Lookup } from "../../../store/visit-people.ts";
import { defineAction, todayOf } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { given, orgRef, pairingForm } from "../forms.ts";
import { pairingView } from "../views.ts";

function person(l: Lookup, typed: string, role: { zh: string; en: string }) {
  if (l.ok) return l.person;
  if (l.why === "none") throw new UserError("unknown_person", { zh: `没有找到${role.zh}「${typed}」，请核对姓名或填写手机号。`, en: `No ${role.en} "${typed}"; check the name or use the mobile.` });
  const names = l.candidates.map((c) => `${c.name}#${(c.mobile ?? "").slice(-4)}`).join("、");
  throw new UserError("ambiguous_person", { zh: `有多人名为「${typed}」：${names}，请写明手机尾号。`, en: `Several people are called "${typed}": ${names}; add the last mobile digits.` });
}

/** 建立结对: the secretary links a helper with a member of their branch. */
export const visitPairingCreate = defineAction({
  id: VISIT_ACTION.pairingCreate,
  value: orgRef,
  form: pairingForm,
  async run(ctx, { value, form }) {
    if (!hasRole(ctx.actor, ["SECRETARY"], value.org)) throw notAllowed();
    const member = person(await ctx.store.visitPeople.findInBranches(form.member, [value.org]), form.member, { zh: "本支部党员", en: "member of this branch" });
    const helperText = given(form.helper);
    const helper = helperText ? person(await ctx.store.visitPeople.findAnyone(helperText), helperText, { zh: "帮扶人", en: "helper" }) : null;
    if (form.kind === "LEADER" && helper) {
      if (!(await ctx.store.visitPeople.isLeaderAnywhere(helper.id))) throw new UserError("helper_not_leader", { zh: `${helper.name}不是党员领导干部，请改选「党员结对」或换一位帮扶人。`, en: `${helper.name} is not a leader; choose “member pairing” or another helper.` });
    }
    const startOn = parseDay(form.startOn);
    if (!startOn) throw new UserError("bad_date", { zh: "开始日期格式不正确，请重新选择。", en: "The start date is not a date." });
    const endText = given(form.endOn);
    const endOn = endText ? parseDay(endText) : null;
    if (endText && !endOn) throw new UserError("bad_date", { zh: "结束日期格式不正确，请重新选择。", en: "The end date is not a date." });
    const departmentName = given(form.department);
    const draft = { kind: form.kind, memberId: member.id, helperPersonId: helper?.id ?? null, departmentName: form.kind === "DEPARTMENT" ? departmentName : null, startOn, endOn };
    const problem = pairingProblem(draft);
    if (problem) throw new UserError(problem.code, problem);
    if (await ctx.store.visitPairing.samePairingOpen({ memberId: member.id, helperPersonId: draft.helperPersonId, departmentName: draft.departmentName, today: todayOf(ctx) })) {
      throw new UserError("pairing_exists", { zh: `${member.name}已与该帮扶人结对，无需重复建立。`, en: `${member.name} is already paired with this helper.` });
    }
    const id = await ctx.store.visitPairing.createPairing({ orgId: value.org, memberId: member.id, helperKind: form.kind, helperPersonId: draft.helperPersonId, departmentName: draft.departmentName, startOn, endOn, createdById: ctx.actor.personId, at: ctx.clock.now() });
    await ctx.audit({ action: "pairing.create", subjectType: "Pairing", subjectId: id, orgId: value.org, subjectPersonId: member.id, changes: { memberId: member.id, helperKind: form.kind, helperPersonId: draft.helperPersonId, departmentName: draft.departmentName, startOn, endOn } });
    const orgName = await ctx.store.orgs.orgName(value.org);
    if (helper?.openId) {
      ctx.send(
        { openId: helper.openId },
        { card: pairingNoticeCard({ helperName: helper.name, memberName: member.name, orgName: orgName ?? "", kind: HELPER_KIND_LABEL[form.kind], startOn, endOn, memberId: member.id, pairingId: id, today: todayOf(ctx) }) },
        `visit-pairing-${id}-notice`,
      );
    }
    const helperName = [draft.departmentName, helper?.name].filter(Boolean).join(" · ");
    return {
      toast: { type: "success", text: { zh: "已建立结对。", en: "Pairing created." } },
      card: await pairingView(ctx, value.org, { zh: `已建立结对：${member.name} ← ${helperName}`, en: `Paired ${member.name} with ${helperName}` }),
    };
  },
});
