// 组织关系变动: the statements behind a secretary's transfer, death, departure, suspension and
// restoration. A change is applied in the handler's one transaction: the memberships, every
// open item of the member in that branch (closed with the reason, or handed to the receiving
// branch), the person's own facts, and the change row itself, whose `effects` keeps each row's
// earlier values so a reversal restores exactly those. Money is never touched: fund entries keep
// the branch they were paid in, so both ledgers still reconcile after a transfer.
//
// Prisma's model API throughout: a change touches tens of rows by key, once, on a click; the
// statements are many but each is small, and typed code is worth more here than a round trip.
import { sealer } from "./sealing.ts";
import { dateToDay, dayToDate, type Day } from "../domain/calendar-day.ts";
import {
  effectsSchema,
  membershipsAfter,
  NO_EFFECTS,
  pairingLastDay,
  readRosterSettings,
  type ChangeKind,
  type Effects,
  type ItemCounts,
  type RosterSettings,
} from "../domain/membership-change.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Logger } from "../log.ts";
import type { Tx } from "./tx.ts";
import { CONDOLENCE_VISIT } from "../domain/visit-events.ts";

// ───────────────────────────── Who the change is about ─────────────────────────────

export interface SubjectRole {
  id: number;
  role: Role;
  status: "ACTIVE" | "SUSPENDED" | "ENDED";
  since: Day | null;
}

/** A person as a change in one branch needs them: their facts, and their roles there in any status. */
export interface ChangeSubject {
  id: number;
  name: string;
  mobile: string | null;
  openId: string | null;
  joinedPartyOn: Day | null;
  birthDate: Day | null;
  deceasedOn: Day | null;
  responsibleLeaderId: number | null;
  orgId: number;
  orgName: string;
  roles: SubjectRole[];
}

export type SubjectLookup = { ok: true; subject: ChangeSubject } | { ok: false; why: "none" | "many"; candidates: { name: string; mobileTail: string | null }[] };

const personSelect = { id: true, name: true, mobile: true, larkOpenId: true, joinedPartyOn: true, birthDate: true, deceasedOn: true, responsibleLeaderId: true } as const;
type PersonRaw = Prisma.PersonGetPayload<{ select: typeof personSelect }>;
type RoleRaw = { id: number; orgId: number; role: Role; status: SubjectRole["status"]; since: Date | null; org: { name: string } };

function toSubject(p: PersonRaw, orgId: number, roles: RoleRaw[]): ChangeSubject {
  const here = roles.filter((r) => r.orgId === orgId);
  return {
    id: p.id,
    name: p.name,
    mobile: p.mobile,
    openId: p.larkOpenId,
    joinedPartyOn: p.joinedPartyOn ? dateToDay(p.joinedPartyOn) : null,
    birthDate: p.birthDate ? dateToDay(p.birthDate) : null,
    deceasedOn: p.deceasedOn ? dateToDay(p.deceasedOn) : null,
    responsibleLeaderId: p.responsibleLeaderId,
    orgId,
    orgName: here[0]?.org.name ?? "",
    roles: here.map((r) => ({ id: r.id, role: r.role, status: r.status, since: r.since ? dateToDay(r.since) : null })),
  };
}

const STANDING_RANK = { ACTIVE: 0, SUSPENDED: 1, ENDED: 2 } as const;

/**
 * The person a secretary names ("张三", "张三#1234", "13800001111") among everyone who holds or
 * held a role in these branches, in any status: a suspended member is restored and a departed
 * one's change undone by the same words. A person in two of the branches is taken where they
 * stand best (active, then suspended).
 */
