// Members talking with members (党员之间相互谈心): a record kept by one of the two, about a talk
// with another active member of the same branch. The notes are sealed and read only by the two
// members and the branch's secretaries (readablePeerTalks, peerTalksOf).
import { type Day, dateToDay } from "../domain/calendar-day.ts";
import type { Actor } from "../domain/roles.ts";
import type { TalkForm } from "../generated/prisma/enums.ts";
import { personNames } from "./people.ts";
import type { Rows } from "./rows.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

/** The idempotency key of the card that tells the peer a talk with them was recorded. */
export const peerTalkNoticeKey = (peerTalkId: number) => `peer-talk-notice-${peerTalkId}`;

/** An active member of a branch: a MEMBER role still ACTIVE, alive. */
const activeMember = (orgId: number | { in: number[] }) => ({ orgId, role: "MEMBER" as const, status: "ACTIVE" as const, org: { kind: "BRANCH" as const }, person: { deceasedOn: null } });

export interface PeerChoice {
  id: number;
  name: string;
}

/** The members one may record a talk with: the branch's active members but oneself, by name; at most `limit`. */
export async function peersInBranch(tx: Tx, q: { orgId: number; exceptId: number; limit: number }): Promise<{ peers: PeerChoice[]; more: boolean }> {
  const rows = await tx.membership.findMany({
    where: { ...activeMember(q.orgId), personId: { not: q.exceptId } },
    select: { person: { select: { id: true, name: true } } },
    orderBy: [{ person: { name: "asc" } }, { personId: "asc" }],
    take: q.limit + 1,
  });
  return { peers: rows.slice(0, q.limit).map((r) => r.person), more: rows.length > q.limit };
}

/** The person, if an active member of the branch; with their Lark id to tell them. */
export async function peerInBranch(tx: Tx, q: { orgId: number; personId: number }): Promise<{ id: number; name: string; openId: string | null } | null> {
  const m = await tx.membership.findFirst({ where: { ...activeMember(q.orgId), personId: q.personId }, select: { person: { select: { id: true, name: true, larkOpenId: true } } } });
  return m ? { id: m.person.id, name: m.person.name, openId: m.person.larkOpenId } : null;
}

/** Active members called `name` in these branches, with the mobile's last four digits to tell namesakes apart. */
export async function activeMembersNamed(tx: Tx, q: { orgIds: number[]; name: string }): Promise<{ id: number; name: string; orgId: number; mobileTail: string | null }[]> {
  const rows = await tx.membership.findMany({
    where: { ...activeMember({ in: q.orgIds }), person: { name: q.name, deceasedOn: null } },
    select: { orgId: true, person: { select: { id: true, name: true, mobile: true } } },
    orderBy: [{ personId: "asc" }, { orgId: "asc" }],
  });
  return rows.map((r) => ({ id: r.person.id, name: r.person.name, orgId: r.orgId, mobileTail: r.person.mobile ? r.person.mobile.slice(-4) : null }));
}

export interface NewPeerTalk {
  orgId: number;
  recordedById: number;
  peerId: number;
  heldOn: Day;
  form: TalkForm;
  notes: string | null;
  /** The form card submitted: a second submit of it records nothing. */
  formMessageId: string | null;
  at: Date;
}

/**
 * Records the talk; `created` is false when this form card already recorded one (a double
 * click), whose id is returned. Two submits that race meet at the unique formMessageId.
 */
