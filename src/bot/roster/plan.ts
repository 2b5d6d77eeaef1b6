// One change, checked: who it is about, whether this secretary may record it, whether the kind
// fits the member's standing and the date is possible, and what it will do to their open items.
// The command checks it to draw the confirmation card; the 确认 click checks it again from the
// card's value (the world may have moved, and a value is input), then applies it.
import { z } from "zod";
import type { Card } from "../../../cards/kit.ts";
import { changeConfirmCard, type ChangeSummary } from "../../../cards/membership-change.ts";
import { isDay, type Day } from "../../domain/calendar-day.ts";
import {
  CHANGE_KINDS,
  effectLines,
  effectiveOnProblem,
  kindProblem,
  KIND_LABEL,
  standingOf,
  type ChangeKind,
  type ItemCounts,
} from "../../domain/membership-change.ts";
import { hasRole } from "../../domain/roles.ts";
import type { Text } from "../../domain/text.ts";
import type { ChangeSubject } from "../../store/membership-changes.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { fromProblem, notAllowed, UserError } from "../errors.ts";

/** A change as asked for: by a command's words, or by the confirmation card's value. */
export interface ChangeRequest {
  kind: ChangeKind;
  /** Null for a transfer in of someone the system does not know yet. */
  personId: number | null;
  orgId: number;
  day: Day;
  otherOrgId: number | null;
  otherOrgName: string | null;
  note: string | null;
  /** A transfer in: the name and mobile the secretary typed. */
  newPerson: { name: string; mobile: string } | null;
}

/** The confirmation card's button value: short keys, every one checked again on the click. */
export const changeValue = z.object({
  k: z.enum(CHANGE_KINDS),
  p: z.int().positive().optional(),
  o: z.int().positive(),
  d: z.string().refine(isDay),
  to: z.int().positive().optional(),
  tn: z.string().min(1).max(100).optional(),
  n: z.string().min(1).max(200).optional(),
  nm: z.string().min(1).max(30).optional(),
  mb: z.string().regex(/^1\d{10}$/).optional(),
});
export type ChangeValue = z.infer<typeof changeValue>;

export function valueOf(r: ChangeRequest): ChangeValue {
  return {
    k: r.kind,
    o: r.orgId,
    d: r.day,
    ...(r.personId !== null ? { p: r.personId } : {}),
    ...(r.otherOrgId !== null ? { to: r.otherOrgId } : {}),
    ...(r.otherOrgName ? { tn: r.otherOrgName } : {}),
    ...(r.note ? { n: r.note } : {}),
    ...(r.newPerson ? { nm: r.newPerson.name, mb: r.newPerson.mobile } : {}),
  };
}

export function requestOf(v: ChangeValue): ChangeRequest {
  return {
    kind: v.k,
    personId: v.p ?? null,
    orgId: v.o,
    day: v.d,
    otherOrgId: v.to ?? null,
    otherOrgName: v.tn ?? null,
    note: v.n ?? null,
    newPerson: v.nm && v.mb ? { name: v.nm, mobile: v.mb } : null,
  };
}

export interface Plan {
  req: ChangeRequest;
  /** Null for a transfer in of someone new. */
  subject: ChangeSubject | null;
  summary: ChangeSummary;
  counts: ItemCounts;
  /** What the change will do, for the confirmation card. */
  effects: Text[];
  /** What stays for the secretary to do by hand. */
  hints: Text[];
}

const NONE: ItemCounts = { talks: 0, talkTasks: 0, followUps: 0, visitTasks: 0, hardship: 0, pairings: 0, employment: 0, training: 0, aid: 0 };

const notOnRoll = new UserError("member_not_found", { zh: "在该支部的名册中找不到这名党员，请重新发送命令。", en: "That member is not on this branch's roll; send the command again." });