export async function subjectNamed(tx: Tx, text: string, orgIds: readonly number[]): Promise<SubjectLookup> {
  const q = text.trim();
  const [namePart = "", tail] = q.split(/[#＃]/);
  const byMobile = /^\+?\d{6,15}$/.test(q);
  const people = await tx.person.findMany({
    where: {
      ...(byMobile ? { mobile: { endsWith: q.replace(/^\+?86/, "") } } : { name: namePart.trim() }),
      memberships: { some: { orgId: { in: [...orgIds] } } },
    },
    select: { ...personSelect, memberships: { where: { orgId: { in: [...orgIds] } }, select: { id: true, orgId: true, role: true, status: true, since: true, org: { select: { name: true } } }, orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
    take: 20,
  });
  const found = people.filter((p) => !tail || (p.mobile ?? "").endsWith(tail.trim()));
  if (found.length !== 1) return { ok: false, why: found.length === 0 ? "none" : "many", candidates: found.map((p) => ({ name: p.name, mobileTail: p.mobile ? p.mobile.slice(-4) : null })) };
  const p = found[0]!;
  const best = [...p.memberships].sort((a, b) => STANDING_RANK[a.status] - STANDING_RANK[b.status] || a.orgId - b.orgId)[0]!;
  return { ok: true, subject: toSubject(p, best.orgId, p.memberships) };
}

/** The person with their roles in this branch (any status); null when they never held one there. */
export async function subjectIn(tx: Tx, personId: number, orgId: number): Promise<ChangeSubject | null> {
  const p = await tx.person.findUnique({
    where: { id: personId },
    select: { ...personSelect, memberships: { where: { orgId }, select: { id: true, orgId: true, role: true, status: true, since: true, org: { select: { name: true } } }, orderBy: { id: "asc" } } },
  });
  if (!p || p.memberships.length === 0) return null;
  return toSubject(p, orgId, p.memberships);
}

/** Someone with this mobile, for a transfer in: who they are and where they are still active. */
export async function personWithMobile(tx: Tx, mobile: string): Promise<{ id: number; name: string; deceasedOn: Day | null; activeIn: { orgId: number; orgName: string }[] } | null> {
  const p = await tx.person.findUnique({
    where: { mobile },
    select: { id: true, name: true, deceasedOn: true, memberships: { where: { status: { in: ["ACTIVE", "SUSPENDED"] } }, select: { orgId: true, org: { select: { name: true } } } } },
  });
  if (!p) return null;
  const activeIn = [...new Map(p.memberships.map((m) => [m.orgId, { orgId: m.orgId, orgName: m.org.name }])).values()];
  return { id: p.id, name: p.name, deceasedOn: p.deceasedOn ? dateToDay(p.deceasedOn) : null, activeIn };
}

/** 党支部 whose name or code is exactly `text` (a transfer goes to a branch, where members are kept). */
export async function branchesNamed(tx: Tx, text: string): Promise<{ id: number; name: string; code: string }[]> {
  const q = text.trim();
  return tx.organization.findMany({ where: { kind: "BRANCH", OR: [{ name: q }, { code: q }] }, select: { id: true, name: true, code: true }, orderBy: { id: "asc" } });
}

/** The branch's roster settings (undo period, condolence visits), with the defaults; a malformed section is logged. */
export async function rosterSettingsOf(tx: Tx, orgId: number, log?: Logger): Promise<RosterSettings> {
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { settings: true } });
  const { settings, problem } = readRosterSettings(org?.settings);
  if (problem) log?.warn({ orgId, problem }, "roster settings do not parse; using the defaults");
  return settings;
}

/** Whether the person holds an ACTIVE role of these kinds in the branch (a leader who still answers for talks there). */
export async function activeIn(tx: Tx, personId: number, orgId: number, roles?: readonly Role[]): Promise<boolean> {
  return (await tx.membership.count({ where: { personId, orgId, status: "ACTIVE", ...(roles ? { role: { in: [...roles] } } : {}) } })) > 0;
}

// ───────────────────────────── What the member has open ─────────────────────────────

// One definition of "the member's open items in the branch", for the confirmation card's counts
// and for the change itself, so the card shows exactly what the click will touch.
const where = {
  talks: (p: number, o: number) => ({ memberId: p, orgId: o }),
  talkTasks: (p: number, o: number) => ({ memberId: p, orgId: o, status: "OPEN" as const }),
  followUps: (p: number, o: number) => ({ status: "OPEN" as const, talk: { memberId: p, orgId: o } }),
  visitTasks: (p: number, o: number) => ({ memberId: p, orgId: o, status: "OPEN" as const }),
  hardship: (p: number, o: number) => ({ personId: p, orgId: o, status: "ACTIVE" as const }),
  pairings: (p: number, o: number, day: Day) => ({ memberId: p, orgId: o, OR: [{ endOn: null }, { endOn: { gte: dayToDate(day) } }] }),
  employment: (p: number, o: number) => ({ personId: p, orgId: o, status: "OPEN" as const }),
  training: (p: number, o: number) => ({ personId: p, orgId: o, status: { in: ["PENDING" as const, "NEEDS_INFO" as const] } }),
  aid: (p: number, o: number) => ({ personId: p, orgId: o, status: { in: ["PENDING" as const, "NEEDS_INFO" as const] } }),
};

/** How many of each item the member has in the branch (talks: all of them; the rest: open ones). */
export async function openItems(tx: Tx, personId: number, orgId: number, effectiveOn: Day): Promise<ItemCounts> {
  const [talks, talkTasks, followUps, visitTasks, hardship, pairings, employment, training, aid] = await Promise.all([
    tx.talk.count({ where: where.talks(personId, orgId) }),
    tx.talkTask.count({ where: where.talkTasks(personId, orgId) }),
    tx.followUp.count({ where: where.followUps(personId, orgId) }),
    tx.visitTask.count({ where: where.visitTasks(personId, orgId) }),
    tx.hardshipEntry.count({ where: where.hardship(personId, orgId) }),
    tx.pairing.count({ where: where.pairings(personId, orgId, effectiveOn) }),
    tx.employmentCase.count({ where: where.employment(personId, orgId) }),
    tx.trainingApplication.count({ where: where.training(personId, orgId) }),
    tx.aidRequest.count({ where: where.aid(personId, orgId) }),
  ]);
  return { talks, talkTasks, followUps, visitTasks, hardship, pairings, employment, training, aid };
}

/** What the member carries for others in the branch: members they answer for in talks, open visits they are to make. */
export async function dutiesOf(tx: Tx, personId: number, orgId: number): Promise<{ talkMembers: number; visitsToMake: number }> {
  const [talkMembers, visitsToMake] = await Promise.all([
    tx.person.count({ where: { responsibleLeaderId: personId, memberships: { some: { orgId, status: "ACTIVE" } } } }),
    tx.visitTask.count({ where: { visitorId: personId, orgId, status: "OPEN" } }),
  ]);
  return { talkMembers, visitsToMake };
}

// ───────────────────────────── Change rows ─────────────────────────────

export interface ChangeRow {
  id: number;
  personId: number;
  personName: string;
  orgId: number;
  orgName: string;
  kind: ChangeKind;
  effectiveOn: Day;
  otherOrgId: number | null;
  otherOrgName: string | null;
  note: string | null;
  effects: Effects;
  status: "APPLIED" | "REVERTED";
  recordedById: number;
  recordedAt: Date;
  revertedAt: Date | null;
}

async function toChangeRows(tx: Tx, rows: Prisma.MembershipChangeGetPayload<object>[]): Promise<ChangeRow[]> {
  if (rows.length === 0) return [];
  const [people, orgs] = await Promise.all([
    tx.person.findMany({ where: { id: { in: rows.map((r) => r.personId) } }, select: { id: true, name: true } }),
    tx.organization.findMany({ where: { id: { in: rows.flatMap((r) => [r.orgId, ...(r.otherOrgId ? [r.otherOrgId] : [])]) } }, select: { id: true, name: true } }),
  ]);
  const pName = new Map(people.map((p) => [p.id, p.name]));
  const oName = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => {
    const e = effectsSchema.safeParse(r.effects);
    return {
      id: r.id,
      personId: r.personId,
      personName: pName.get(r.personId) ?? "",
      orgId: r.orgId,
      orgName: oName.get(r.orgId) ?? "",
      kind: r.kind,
      effectiveOn: dateToDay(r.effectiveOn),
      otherOrgId: r.otherOrgId,
      otherOrgName: r.otherOrgId ? (oName.get(r.otherOrgId) ?? r.otherOrgName) : r.otherOrgName,
      note: sealer(tx).open("MembershipChange.note", r.note),
      // Written by applyChange in the same shape; a row that does not parse restores nothing rather than guessing.
      effects: e.success ? e.data : NO_EFFECTS,
      status: r.status,
      recordedById: r.recordedById,
      recordedAt: r.recordedAt,
      revertedAt: r.revertedAt,
    };
  });
}

export async function findChange(tx: Tx, id: number): Promise<ChangeRow | null> {
  const r = await tx.membershipChange.findUnique({ where: { id } });
  return r ? ((await toChangeRows(tx, [r]))[0] ?? null) : null;
}

/** The person's most recent change still applied in one of these branches, else their most recent undone one, else null. */
export async function latestChangeIn(tx: Tx, personId: number, orgIds: readonly number[]): Promise<ChangeRow | null> {
  const r = await tx.membershipChange.findFirst({ where: { personId, orgId: { in: [...orgIds] } }, orderBy: [{ status: "asc" }, { id: "desc" }] });
  return r ? ((await toChangeRows(tx, [r]))[0] ?? null) : null;
}

/** The effective day of the person's latest change still applied, anywhere (a new change cannot be dated before it). */
export async function lastAppliedOn(tx: Tx, personId: number): Promise<Day | null> {
  const r = await tx.membershipChange.findFirst({ where: { personId, status: "APPLIED" }, orderBy: { id: "desc" }, select: { effectiveOn: true } });
  return r ? dateToDay(r.effectiveOn) : null;
}

/** Whether a change of the same person recorded after this one is still applied. */
export async function laterApplied(tx: Tx, change: Pick<ChangeRow, "id" | "personId">): Promise<boolean> {
  return (await tx.membershipChange.count({ where: { personId: change.personId, status: "APPLIED", id: { gt: change.id } } })) > 0;
}

// ───────────────────────────── Applying a change ─────────────────────────────

export interface ChangeInput {
  kind: ChangeKind;
  /** Null only for a transfer in of someone the system does not know: `newPerson` is created. */
  personId: number | null;
  newPerson?: { name: string; mobile: string };
  orgId: number;
  effectiveOn: Day;
  otherOrgId: number | null;
  otherOrgName: string | null;
  note: string | null;
  /** Written on every item closed (closedReason, outcome, decisionNote). */
  reason: string;
  byId: number;
  at: Date;
  /** A transfer inside the system: who visits the moved open visits when their visitor has no role in the receiving branch. */
  receivingVisitorId: number | null;
  /** A death, where the branch wants it: the condolence visit to open. */
  condolence: { visitorId: number; dueOn: Day; reason: string } | null;
}

export type Applied = { ok: true; changeId: number; personId: number; effects: Effects } | { ok: false; why: "standing_changed" };

/**
 * Applies the change in the caller's transaction and returns what it did. `standing_changed`
 * when the member's memberships were no longer as the confirmation card saw them (a second
 * 确认, another secretary first): the caller throws, so the transaction rolls back whole.
 */
export async function applyChange(tx: Tx, c: ChangeInput): Promise<Applied> {
  const e: Effects = structuredClone(NO_EFFECTS);
  let personId = c.personId;
  if (personId === null) {
    if (!c.newPerson) throw new Error("a change without a person needs newPerson");
    personId = (await tx.person.create({ data: { name: c.newPerson.name, mobile: c.newPerson.mobile }, select: { id: true } })).id;
    e.createdPersonId = personId;
  }
  const change = await tx.membershipChange.create({
    data: { personId, orgId: c.orgId, kind: c.kind, effectiveOn: dayToDate(c.effectiveOn), otherOrgId: c.otherOrgId, otherOrgName: c.otherOrgName, note: sealer(tx).seal("MembershipChange.note", c.note), recordedById: c.byId, recordedAt: c.at },
    select: { id: true },
  });
  const id = change.id;

  if (c.kind === "TRANSFER_IN") {
    await joinBranch(tx, e, personId, c.orgId, c.effectiveOn);
  } else if (!(await changeMemberships(tx, e, id, personId, c))) {
    return { ok: false, why: "standing_changed" };
  }

  const inSystem = c.kind === "TRANSFER_OUT" && c.otherOrgId !== null;
  if (c.kind !== "RESTORED" && c.kind !== "TRANSFER_IN") {
    await closeItems(tx, e, personId, c, inSystem);
    if (inSystem) await moveItems(tx, e, id, personId, c, c.otherOrgId!);
  }
  if (inSystem) {
    await joinBranch(tx, e, personId, c.otherOrgId!, c.effectiveOn);
    await leaveLeaderBehind(tx, e, personId, c.otherOrgId!);
  }
  if (c.kind === "DEATH") {
    const p = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { deceasedOn: true, responsibleLeaderId: true } });
    e.person = { deceasedOn: p.deceasedOn ? dateToDay(p.deceasedOn) : null, responsibleLeaderId: p.responsibleLeaderId };
    await tx.person.update({ where: { id: personId }, data: { deceasedOn: dayToDate(c.effectiveOn) } });
    if (c.condolence) {
      const v = await tx.visitTask.create({
        data: { orgId: c.orgId, memberId: personId, visitorId: c.condolence.visitorId, eventKind: CONDOLENCE_VISIT, reason: c.condolence.reason, dueOn: dayToDate(c.condolence.dueOn), createdById: c.byId, createdAt: c.at },
        select: { id: true },
      });
      e.condolenceVisitId = v.id;
    }
  }
  await tx.membershipChange.update({ where: { id }, data: { effects: e as unknown as Prisma.InputJsonValue } });
  return { ok: true, changeId: id, personId, effects: e };
}

