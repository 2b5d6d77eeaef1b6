// Helpers for the talk tests: a branch with a secretary, two leaders and members whose roster
// date and last talk are set to known days, the clock put on a Shanghai wall time, and readers
// for what the sweeps staged.
import type { Harness } from "../support/harness.ts";
import { startHarness } from "../support/harness.ts";
import { seedOrg, seedPerson, type SeededPerson } from "../support/seed.ts";
import { dayToDate } from "../../src/domain/calendar-day.ts";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";

export const TZ = "Asia/Shanghai";

/** The instant of a Shanghai wall time, e.g. at("2026-10-08", "09:00"). */
export function at(day: string, hhmm = "09:00"): Date {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, TZ).getTime() + (h * 60 + m) * 60_000);
}

/**
 * The harness on a moved clock (the harness runs the Lark double on it too). Digests go to few
 * people: Lark's 5/s per chat would only slow the tests down.
 */
export function startTalkHarness(opts: { clockStart: Date; env?: Record<string, string> }): Promise<Harness> {
  return startHarness({
    clockStart: opts.clockStart,
    env: { SEND_RATE_TARGET_PER_SEC: "200", SEND_RATE_APP_PER_SEC: "500", ...opts.env },
    double: { quotas: { perTargetPerSec: 200, appPerSec: 500, appPerMin: 50_000, perMessagePatchPerSec: 50 } },
  });
}

export interface TalkBranch {
  orgId: number;
  secretary: SeededPerson;
  leaderA: SeededPerson;
  leaderB: SeededPerson;
  members: SeededPerson[];
}

/**
 * A branch under a general branch (whose secretary is the "upper organisation"). The staff are
 * members too: the secretary talks with the leaders and leader A with the secretary; with
 * `staffTalkOn` they had a talk that day.
 */
export async function seedTalkBranch(
  h: Harness,
  opts: { code: string; memberNames: string[]; since: string; staffTalkOn?: string },
): Promise<TalkBranch & { upperSecretary: SeededPerson; upperOrgId: number }> {
  const p = h.db.prisma;
  const upper = await p.organization.create({ data: { code: `${opts.code}-up`, name: `${opts.code}党总支`, kind: "GENERAL_BRANCH" } });
  const org = await seedOrg(p, opts.code, `${opts.code}党支部`, upper.id);
  const upperSecretary = await seedPerson(p, h.double, { name: `${opts.code}总支书记`, orgId: upper.id, roles: ["SECRETARY"] });
  const secretary = await seedPerson(p, h.double, { name: `${opts.code}书记`, orgId: org.id, roles: ["SECRETARY", "LEADER"] });
  const leaderA = await seedPerson(p, h.double, { name: `${opts.code}支委甲`, orgId: org.id, roles: ["LEADER"] });
  const leaderB = await seedPerson(p, h.double, { name: `${opts.code}支委乙`, orgId: org.id, roles: ["LEADER"] });
  const members: SeededPerson[] = [];
  for (const name of opts.memberNames) members.push(await seedPerson(p, h.double, { name, orgId: org.id, roles: [] }));
  // Everyone joined the roster on the same known day: the cadence of a member without talks starts there.
  await p.membership.updateMany({ where: { orgId: { in: [org.id, upper.id] } }, data: { createdAt: at(opts.since, "10:00") } });
  for (const [who, leader] of [[secretary, leaderA], [leaderA, secretary], [leaderB, secretary]] as const) {
    await setLeader(h, who.id, leader.id);
    if (opts.staffTalkOn) await addTalk(h, { orgId: org.id, memberId: who.id, leaderId: leader.id, heldOn: opts.staffTalkOn });
  }
  return { orgId: org.id, secretary, leaderA, leaderB, members, upperSecretary, upperOrgId: upper.id };
}

export async function setLeader(h: Harness, memberId: number, leaderId: number | null): Promise<void> {
  await h.db.prisma.person.update({ where: { id: memberId }, data: { responsibleLeaderId: leaderId } });
}

export async function addTalk(h: Harness, t: { orgId: number; memberId: number; leaderId: number; heldOn: string }): Promise<void> {
  await h.db.prisma.talk.create({ data: { orgId: t.orgId, memberId: t.memberId, leaderId: t.leaderId, heldOn: dayToDate(t.heldOn), form: "IN_PERSON", life: "测试谈话" } });
}

type Json = Record<string, unknown>;

/** Every callback value of the buttons for `action` in a card. */
export function buttonValues(card: unknown, action: string): Json[] {
  const out: Json[] = [];
  const walk = (x: unknown) => {
    if (typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const o = x as Json;
    if (o.tag === "button" && Array.isArray(o.behaviors)) {
      const v = (o.behaviors[0] as { value?: Json } | undefined)?.value;
      if (v?.a === action) out.push(v);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** Member ids with a "record talk" button in a card. */
export const listedMembers = (card: unknown): number[] => buttonValues(card, "talk-form").map((v) => Number(v.m)).sort((a, b) => a - b);

/** The outbox rows whose key starts with `prefix`, with their cards. */
export async function staged(h: Harness, prefix: string): Promise<{ key: string; receiveId: string | null; card: unknown }[]> {
  const rows = await h.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix } }, orderBy: { id: "asc" }, select: { idempotencyKey: true, receiveId: true, content: true } });
  return rows.map((r) => ({ key: r.idempotencyKey, receiveId: r.receiveId, card: r.content }));
}
