// Writes a resolved plan through the store bound to the import's transaction: organisations,
// then people and their roles, then 联系领导 (which may point at people created in the same
// run). Only real differences are written, so importing the same file again changes nothing,
// and every difference is recorded in AuditLog as {field: [before, after]}.
import type { Prisma } from "../generated/prisma/client.ts";
import type { PersonTag } from "../generated/prisma/enums.ts";
import type { RoleRemoval } from "../domain/roster-review.ts";
import { dateToDay } from "../domain/calendar-day.ts";
import type { AuditEntry } from "../store/audit.ts";
import type { RosterPerson } from "../store/roster.ts";
import type { Plan, PlannedOrg, PlannedPerson, RosterStore } from "./plan.ts";
import type { PersonRow } from "./rows.ts";
import type { RosterProblem } from "./problems.ts";
import { writeHistory } from "./write-history.ts";
import { writeRoles } from "./write-roles.ts";

export const AUDIT_ACTION = "roster.import";

export interface Actor {
  readonly id: number | null;
  readonly openId: string | null;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface WriteResult {
  readonly organizations: Counts;
  readonly people: Counts;
  /** Person id of each imported line, for Lark binding and the report. */
  readonly personIdByLine: ReadonlyMap<number, number>;
  /** Roles the file no longer gives: proposed to the secretary, not removed (review.ts). */
  readonly roleRemovals: RoleRemoval[];
  /** Warnings found while writing (a role brought back, an archive entry kept as it was). */
  readonly notices: RosterProblem[];
}

/** When and what: the import's day (the roster's calendar), its file and its clock. */
export interface WriteContext {
  readonly actor: Actor;
  readonly today: string;
  readonly file: string;
  readonly at: Date;
}

type Json = Prisma.InputJsonValue | null;
type Changes = Record<string, [Json, Json]>;

const TAG_ORDER: readonly PersonTag[] = ["OLD_MEMBER", "OLD_CADRE", "OLD_MODEL", "MOBILE", "VETERAN"];
/** Tags are a set: kept in one order so a reordered cell is not a change. */
const sortTags = (tags: readonly PersonTag[]) => [...tags].sort((a, b) => TAG_ORDER.indexOf(a) - TAG_ORDER.indexOf(b));
const dateOf = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
const isoOf = (d: Date | null) => (d === null ? null : dateToDay(d));

export async function writePlan(store: RosterStore, plan: Plan, w: WriteContext): Promise<WriteResult> {
  const { actor } = w;
  const audits: AuditEntry[] = [];
  const audit = (subjectType: "Person" | "Organization", subjectId: number, orgId: number, changes: Changes) =>
    audits.push({ actorId: actor.id, actorOpenId: actor.openId, action: AUDIT_ACTION, subjectType, subjectId: String(subjectId), orgId, ...(subjectType === "Person" ? { subjectPersonId: subjectId } : {}), changes });

  const organizations = await writeOrgs(store, plan.orgs, audit);
  const orgIdByCode = await store.roster.orgIdsByCode();
  const people = await writePeople(store, plan.people, orgIdByCode, audit, w);
  await store.audit.auditAll(audits);
  return { organizations, people: people.counts, personIdByLine: people.idByLine, roleRemovals: people.roleRemovals, notices: people.notices };
}

type Audit = (subjectType: "Person" | "Organization", subjectId: number, orgId: number, changes: Changes) => void;

async function writeOrgs(store: RosterStore, orgs: readonly PlannedOrg[], audit: Audit): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const idByCode = new Map<string, number>();
  const idOf = async (code: string | null): Promise<number | null> => {
    if (code === null) return null;
    const known = idByCode.get(code);
    if (known !== undefined) return known;
    // Not in the plan, so resolve.ts found it in the store.
    const found = await store.orgs.orgByCode(code);
    if (!found) throw new Error(`organisation ${code} vanished during the roster import`);
    idByCode.set(code, found.id);
    return found.id;
  };
  // Parents come first (resolve.ts orders them), so a parent's id exists when a child needs it.
  for (const o of orgs) {
    const parentId = await idOf(o.parentCode);
    const current = await store.orgs.orgByCode(o.code);
    if (!current) {
      const id = await store.roster.createOrg({ code: o.code, name: o.name, kind: o.kind, parentId });
      idByCode.set(o.code, id);
      audit("Organization", id, id, { code: [null, o.code], name: [null, o.name], kind: [null, o.kind], parentId: [null, parentId] });
      counts.created++;
      continue;
    }
    idByCode.set(o.code, current.id);
    const changes: Changes = {};
    if (current.name !== o.name) changes.name = [current.name, o.name];
    if (current.kind !== o.kind) changes.kind = [current.kind, o.kind];
    if (current.parentId !== parentId) changes.parentId = [current.parentId, parentId];
    if (Object.keys(changes).length === 0) {
      counts.unchanged++;
      continue;
    }
    await store.roster.updateOrg(current.id, { name: o.name, kind: o.kind, parentId });
    audit("Organization", current.id, current.id, changes);
    counts.updated++;
  }
  return counts;
}