/** The member's roles in the branch become ENDED / SUSPENDED (or ACTIVE again); false when none was in the expected status. */
async function changeMemberships(tx: Tx, e: Effects, changeId: number, personId: number, c: ChangeInput): Promise<boolean> {
  const { from, to } = membershipsAfter(c.kind);
  const rows = await tx.membership.findMany({ where: { personId, orgId: c.orgId, status: { in: [...from] } }, select: { id: true, status: true, since: true, endedOn: true, changeId: true }, orderBy: { id: "asc" } });
  if (rows.length === 0) return false;
  const n = await tx.membership.updateMany({
    where: { id: { in: rows.map((r) => r.id) }, status: { in: [...from] } },
    data: to === "ACTIVE" ? { status: "ACTIVE", endedOn: null, changeId: null } : { status: to, endedOn: dayToDate(c.effectiveOn), changeId },
  });
  if (n.count !== rows.length) return false;
  e.memberships.push(...rows.map((r) => ({ id: r.id, status: r.status, since: r.since ? dateToDay(r.since) : null, endedOn: r.endedOn ? dateToDay(r.endedOn) : null, changeId: r.changeId })));
  return true;
}

/** An ACTIVE member role in the branch from `since`: a new row, or the person's earlier row there brought back. */
async function joinBranch(tx: Tx, e: Effects, personId: number, orgId: number, since: Day): Promise<void> {
  const old = await tx.membership.findUnique({ where: { personId_orgId_role: { personId, orgId, role: "MEMBER" } }, select: { id: true, status: true, since: true, endedOn: true, changeId: true } });
  if (old) {
    e.memberships.push({ id: old.id, status: old.status, since: old.since ? dateToDay(old.since) : null, endedOn: old.endedOn ? dateToDay(old.endedOn) : null, changeId: old.changeId });
    await tx.membership.update({ where: { id: old.id }, data: { status: "ACTIVE", since: dayToDate(since), endedOn: null, changeId: null } });
    return;
  }
  const m = await tx.membership.create({ data: { personId, orgId, role: "MEMBER", since: dayToDate(since) }, select: { id: true } });
  e.createdMemberships.push(m.id);
}

