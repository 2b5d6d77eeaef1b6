// Talk records (谈心谈话记录): written by a leader or secretary of the member's branch, read
// only by the leader who held the talk and the branch's secretaries. Recording a talk closes
// the member's open urgent tasks.
import { type Day, dayToDate } from "../domain/calendar-day.ts";
import { hasRole, type Actor } from "../domain/roles.ts";
import type { TalkForm } from "../generated/prisma/enums.ts";
import { personNames } from "./people.ts";
import { openFields, sealFields, sealJson, sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

/** What was said in a talk: sealed at rest (sealing.ts), opened only for those who may read it. */
const NOTES = ["thinking", "work", "life", "concerns"] as const;

export interface MemberInBranch {
  id: number;
  name: string;
  orgId: number;
}

/** The member, in a branch where the actor holds one of the roles; null when there is none. */
export async function memberWhereActorIs(tx: Tx, actor: Actor, memberId: number, roles: ("LEADER" | "SECRETARY")[]): Promise<MemberInBranch | null> {
  const p = await tx.person.findUnique({
    where: { id: memberId },
    select: { id: true, name: true, memberships: { where: { role: "MEMBER", org: { kind: "BRANCH" } }, select: { orgId: true }, orderBy: { orgId: "asc" } } },
  });
  const m = p?.memberships.find((ms) => hasRole(actor, roles, ms.orgId));
  return p && m ? { id: p.id, name: p.name, orgId: m.orgId } : null;
}

/** Members named `name` in the branches where the actor holds one of the roles. */
export async function membersNamed(tx: Tx, actor: Actor, name: string, roles: ("LEADER" | "SECRETARY")[]): Promise<(MemberInBranch & { mobile: string | null })[]> {
  const orgIds = [...new Set(actor.grants.filter((g) => roles.includes(g.role as "LEADER")).map((g) => g.orgId))];
  const rows = await tx.membership.findMany({
    where: { orgId: { in: orgIds }, role: "MEMBER", org: { kind: "BRANCH" }, person: { name } },
    select: { orgId: true, person: { select: { id: true, name: true, mobile: true } } },
    orderBy: [{ personId: "asc" }, { orgId: "asc" }],
  });
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.person.id) && seen.add(r.person.id)).map((r) => ({ id: r.person.id, name: r.person.name, mobile: r.person.mobile, orgId: r.orgId }));
}

export async function lastTalkOn(tx: Tx, memberId: number): Promise<Day | null> {
  const t = await tx.talk.findFirst({ where: { memberId }, orderBy: { heldOn: "desc" }, select: { heldOn: true } });
  return t ? t.heldOn.toISOString().slice(0, 10) : null;
}

export interface NewTalk {
  orgId: number;
  memberId: number;
  leaderId: number;
  heldOn: Day;
  form: TalkForm;
  thinking?: string | undefined;
  work?: string | undefined;
  life?: string | undefined;
  concerns?: string | undefined;
  concernAreas: string[];
  followUps: { description: string; dueOn: Day }[];
  taskId?: number | undefined;
  now: Date;
}

export async function recordTalk(tx: Tx, t: NewTalk): Promise<{ talkId: number; closedTaskIds: number[]; followUpIds: number[] }> {
  const open = await tx.talkTask.findMany({ where: { memberId: t.memberId, status: "OPEN" }, select: { id: true }, orderBy: { id: "asc" } });
  const closedTaskIds = open.map((k) => k.id);
  if (closedTaskIds.length > 0) await tx.talkTask.updateMany({ where: { id: { in: closedTaskIds } }, data: { status: "DONE", doneAt: t.now } });
  const keys = sealer(tx);
  const notes = sealFields(keys, "Talk", { thinking: t.thinking || null, work: t.work || null, life: t.life || null, concerns: t.concerns || null }, NOTES);
  const talk = await tx.talk.create({
    data: {
      orgId: t.orgId,
      memberId: t.memberId,
      leaderId: t.leaderId,
      heldOn: dayToDate(t.heldOn),
      form: t.form,
      ...notes,
      concernAreas: t.concernAreas,
      talkTaskId: t.taskId ?? closedTaskIds[0] ?? null,
      createdAt: t.now,
      followUps: { create: t.followUps.map((f) => ({ ownerId: t.leaderId, description: keys.seal("FollowUp.description", f.description), dueOn: dayToDate(f.dueOn) })) },
    },
    select: { id: true, followUps: { select: { id: true } } },
  });
  return { talkId: talk.id, closedTaskIds, followUpIds: talk.followUps.map((f) => f.id) };
}

/** A member's last ten talks, newest first: when, how and with whom, never what was said. */
export async function recentTalksOf(tx: Tx, memberId: number): Promise<{ heldOn: Day; form: TalkForm; leaderName: string }[]> {
  const talks = await tx.talk.findMany({ where: { memberId }, orderBy: { heldOn: "desc" }, take: 10, select: { heldOn: true, form: true, leaderId: true } });
  const names = await personNames(tx, talks.map((x) => x.leaderId));
  return talks.map((x) => ({ heldOn: x.heldOn.toISOString().slice(0, 10), form: x.form, leaderName: names.get(x.leaderId) ?? "" }));
}