export async function recordPeerTalk(tx: Tx, t: NewPeerTalk): Promise<{ id: number; created: boolean }> {
  const notes = t.notes ? sealer(tx).seal("PeerTalk.notes", t.notes) : null;
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "PeerTalk" ("orgId", "recordedById", "peerId", "heldOn", "form", "notes", "formMessageId", "createdAt")
    VALUES (${t.orgId}, ${t.recordedById}, ${t.peerId}, ${t.heldOn}::date, ${t.form}::"TalkForm", ${notes}, ${t.formMessageId}, ${t.at})
    ON CONFLICT ("formMessageId") DO NOTHING
    RETURNING "id"`;
  if (rows[0]) return { id: rows[0].id, created: true };
  const earlier = await tx.peerTalk.findUniqueOrThrow({ where: { formMessageId: t.formMessageId! }, select: { id: true } });
  return { id: earlier.id, created: false };
}

export interface PeerTalkRow {
  id: number;
  orgId: number;
  heldOn: Day;
  form: TalkForm;
  recordedById: number;
  recordedByName: string;
  peerId: number;
  peerName: string;
  notes: string | null;
}

const COLUMNS = { id: true, orgId: true, heldOn: true, form: true, recordedById: true, peerId: true, notes: true } as const;

async function rowsOf(tx: Tx, talks: { id: number; orgId: number; heldOn: Date; form: TalkForm; recordedById: number; peerId: number; notes: string | null }[]): Promise<PeerTalkRow[]> {
  const names = await personNames(tx, talks.flatMap((x) => [x.recordedById, x.peerId]));
  const keys = sealer(tx);
  return talks.map((x) => ({
    ...x,
    heldOn: dateToDay(x.heldOn),
    notes: x.notes === null ? null : keys.open("PeerTalk.notes", x.notes),
    recordedByName: names.get(x.recordedById) ?? "",
    peerName: names.get(x.peerId) ?? "",
  }));
}

/** One talk, notes opened: for the answer to a second submit of its form. */
export async function peerTalk(tx: Tx, id: number): Promise<PeerTalkRow | null> {
  const t = await tx.peerTalk.findUnique({ where: { id }, select: COLUMNS });
  return t ? ((await rowsOf(tx, [t]))[0] ?? null) : null;
}

/** The talks a person took part in (either side), newest first, notes opened: both sides may read them. */
export async function peerTalksOf(tx: Tx, q: { personId: number; take: number; oldestFirst?: boolean }): Promise<PeerTalkRow[]> {
  const dir = q.oldestFirst ? "asc" : "desc";
  const talks = await tx.peerTalk.findMany({
    where: { OR: [{ recordedById: q.personId }, { peerId: q.personId }] },
    orderBy: [{ heldOn: dir }, { id: dir }],
    take: q.take,
    select: COLUMNS,
  });
  return rowsOf(tx, talks);
}

/**
 * A member's talks with other members whose notes the actor may read (the last ten): those the
 * actor took part in, and all in branches where the actor is secretary.
 */
export async function readablePeerTalks(tx: Tx, actor: Actor, memberId: number): Promise<PeerTalkRow[]> {
  const secretaryOf = actor.grants.filter((g) => g.role === "SECRETARY").map((g) => g.orgId);
  const me = actor.personId;
  const talks = await tx.peerTalk.findMany({
    where: {
      AND: [
        { OR: [{ recordedById: memberId }, { peerId: memberId }] },
        { OR: [{ recordedById: me }, { peerId: me }, { orgId: { in: secretaryOf } }] },
      ],
    },
    orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    take: 10,
    select: COLUMNS,
  });
  return rowsOf(tx, talks);
}

/** A branch's talks between members from `start` to `end` (days, inclusive): how many, and how many members took part. */
export async function peerTalkFigures(rows: Rows, q: { orgId: number; start: Day; end: Day }): Promise<{ count: number; members: number }> {
  const [r] = await rows<{ count: number; members: number }>(
    `WITH t AS (SELECT "recordedById", "peerId" FROM "PeerTalk" WHERE "orgId" = $1 AND "heldOn" BETWEEN $2::date AND $3::date)
     SELECT (SELECT count(*) FROM t)::int AS "count",
            (SELECT count(DISTINCT p) FROM (SELECT "recordedById" AS p FROM t UNION ALL SELECT "peerId" FROM t) AS sides)::int AS "members"`,
    [q.orgId, q.start, q.end],
  );
  return r ?? { count: 0, members: 0 };
}