/** A responsible leader who holds no leading role in the receiving branch stays behind: that branch names its own (分配谈心). */
async function leaveLeaderBehind(tx: Tx, e: Effects, personId: number, toOrgId: number): Promise<void> {
  const p = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { deceasedOn: true, responsibleLeaderId: true } });
  if (p.responsibleLeaderId === null || (await activeIn(tx, p.responsibleLeaderId, toOrgId, ["LEADER", "SECRETARY"]))) return;
  e.person = { deceasedOn: p.deceasedOn ? dateToDay(p.deceasedOn) : null, responsibleLeaderId: p.responsibleLeaderId };
  await tx.person.update({ where: { id: personId }, data: { responsibleLeaderId: null } });
}

async function closeItems(tx: Tx, e: Effects, personId: number, c: ChangeInput, inSystem: boolean): Promise<void> {
  const o = c.orgId;
  const reason = c.reason;
  const tt = await tx.talkTask.findMany({ where: where.talkTasks(personId, o), select: { id: true, status: true, closedReason: true } });
  if (tt.length > 0) await tx.talkTask.updateMany({ where: { id: { in: tt.map((r) => r.id) } }, data: { status: "CANCELLED", closedReason: reason } });
  e.talkTasks = tt;
  const fu = await tx.followUp.findMany({ where: where.followUps(personId, o), select: { id: true, status: true, closedReason: true } });
  if (fu.length > 0) await tx.followUp.updateMany({ where: { id: { in: fu.map((r) => r.id) } }, data: { status: "CANCELLED", closedReason: reason } });
  e.followUps = fu;
  const emp = await tx.employmentCase.findMany({ where: where.employment(personId, o), select: { id: true, status: true, outcome: true } });
  if (emp.length > 0) await tx.employmentCase.updateMany({ where: { id: { in: emp.map((r) => r.id) } }, data: { status: "CLOSED", outcome: reason } });
  e.employment = emp;
  // The closing reason goes where a decider's note would: sealed for that column, as any note there.
  const decided = (column: string) => ({ status: "CANCELLED" as const, decisionNote: sealer(tx).seal(column, reason), decidedById: c.byId, decidedAt: c.at });
  const tr = await tx.trainingApplication.findMany({ where: where.training(personId, o), select: { id: true, status: true, decisionNote: true, decidedById: true, decidedAt: true } });
  if (tr.length > 0) await tx.trainingApplication.updateMany({ where: { id: { in: tr.map((r) => r.id) } }, data: decided("TrainingApplication.decisionNote") });
  e.training = tr.map((r) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null }));
  const aid = await tx.aidRequest.findMany({ where: where.aid(personId, o), select: { id: true, status: true, decisionNote: true, decidedById: true, decidedAt: true } });
  if (aid.length > 0) await tx.aidRequest.updateMany({ where: { id: { in: aid.map((r) => r.id) } }, data: decided("AidRequest.decisionNote") });
  e.aid = aid.map((r) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null }));
  if (inSystem) return; // visits, the hardship entry and pairings go with the member (moveItems)
  const vt = await tx.visitTask.findMany({ where: where.visitTasks(personId, o), select: { id: true, status: true, closedReason: true } });
  if (vt.length > 0) await tx.visitTask.updateMany({ where: { id: { in: vt.map((r) => r.id) } }, data: { status: "CANCELLED", closedReason: reason } });
  e.visitTasks = vt;
  for (const h of await tx.hardshipEntry.findMany({ where: where.hardship(personId, o), select: { id: true, status: true, resolvedReason: true, resolvedAt: true } })) {
    await tx.hardshipEntry.update({ where: { id: h.id }, data: { status: "RESOLVED", resolvedReason: reason, resolvedAt: c.at } });
    const line = await tx.hardshipHistory.create({ data: { entryId: h.id, at: c.at, actorId: c.byId, action: "RESOLVED", changes: { reason } }, select: { id: true } });
    e.hardship.push({ id: h.id, status: h.status, resolvedReason: h.resolvedReason, resolvedAt: h.resolvedAt?.toISOString() ?? null, historyId: line.id });
  }
  for (const p of await tx.pairing.findMany({ where: where.pairings(personId, o, c.effectiveOn), select: { id: true, startOn: true, endOn: true, endedReason: true } })) {
    await tx.pairing.update({ where: { id: p.id }, data: { endOn: dayToDate(pairingLastDay(dateToDay(p.startOn), c.effectiveOn)), endedReason: reason } });
    e.pairings.push({ id: p.id, endOn: p.endOn ? dateToDay(p.endOn) : null, endedReason: p.endedReason });
  }
}

