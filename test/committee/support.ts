// A committee with three branches and a little of everything, for the committee's view and its
// digest: as of Monday 2027-03-15 (2027Q1, ISO week 2027-W11). Rows are written as the features
// would leave them; free text holds markers that must never reach the committee's cards.
import { dayToDate } from "../../src/domain/calendar-day.ts";
import { startOfDayIn } from "../../src/domain/zoned-time.ts";
import { startAidHarness } from "../aid/support.ts";
import { seedCommittee, type Committee } from "../support/committee.ts";
import type { Harness } from "../support/harness.ts";

export const at = (day: string, hhmm = "10:00") => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(startOfDayIn(day, "Asia/Shanghai").getTime() + (h * 60 + m) * 60_000);
};

/** Free text written into the rows: none of it may appear on a committee's card. */
export const SECRETS = ["谈话内容母亲住院", "家中房屋漏雨", "医药费自付困难说明", "建议增加活动室开放时间", "求职技能电工"] as const;

export async function startCommitteeHarness(day = "2027-03-15"): Promise<Harness> {
  return startAidHarness({ clockStart: at(day) });
}

/**
 * Branch 一: a talk (member), member2 overdue since 2020, a spring-festival visit done and one
 * overdue, member2 in the hardship archive (review overdue), a request pending since 03-08 and
 * one approved and paid (500 yuan party fee), a training of member and member2, member2 looking
 * for work, a pairing with an outside unit with no activity this quarter.
 * Branch 二: member overdue, a peer talk, an open suggestion, an escalation to the committee, a
 * donation balance of 200 yuan. Branch 三: nothing overdue.
 */
export async function seedCommitteeWithWork(h: Harness, code: string, prefix: string): Promise<Committee> {
  const c = await seedCommittee(h, code, prefix);
  const p = h.db.prisma;
  const [b1, b2] = c.branches;
  const long = dayToDate("2020-01-01");
  await p.membership.updateMany({ where: { orgId: b1.orgId, personId: { in: [b1.member.id, b1.member2.id] }, role: "MEMBER" }, data: { since: long } });
  await p.membership.updateMany({ where: { orgId: b2.orgId, personId: b2.member.id, role: "MEMBER" }, data: { since: long } });

  await p.talk.create({ data: { orgId: b1.orgId, memberId: b1.member.id, leaderId: b1.leader.id, heldOn: dayToDate("2027-03-01"), form: "IN_PERSON", life: SECRETS[0], concernAreas: ["LIFE"] } });
  await p.visitTask.create({ data: { orgId: b1.orgId, memberId: b1.member.id, visitorId: b1.leader.id, festival: "SPRING_FESTIVAL", year: 2027, dueOn: dayToDate("2027-02-01"), status: "DONE", doneAt: at("2027-01-30"), visitedOn: dayToDate("2027-01-30") } });
  await p.visitTask.create({ data: { orgId: b1.orgId, memberId: b1.member2.id, visitorId: b1.leader.id, festival: "SPRING_FESTIVAL", year: 2027, dueOn: dayToDate("2027-02-01") } });
  await p.hardshipEntry.create({ data: { orgId: b1.orgId, personId: b1.member2.id, causes: ["ILLNESS"], level: "SERIOUS", household: SECRETS[1], nextReviewOn: dayToDate("2027-03-01") } });
  await p.aidRequest.create({ data: { number: `${code}-0001`, orgId: b1.orgId, personId: b1.member2.id, filedById: b1.member2.id, category: "ILLNESS", description: SECRETS[2], createdAt: at("2027-03-08") } });
  const paid = await p.aidRequest.create({
    data: { number: `${code}-0002`, orgId: b1.orgId, personId: b1.member.id, filedById: b1.member.id, category: "LIVING", description: SECRETS[2], status: "APPROVED", approvedFen: 50_000, fundSource: "PARTY_FEE", decidedById: b1.secretary.id, decidedAt: at("2027-03-03"), createdAt: at("2027-03-02") },
  });
  await p.fundEntry.create({ data: { orgId: b1.orgId, source: "PARTY_FEE", kind: "INCOME", amountFen: 200_000, createdAt: at("2027-01-05") } });
  await p.fundEntry.create({ data: { orgId: b1.orgId, source: "PARTY_FEE", kind: "DISBURSEMENT", amountFen: 50_000, payeeId: b1.member.id, aidRequestId: paid.id, createdAt: at("2027-03-03") } });
  await p.fundBalance.create({ data: { orgId: b1.orgId, source: "PARTY_FEE", balanceFen: 150_000 } });
  const session = await p.trainingSession.create({ data: { orgId: b1.orgId, topic: "THEORY", title: "理论学习", heldOn: dayToDate("2027-03-05") } });
  await p.trainingAttendance.createMany({ data: [b1.member.id, b1.member2.id].map((personId) => ({ sessionId: session.id, personId })) });
  await p.employmentCase.create({ data: { orgId: b1.orgId, personId: b1.member2.id, registeredById: b1.secretary.id, skills: SECRETS[4], kinds: ["SKILLED_TRADE"], openedOn: dayToDate("2027-02-01") } });
  await p.orgPairing.create({ data: { orgId: b1.orgId, partnerName: "区供电局党支部", kind: "DEPARTMENT_BRANCH", startOn: dayToDate("2026-10-01"), proposedById: b1.secretary.id } });

  await p.peerTalk.create({ data: { orgId: b2.orgId, recordedById: b2.member.id, peerId: b2.member2.id, heldOn: dayToDate("2027-03-10"), form: "PHONE" } });
  await p.suggestion.create({ data: { orgId: b2.orgId, kind: "SUGGESTION", body: SECRETS[3], authorId: b2.member.id, createdAt: at("2027-03-01") } });
  await p.escalation.create({ data: { fromOrgId: b2.orgId, toOrgId: c.orgId, subjectType: "AidRequest", subjectId: paid.id, reason: "REFERRED" } });
  await p.fundBalance.create({ data: { orgId: b2.orgId, source: "DONATION", balanceFen: 20_000 } });
  return c;
}

/** Every name of the committee's people: none may appear on a committee's figures card. */
export function namesOf(c: Committee): string[] {
  return c.branches.flatMap((b) => [b.secretary.name, b.delegate.name, b.leader.name, b.worker.name, b.member.name, b.member2.name, b.offline.name]);
}