export interface ReadableTalk {
  id: number;
  orgId: number;
  leaderId: number;
  imported: boolean;
  createdAt: Date;
  /** Last corrected by its author; the earlier texts are kept in TalkRevision. */
  revisedAt: Date | null;
  heldOn: Day;
  form: TalkForm;
  leaderName: string;
  thinking: string | null;
  work: string | null;
  life: string | null;
  concerns: string | null;
  concernAreas: string[];
  followUps: { description: string; dueOn: Day; done: boolean }[];
}

/** The talks with a member whose notes the actor may read (the last ten): those they held, and all in branches where they are secretary. */
export async function readableTalks(tx: Tx, actor: Actor, memberId: number): Promise<ReadableTalk[]> {
  const secretaryOf = actor.grants.filter((g) => g.role === "SECRETARY").map((g) => g.orgId);
  const talks = await tx.talk.findMany({
    where: { memberId, OR: [{ leaderId: actor.personId }, { orgId: { in: secretaryOf } }] },
    orderBy: { heldOn: "desc" },
    take: 10,
    select: {
      id: true,
      orgId: true,
      heldOn: true,
      form: true,
      thinking: true,
      work: true,
      life: true,
      concerns: true,
      concernAreas: true,
      leaderId: true,
      imported: true,
      createdAt: true,
      revisedAt: true,
      followUps: { select: { description: true, dueOn: true, status: true }, orderBy: { id: "asc" } },
    },
  });
  const names = await personNames(tx, talks.map((x) => x.leaderId));
  const keys = sealer(tx);
  return talks.map(({ followUps, ...x }) => ({
    ...openFields(keys, "Talk", x, NOTES),
    heldOn: x.heldOn.toISOString().slice(0, 10),
    leaderName: names.get(x.leaderId) ?? "",
    followUps: followUps.map((f) => ({ description: keys.open("FollowUp.description", f.description), dueOn: f.dueOn.toISOString().slice(0, 10), done: f.status !== "OPEN" })),
  }));
}

/** A talk record as its correction reads it: the fields it may change, who wrote it and when. */
export interface TalkToCorrect {
  id: number;
  orgId: number;
  memberId: number;
  memberName: string;
  leaderId: number;
  leaderName: string;
  imported: boolean;
  createdAt: Date;
  revisedAt: Date | null;
  heldOn: Day;
  form: TalkForm;
  thinking: string | null;
  work: string | null;
  life: string | null;
  concerns: string | null;
  concernAreas: string[];
}

export async function talkToCorrect(tx: Tx, talkId: number): Promise<TalkToCorrect | null> {
  const t = await tx.talk.findUnique({
    where: { id: talkId },
    select: { id: true, orgId: true, memberId: true, leaderId: true, imported: true, createdAt: true, revisedAt: true, heldOn: true, form: true, thinking: true, work: true, life: true, concerns: true, concernAreas: true },
  });
  if (!t) return null;
  const names = await personNames(tx, [t.memberId, t.leaderId]);
  return { ...openFields(sealer(tx), "Talk", t, NOTES), heldOn: t.heldOn.toISOString().slice(0, 10), memberName: names.get(t.memberId) ?? "", leaderName: names.get(t.leaderId) ?? "" };
}

export interface TalkCorrection {
  heldOn: Day;
  form: TalkForm;
  thinking: string | null;
  work: string | null;
  life: string | null;
  concerns: string | null;
  concernAreas: string[];
}

/**
 * Corrects a talk record: its fields as they were go into a TalkRevision, the record takes the
 * new ones and revisedAt. The row is locked first, so two saves of stale forms keep each earlier
 * text in order rather than one overwriting what the other kept. Returns the revision's id.
 */
export async function correctTalk(tx: Tx, talkId: number, c: TalkCorrection & { byId: number; at: Date }): Promise<{ revisionId: number; before: TalkCorrection } | null> {
  const rows = await tx.$queryRaw<(Omit<TalkCorrection, "heldOn"> & { heldOn: string })[]>`
    SELECT to_char("heldOn", 'YYYY-MM-DD') AS "heldOn", "form"::text AS "form", "thinking", "work", "life", "concerns", "concernAreas"
    FROM "Talk" WHERE "id" = ${talkId} FOR UPDATE`;
  const keys = sealer(tx);
  const before = rows[0] && openFields(keys, "Talk", rows[0], NOTES);
  if (!before) return null;
  // The earlier text kept whole, sealed as one value: a revision holds notes as the record does.
  const revision = await tx.talkRevision.create({ data: { talkId, revisedById: c.byId, revisedAt: c.at, before: sealJson(keys, "TalkRevision.before", before)! }, select: { id: true } });
  await tx.talk.update({
    where: { id: talkId },
    data: { heldOn: dayToDate(c.heldOn), form: c.form, ...sealFields(keys, "Talk", { thinking: c.thinking, work: c.work, life: c.life, concerns: c.concerns }, NOTES), concernAreas: c.concernAreas, revisedAt: c.at },
  });
  return { revisionId: revision.id, before };
}