/** A transfer inside the system: talk history, the hardship entry, open visits and pairings go to the receiving branch. */
async function moveItems(tx: Tx, e: Effects, changeId: number, personId: number, c: ChangeInput, toOrgId: number): Promise<void> {
  const o = c.orgId;
  const talks = await tx.talk.findMany({ where: where.talks(personId, o), select: { id: true, orgId: true } });
  if (talks.length > 0) await tx.talk.updateMany({ where: { id: { in: talks.map((t) => t.id) } }, data: { orgId: toOrgId } });
  e.movedTalks = talks;
  for (const h of await tx.hardshipEntry.findMany({ where: where.hardship(personId, o), select: { id: true, orgId: true } })) {
    await tx.hardshipEntry.update({ where: { id: h.id }, data: { orgId: toOrgId } });
    const line = await tx.hardshipHistory.create({ data: { entryId: h.id, at: c.at, actorId: c.byId, action: "UPDATED", changes: { orgId: [o, toOrgId], change: changeId } }, select: { id: true } });
    e.movedHardship.push({ ...h, historyId: line.id });
  }
  for (const v of await tx.visitTask.findMany({ where: where.visitTasks(personId, o), select: { id: true, orgId: true, visitorId: true } })) {
    // The old branch's visitor does not follow the member: the receiving branch's secretary takes the visit (and may hand it on: 走访改派).
    const keep = c.receivingVisitorId === null || (await activeIn(tx, v.visitorId, toOrgId));
    await tx.visitTask.update({ where: { id: v.id }, data: { orgId: toOrgId, ...(keep ? {} : { visitorId: c.receivingVisitorId! }) } });
    e.movedVisitTasks.push(v);
  }
  const pairings = await tx.pairing.findMany({ where: where.pairings(personId, o, c.effectiveOn), select: { id: true, orgId: true } });
  if (pairings.length > 0) await tx.pairing.updateMany({ where: { id: { in: pairings.map((p) => p.id) } }, data: { orgId: toOrgId } });
  e.movedPairings = pairings;
}