/** Checks the change from scratch; every refusal is a UserError saying what to fix, and nothing has been written. */
export async function checkChange(ctx: BaseContext, req: ChangeRequest): Promise<Plan> {
  if (!hasRole(ctx.actor, ["SECRETARY"], req.orgId)) throw notAllowed();
  const today = todayOf(ctx);
  const orgName = (await ctx.store.orgs.orgName(req.orgId)) ?? "";
  if (req.kind === "TRANSFER_IN") return checkTransferIn(ctx, req, today, orgName);

  const subject = req.personId !== null ? await ctx.store.membershipChanges.subjectIn(req.personId, req.orgId) : null;
  if (!subject) throw notOnRoll;
  // A secretary recording their own departure would lose the role that lets them undo it.
  if (subject.id === ctx.actor.personId) throw new UserError("self_change", { zh: "不能为自己登记组织关系变动，请由本支部其他书记或上级党组织办理。", en: "You cannot record a change for yourself; ask another secretary or the higher organisation." });
  if (subject.deceasedOn) throw new UserError("deceased", { zh: `${subject.name}已于 ${subject.deceasedOn} 登记去世，不能再办理变动；如登记有误，请先「撤销变动 ${subject.name}」。`, en: `${subject.name} is recorded as deceased on ${subject.deceasedOn}.` });
  const standing = standingOf(subject.roles.map((r) => r.status));
  const kp = kindProblem(req.kind, standing, subject.name);
  if (kp) throw fromProblem(kp);
  const since = subject.roles
    .filter((r) => r.status !== "ENDED")
    .map((r) => r.since)
    .filter((d): d is Day => d !== null)
    .sort()
    .at(-1);
  const dp = effectiveOnProblem({
    day: req.day,
    today,
    since: since ?? null,
    joinedPartyOn: subject.joinedPartyOn,
    birthDate: subject.birthDate,
    lastChangeOn: await ctx.store.membershipChanges.lastAppliedOn(subject.id),
  });
  if (dp) throw fromProblem(dp);

  let otherOrgName = req.otherOrgName;
  if (req.kind === "TRANSFER_OUT") otherOrgName = await checkReceiving(ctx, req, subject);
  const inSystem = req.kind === "TRANSFER_OUT" && req.otherOrgId !== null;
  const counts = req.kind === "RESTORED" ? NONE : await ctx.store.membershipChanges.openItems(subject.id, req.orgId, req.day);
  const summary: ChangeSummary = {
    kind: KIND_LABEL[req.kind],
    memberName: subject.name,
    orgName,
    effectiveOn: req.day,
    otherOrgName,
    inSystem,
    direction: req.kind === "TRANSFER_OUT" ? "out" : null,
    note: req.note,
  };
  const effects = [...rolesLine(req.kind, subject, orgName), ...effectLines(req.kind, counts, otherOrgName, inSystem, false)];
  if (inSystem) effects.push({ zh: `在${otherOrgName}建立党员身份（自 ${req.day} 起），并通知双方支部书记`, en: `make them a member of ${otherOrgName} from ${req.day}, and tell both branches' secretaries` });
  const hints: Text[] = [];
  if (req.kind === "DEATH") {
    effects.push({ zh: `记录其于 ${req.day} 去世，此后不再向其发送或就其发送任何提醒`, en: `record the death on ${req.day}; no reminder goes to or about them afterwards` });
    if ((await ctx.store.membershipChanges.rosterSettingsOf(req.orgId, ctx.log)).condolenceVisit) effects.push({ zh: "安排一次慰问家属走访（六必访）", en: "open a condolence visit to the family" });
  }
  if (req.kind !== "RESTORED") {
    const duties = await ctx.store.membershipChanges.dutiesOf(subject.id, req.orgId);
    if (duties.talkMembers > 0) hints.push({ zh: `其负责谈心的 ${duties.talkMembers} 名党员需另行分配（发送「分配谈心」）`, en: `${duties.talkMembers} member(s) they hold talks with need another leader (分配谈心)` });
    if (duties.visitsToMake > 0) hints.push({ zh: `其承担的 ${duties.visitsToMake} 项走访需改派（发送「走访改派」）`, en: `${duties.visitsToMake} visit(s) they were to make need another visitor (走访改派)` });
  }
  return { req: { ...req, otherOrgName }, subject, summary, counts, effects, hints };
}

function rolesLine(kind: ChangeKind, s: ChangeSubject, orgName: string): Text[] {
  if (kind === "RESTORED") return [{ zh: `恢复其在${orgName}的身份，重新接收提醒`, en: `restore their roles in ${orgName}; reminders resume` }];
  if (kind === "SUSPENDED") return [{ zh: `暂停其在${orgName}的全部身份（保留在册，不再发送提醒）`, en: `suspend their roles in ${orgName} (kept on the roll, sent nothing)` }];
  const n = s.roles.filter((r) => r.status !== "ENDED").length;
  return [{ zh: `终止其在${orgName}的 ${n} 项身份（历史记录保留，仍可在台账和报表中查阅）`, en: `end their ${n} role(s) in ${orgName} (history stays in the ledgers and reports)` }];
}

