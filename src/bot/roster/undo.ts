// 撤销: a recorded change undone by a secretary of its branch, within the branch's undo period,
// and only the person's latest change still applied (undoing an older one under a newer one
// would restore a state the newer one already changed). The 撤销变动 command and the result
// card's button both come here.
import { changeDoneCard, changeRevertedCard, type ChangeSummary } from "../../../cards/membership-change.ts";
import { redrawReceipts } from "../aid/receipt.ts";
import type { KeyedContext } from "../card-copies.ts";
import type { Card } from "../../../cards/kit.ts";
import { KIND_LABEL, undoProblem, undoUntil } from "../../domain/membership-change.ts";
import { hasRole } from "../../domain/roles.ts";
import { dayIn } from "../../domain/zoned-time.ts";
import type { ChangeRow } from "../../store/membership-changes.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { fromProblem, notAllowed, UserError } from "../errors.ts";
import { doneEffects, tellSecretaries } from "./record.ts";

export function summaryOfChange(c: ChangeRow): ChangeSummary {
  return {
    kind: KIND_LABEL[c.kind],
    memberName: c.personName,
    orgName: c.orgName,
    effectiveOn: c.effectiveOn,
    otherOrgName: c.otherOrgName,
    inSystem: c.kind === "TRANSFER_OUT" && c.otherOrgId !== null,
    direction: c.kind === "TRANSFER_OUT" ? "out" : c.kind === "TRANSFER_IN" ? "in" : null,
    note: c.note,
  };
}

export async function loadChange(ctx: BaseContext, id: number): Promise<ChangeRow> {
  const c = await ctx.store.membershipChanges.findChange(id);
  if (!c) throw new UserError("unknown_change", { zh: "找不到该变动记录。", en: "That change does not exist." });
  if (!hasRole(ctx.actor, ["SECRETARY"], c.orgId)) throw notAllowed();
  return c;
}

/** Refuses (a UserError saying why) unless the change may be undone today; returns the last day it may be. */
export async function checkUndo(ctx: BaseContext, c: ChangeRow): Promise<string> {
  const settings = await ctx.store.membershipChanges.rosterSettingsOf(c.orgId, ctx.log);
  const recordedOn = dayIn(c.recordedAt, ctx.config.timezone);
  const p = undoProblem({
    status: c.status,
    recordedOn,
    today: todayOf(ctx),
    undoDays: settings.undoDays,
    laterApplied: c.status === "APPLIED" && (await ctx.store.membershipChanges.laterApplied(c)),
    name: c.personName,
  });
  if (p) throw fromProblem(p);
  return undoUntil(recordedOn, settings.undoDays);
}

/** The change as its result card shows it, with 撤销 (the 撤销变动 command's answer). */
export async function undoableCard(ctx: BaseContext, c: ChangeRow): Promise<Card> {
  const last = await checkUndo(ctx, c);
  const summary = summaryOfChange(c);
  return changeDoneCard({ summary, changeId: c.id, effects: doneEffects(c.kind, c.effects, summary), undoUntil: last });
}

export async function undoChange(ctx: KeyedContext, c: ChangeRow): Promise<Card> {
  await checkUndo(ctx, c);
  const r = await ctx.store.membershipChanges.revertChange(c, { byId: ctx.actor.personId, at: ctx.clock.now() });
  if (!r.ok) throw new UserError("already_reverted", { zh: "该变动已经撤销，无需再次撤销。", en: "This change has already been undone." });
  await redrawReceipts(ctx, c.effects.aid.map((a) => a.id));
  const summary = summaryOfChange(c);
  await ctx.audit({
    action: "membership.change.revert",
    subjectType: "MembershipChange",
    subjectId: c.id,
    orgId: c.orgId,
    subjectPersonId: c.personId,
    changes: { status: ["APPLIED", "REVERTED"], kind: c.kind, personId: c.personId, effectiveOn: c.effectiveOn, notRestored: r.notRestored },
  });
  if (summary.inSystem && c.otherOrgId !== null) {
    await ctx.audit({ action: "membership.change.revert", subjectType: "MembershipChange", subjectId: c.id, orgId: c.otherOrgId, subjectPersonId: c.personId, changes: { status: ["APPLIED", "REVERTED"], kind: c.kind, personId: c.personId } });
  }
  await tellSecretaries(ctx, { changeId: c.id, orgId: c.orgId, otherOrgId: summary.inSystem ? c.otherOrgId : null, summary, effects: [], reverted: true });
  return changeRevertedCard({ summary, notRestored: r.notRestored });
}