// ───────────────────────────── Undoing a change ─────────────────────────────

export type Reverted = { ok: true; notRestored: number } | { ok: false; why: "not_applied" };

/**
 * Puts every row the change touched back as it was, in the caller's transaction. Items closed by
 * the change are reopened only while still closed as the change left them; an employment case or
 * hardship entry is not reopened where a newer one is open (one open per person), and is counted
 * in `notRestored` so the card can say so.
 */
export async function revertChange(tx: Tx, c: ChangeRow, d: { byId: number; at: Date }): Promise<Reverted> {
  const mark = await tx.membershipChange.updateMany({ where: { id: c.id, status: "APPLIED" }, data: { status: "REVERTED", revertedById: d.byId, revertedAt: d.at } });
  if (mark.count === 0) return { ok: false, why: "not_applied" };
  const e = c.effects;
  let notRestored = 0;
  for (const m of e.memberships) {
    await tx.membership.update({ where: { id: m.id }, data: { status: m.status, since: m.since ? dayToDate(m.since) : null, endedOn: m.endedOn ? dayToDate(m.endedOn) : null, changeId: m.changeId } });
  }
  if (e.createdMemberships.length > 0) await tx.membership.deleteMany({ where: { id: { in: e.createdMemberships } } });
  if (e.person) {
    await tx.person.update({ where: { id: c.personId }, data: { deceasedOn: e.person.deceasedOn ? dayToDate(e.person.deceasedOn) : null, responsibleLeaderId: e.person.responsibleLeaderId } });
  }
  for (const t of e.talkTasks) await tx.talkTask.updateMany({ where: { id: t.id, status: "CANCELLED" }, data: { status: t.status, closedReason: t.closedReason } });
  for (const f of e.followUps) await tx.followUp.updateMany({ where: { id: f.id, status: "CANCELLED" }, data: { status: f.status, closedReason: f.closedReason } });
  for (const v of e.visitTasks) await tx.visitTask.updateMany({ where: { id: v.id, status: "CANCELLED" }, data: { status: v.status, closedReason: v.closedReason } });
  for (const h of e.hardship) {
    const entry = await tx.hardshipEntry.findUnique({ where: { id: h.id }, select: { personId: true } });
    const newer = entry ? await tx.hardshipEntry.count({ where: { personId: entry.personId, status: "ACTIVE", id: { not: h.id } } }) : 1;
    if (newer > 0) {
      notRestored++;
      continue;
    }
    await tx.hardshipEntry.update({ where: { id: h.id }, data: { status: h.status, resolvedReason: h.resolvedReason, resolvedAt: h.resolvedAt ? new Date(h.resolvedAt) : null } });
    await tx.hardshipHistory.deleteMany({ where: { id: h.historyId } });
  }
  for (const p of e.pairings) await tx.pairing.update({ where: { id: p.id }, data: { endOn: p.endOn ? dayToDate(p.endOn) : null, endedReason: p.endedReason } });
  for (const k of e.employment) {
    if (k.status === "OPEN" && (await tx.employmentCase.count({ where: { personId: c.personId, status: "OPEN" } })) > 0) {
      notRestored++;
      continue;
    }
    await tx.employmentCase.updateMany({ where: { id: k.id, status: "CLOSED" }, data: { status: k.status, outcome: k.outcome } });
  }
  for (const a of e.training) {
    await tx.trainingApplication.updateMany({ where: { id: a.id, status: "CANCELLED" }, data: { status: a.status as "PENDING" | "NEEDS_INFO", decisionNote: a.decisionNote, decidedById: a.decidedById, decidedAt: a.decidedAt ? new Date(a.decidedAt) : null } });
  }
  for (const a of e.aid) {
    await tx.aidRequest.updateMany({ where: { id: a.id, status: "CANCELLED" }, data: { status: a.status as "PENDING" | "NEEDS_INFO", decisionNote: a.decisionNote, decidedById: a.decidedById, decidedAt: a.decidedAt ? new Date(a.decidedAt) : null } });
  }
  for (const t of e.movedTalks) await tx.talk.update({ where: { id: t.id }, data: { orgId: t.orgId } });
  for (const h of e.movedHardship) {
    await tx.hardshipEntry.update({ where: { id: h.id }, data: { orgId: h.orgId } });
    await tx.hardshipHistory.deleteMany({ where: { id: h.historyId } });
  }
  for (const v of e.movedVisitTasks) await tx.visitTask.update({ where: { id: v.id }, data: { orgId: v.orgId, visitorId: v.visitorId } });
  for (const p of e.movedPairings) await tx.pairing.update({ where: { id: p.id }, data: { orgId: p.orgId } });
  if (e.condolenceVisitId !== null) {
    // A visit already made stays on record; one still open is withdrawn with the death.
    await tx.visitTask.updateMany({ where: { id: e.condolenceVisitId, status: "OPEN" }, data: { status: "CANCELLED", closedReason: "去世登记已撤销" } });
  }
  return { ok: true, notRestored };
}