/** The receiving side of a transfer out: a branch of this system other than this one, where the member is not yet active. */
async function checkReceiving(ctx: BaseContext, req: ChangeRequest, subject: ChangeSubject): Promise<string> {
  if (req.otherOrgId === null) {
    if (!req.otherOrgName) throw new UserError("no_destination", { zh: "请写明转往的组织。", en: "Name the organisation the member transfers to." });
    return req.otherOrgName;
  }
  const [branch] = await ctx.store.orgs.branchesAmong([req.otherOrgId]);
  if (!branch) throw new UserError("unknown_branch", { zh: "接收支部不存在，请重新发送「转出」命令。", en: "The receiving branch does not exist; send the transfer command again." });
  if (branch.id === req.orgId) throw new UserError("same_branch", { zh: "转入支部与转出支部相同，请写明另一个党支部。", en: "The receiving branch is the same branch." });
  if (await ctx.store.membershipChanges.activeIn(subject.id, branch.id)) {
    throw new UserError("already_there", { zh: `${subject.name}已是${branch.name}的在册人员，无需转入。`, en: `${subject.name} is already on ${branch.name}'s roll.` });
  }
  return branch.name;
}

async function checkTransferIn(ctx: BaseContext, req: ChangeRequest, today: Day, orgName: string): Promise<Plan> {
  const np = req.newPerson;
  if (!np) throw new UserError("transfer_in_person", { zh: "请写明转入党员的姓名和手机号。", en: "Give the name and mobile of the member transferring in." });
  const known = await ctx.store.membershipChanges.personWithMobile(np.mobile);
  if (known && known.name !== np.name) {
    throw new UserError("mobile_taken", { zh: `手机号 ${np.mobile} 已登记为「${known.name}」，请核对姓名或手机号。`, en: `The mobile ${np.mobile} belongs to "${known.name}" here.` });
  }
  if (known?.deceasedOn) throw new UserError("deceased", { zh: `${known.name}已登记去世（${known.deceasedOn}），不能转入。`, en: `${known.name} is recorded as deceased.` });
  const here = known ? await ctx.store.membershipChanges.subjectIn(known.id, req.orgId) : null;
  const kp = kindProblem("TRANSFER_IN", standingOf(here ? here.roles.map((r) => r.status) : []), np.name);
  if (kp) throw fromProblem(kp);
  const elsewhere = known?.activeIn.filter((o) => o.orgId !== req.orgId) ?? [];
  if (elsewhere.length > 0) {
    const names = elsewhere.map((o) => o.orgName).join("、");
    throw new UserError("active_elsewhere", {
      zh: `${np.name}目前在${names}在册。系统内的转移请由${names}书记发送「转出 ${np.name} 到 ${orgName}」办理。`,
      en: `${np.name} is on the roll of ${names}; a transfer inside the system is recorded there with 转出.`,
    });
  }
  const dp = effectiveOnProblem({ day: req.day, today, since: null, joinedPartyOn: here?.joinedPartyOn ?? null, birthDate: here?.birthDate ?? null, lastChangeOn: known ? await ctx.store.membershipChanges.lastAppliedOn(known.id) : null });
  if (dp) throw fromProblem(dp);
  const summary: ChangeSummary = {
    kind: KIND_LABEL.TRANSFER_IN,
    memberName: np.name,
    mobileTail: np.mobile.slice(-4),
    orgName,
    effectiveOn: req.day,
    otherOrgName: req.otherOrgName,
    inSystem: false,
    direction: "in",
    note: req.note,
  };
  const effects: Text[] = [
    known ? { zh: `${np.name}（系统中已有其信息）成为${orgName}党员，自 ${req.day} 起`, en: `${np.name} (already known here) becomes a member of ${orgName} from ${req.day}` } : { zh: `新建党员「${np.name}」，成为${orgName}党员，自 ${req.day} 起`, en: `add ${np.name} as a member of ${orgName} from ${req.day}` },
  ];
  const hints: Text[] = [
    { zh: "请为其分配谈心责任人（发送「分配谈心」）；其飞书账号在下次名册导入时绑定", en: "name their talk leader (分配谈心); their Lark account is bound at the next roster import" },
  ];
  return { req: { ...req, personId: known?.id ?? null }, subject: here, summary, counts: NONE, effects, hints };
}


/** The confirmation card: exactly what the 确认 click will do, with the request in its value. */
export function confirmCardOf(plan: Plan): Card {
  return changeConfirmCard({ summary: plan.summary, effects: plan.effects, hints: plan.hints, value: valueOf(plan.req) });
}