async function writePeople(
  store: RosterStore,
  people: readonly PlannedPerson[],
  orgIdByCode: ReadonlyMap<string, number>,
  audit: Audit,
  w: WriteContext,
): Promise<{ counts: Counts; idByLine: Map<number, number>; roleRemovals: RoleRemoval[]; notices: RosterProblem[] }> {
  // Few round trips whatever the roster's size: people, roles and leaders are each read and
  // written in bulk; only people whose own fields changed get an UPDATE of their own.
  const existingIds = people.flatMap((p) => (p.existing ? [p.existing.id] : []));
  const current = await store.roster.peopleByIds(existingIds);
  const idByLine = new Map<number, number>();
  const changesByLine = new Map<number, Changes>();

  const fresh = people.filter((p) => !p.existing || !current.has(p.existing.id));
  for (const { row, id } of await createPeople(store, fresh)) {
    idByLine.set(row.line, id);
    const changes: Changes = {};
    for (const [k, v] of Object.entries(wanted(row))) if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) changes[k] = [null, v];
    changesByLine.set(row.line, changes);
  }
  for (const { row, existing } of people) {
    const before = existing ? current.get(existing.id) : undefined;
    if (!before) continue;
    idByLine.set(row.line, before.id);
    changesByLine.set(row.line, await updatePerson(store, before, row));
  }

  const roles = await writeRoles(store, people, { byLine: idByLine, orgByCode: orgIdByCode, current }, changesByLine, w.today);

  // 联系领导 last: the leader may be a person created a few rows below. One UPDATE per leader.
  const byLeader = new Map<number | null, number[]>();
  for (const { row, leader } of people) {
    if (leader === undefined) continue;
    const id = idByLine.get(row.line)!;
    const want = leader === null ? null : "line" in leader ? idByLine.get(leader.line)! : leader.personId;
    const was = current.get(id)?.responsibleLeaderId ?? null;
    if (want === was) continue;
    byLeader.set(want, [...(byLeader.get(want) ?? []), id]);
    changesByLine.get(row.line)!.responsibleLeaderId = [was, want];
  }
  for (const [leaderId, ids] of byLeader) await store.roster.setLeaderOf(ids, leaderId);

  // History after 联系领导: an imported talk may name a leader created a few rows below.
  const kept = await writeHistory(store, people, { idByLine, orgIdByCode, actorId: w.actor.id, today: w.today, file: w.file, at: w.at }, changesByLine);

  const counts: Counts = { created: fresh.length, updated: 0, unchanged: 0 };
  for (const { row } of people) {
    const changes = changesByLine.get(row.line)!;
    const id = idByLine.get(row.line)!;
    if (current.has(id)) {
      if (Object.keys(changes).length > 0) counts.updated++;
      else counts.unchanged++;
    }
    if (Object.keys(changes).length > 0) audit("Person", id, orgIdByCode.get(row.orgCode)!, changes);
  }
  return { counts, idByLine, roleRemovals: roles.removals, notices: [...roles.notices, ...kept] };
}

/** The stored values a row asks for; undefined means "the file does not say", so the store keeps its own. */
function wanted(row: PersonRow) {
  return {
    name: row.name,
    mobile: row.mobile ?? undefined,
    email: row.email ?? undefined,
    birthDate: row.birthDate,
    joinedPartyOn: row.joinedPartyOn,
    tags: row.tags ? sortTags(row.tags) : undefined,
    whereabouts: row.whereabouts,
  };
}

/** One INSERT for all new people; rows are told apart by their mobile, else e-mail (both unique). */
async function createPeople(store: RosterStore, fresh: readonly PlannedPerson[]): Promise<{ row: PersonRow; id: number }[]> {
  const made = await store.roster.createPeople(
    fresh.map(({ row }) => {
      const w = wanted(row);
      return {
        name: w.name,
        mobile: w.mobile ?? null,
        email: w.email ?? null,
        birthDate: dateOf(w.birthDate ?? null),
        joinedPartyOn: dateOf(w.joinedPartyOn ?? null),
        tags: w.tags ?? [],
        whereabouts: w.whereabouts ?? null,
      };
    }),
  );
  const key = (mobile: string | null, email: string | null) => (mobile ? `m:${mobile}` : `e:${email}`);
  const idByKey = new Map(made.map((p) => [key(p.mobile, p.email), p.id]));
  return fresh.map(({ row }) => ({ row, id: idByKey.get(key(row.mobile, row.email))! }));
}

async function updatePerson(store: RosterStore, before: RosterPerson, row: PersonRow): Promise<Changes> {
  const want = wanted(row);
  const changes: Changes = {};
  const diff = (field: string, was: Json, now: Json | undefined) => {
    if (now !== undefined && JSON.stringify(was) !== JSON.stringify(now)) changes[field] = [was, now];
  };
  diff("name", before.name, want.name);
  diff("mobile", before.mobile, want.mobile);
  diff("email", before.email, want.email);
  diff("birthDate", isoOf(before.birthDate), want.birthDate);
  diff("joinedPartyOn", isoOf(before.joinedPartyOn), want.joinedPartyOn);
  diff("tags", sortTags(before.tags), want.tags);
  diff("whereabouts", before.whereabouts, want.whereabouts);
  if (Object.keys(changes).length === 0) return changes;
  await store.roster.updatePerson(before.id, {
    name: want.name,
    mobile: want.mobile,
    email: want.email,
    birthDate: want.birthDate === undefined ? undefined : dateOf(want.birthDate),
    joinedPartyOn: want.joinedPartyOn === undefined ? undefined : dateOf(want.joinedPartyOn),
    tags: want.tags,
    whereabouts: want.whereabouts,
  });
  return changes;
}
