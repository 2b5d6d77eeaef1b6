// The people of the simulated year: a committee (同心社区党委) whose affairs worker keeps the
// national calendar, branch A of sixty people whose year is followed, and branch B, which
// receives a member transferred inside the system. Everyone is in the store and in the Lark
// double, bound by open_id, with the history a roster import brings on day one: when they
// joined, their last talk and with whom, hardship entries and a pairing.
import { addDays, dayToDate, type Day } from "../../src/domain/calendar-day.ts";
import type { RoleName } from "../../src/domain/roles.ts";
import type { Harness } from "../support/harness.ts";
import { seedOrg, seedPerson } from "../support/seed.ts";

export interface Person {
  id: number;
  name: string;
  openId: string;
  orgId: number;
}

export interface Branch {
  orgId: number;
  name: string;
  secretary: Person;
  leaders: Person[];
  worker: Person;
  members: Person[];
}

export interface Cast {
  committee: { orgId: number; secretary: Person; worker: Person };
  a: Branch;
  b: Branch;
  /** The members the year's story is about (all in branch A at the start). */
  story: {
    /** 困难党员 paired with a leader; asks for aid, then moves to branch B. */
    movesToB: Person;
    /** Transfers out of the system. */
    leavesSystem: Person;
    /** An old member who dies. */
    dies: Person;
    /** Aid approved and kept. */
    aided: Person;
    /** Aid approved, then reversed (冲正). */
    reversed: Person;
    /** Aid refused. */
    refused: Person;
  };
  everyone: Person[];
}

// Three-character names, all different, so one never appears inside another in a card.
const SURNAMES = [..."赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"];
const GIVEN = ["春华", "秋实", "建平", "玉兰", "志刚", "海燕", "德明", "桂芳", "振东", "淑珍", "国栋", "丽娟"];
function* names(): Generator<string> {
  for (let i = 0; ; i++) yield `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
}

const MEMBERS_A = 56;

export async function seedCast(h: Harness): Promise<Cast> {
  const p = h.db.prisma;
  const name = names();
  // Mainland mobiles (the roster re-import in June reads them back), one per person.
  let mobiles = 0;
  const committeeOrg = await p.organization.create({ data: { code: "tx-dw", name: "同心社区党委", kind: "COMMITTEE" } });
  const orgA = await seedOrg(p, "tx-zb1", "同心第一党支部", committeeOrg.id);
  const orgB = await seedOrg(p, "tx-zb2", "同心第二党支部", committeeOrg.id);
  const add = async (orgId: number, roles: RoleName[], extra: { tags?: ("OLD_MEMBER" | "MOBILE")[] } = {}): Promise<Person> => {
    const s = await seedPerson(p, h.double, { name: name.next().value!, orgId, roles, mobile: `1390000${String(++mobiles).padStart(4, "0")}`, ...extra });
    return { ...s, orgId };
  };

  const committee = { orgId: committeeOrg.id, secretary: await add(committeeOrg.id, ["SECRETARY"]), worker: await add(committeeOrg.id, ["AFFAIRS_WORKER"]) };
  const branch = async (orgId: number, branchName: string, memberCount: number): Promise<Branch> => {
    const secretary = await add(orgId, ["SECRETARY", "LEADER"]);
    const leaders = [await add(orgId, ["LEADER"]), await add(orgId, ["LEADER"])];
    const worker = await add(orgId, ["AFFAIRS_WORKER"]);
    const members: Person[] = [];
    for (let i = 0; i < memberCount; i++) members.push(await add(orgId, [], i % 6 === 0 ? { tags: ["OLD_MEMBER"] } : i === 40 ? { tags: ["MOBILE"] } : {}));
    return { orgId, name: branchName, secretary, leaders, worker, members };
  };
  const a = await branch(orgA.id, orgA.name, MEMBERS_A);
  const b = await branch(orgB.id, orgB.name, 4);
  await history(h, a);
  await history(h, b);

  const m = a.members;
  const story = { movesToB: m[10]!, leavesSystem: m[20]!, dies: m[30]!, aided: m[5]!, reversed: m[15]!, refused: m[25]! };
  // The member who moves: in the hardship archive, paired with a leader, talked with quarterly.
  await p.hardshipEntry.create({ data: { orgId: a.orgId, personId: story.movesToB.id, causes: ["ILLNESS"], level: "SERIOUS", household: "独居，慢性病", nextReviewOn: dayToDate("2027-01-20") } });
  await p.hardshipEntry.create({ data: { orgId: a.orgId, personId: m[4]!.id, causes: ["OLD_AGE"], level: "GENERAL", household: "老两口，子女在外地", nextReviewOn: dayToDate("2027-03-10") } });
  await p.pairing.create({ data: { orgId: a.orgId, memberId: story.movesToB.id, helperKind: "LEADER", helperPersonId: a.leaders[0]!.id, startOn: dayToDate("2026-06-01") } });
  await p.person.update({ where: { id: m[40]!.id }, data: { whereabouts: "广东省深圳市南山区，微信同手机" } });
  for (const q of [story.movesToB, m[4]!]) await p.talk.updateMany({ where: { memberId: q.id }, data: { heldOn: dayToDate("2026-10-20") } });

  const everyone = [committee.secretary, committee.worker, ...[a, b].flatMap((x) => [x.secretary, ...x.leaders, x.worker, ...x.members])];
  return { committee, a, b, story, everyone };
}

/**
 * What the roster import brings for a branch: joining days, birthdays (every seventh member is
 * over seventy, for 重阳), a responsible leader for everyone (the staff talk with each other) and
 * each one's last talk, spread over the past year so that talks fall due all through the next
 * one; three members have never been talked with since joining in 2025 and are overdue on day one.
 */
async function history(h: Harness, br: Branch): Promise<void> {
  const p = h.db.prisma;
  const leaders = [br.secretary, ...br.leaders];
  const plan: { who: Person; leader: Person; last: Day | null; since: Day; born: Day }[] = [
    { who: br.secretary, leader: br.leaders[0]!, last: "2026-02-11", since: "2012-07-01", born: "1968-03-15" },
    { who: br.leaders[0]!, leader: br.secretary, last: "2026-05-20", since: "2014-07-01", born: "1975-08-20" },
    { who: br.leaders[1]!, leader: br.secretary, last: "2026-08-27", since: "2016-07-01", born: "1980-01-09" },
    { who: br.worker, leader: br.leaders[1]!, last: "2026-09-30", since: "2018-07-01", born: "1985-05-05" },
  ];
  br.members.forEach((who, i) => {
    const never = i % 19 === 7;
    plan.push({
      who,
      leader: leaders[i % leaders.length]!,
      last: never ? null : addDays("2025-12-10", i * 6),
      since: never ? "2025-10-01" : `${2000 + (i % 24)}-0${1 + (i % 9)}-15`,
      born: i % 7 === 2 || i === 30 ? `194${i % 10}-10-01` : `19${60 + (i % 35)}-04-18`,
    });
  });
  for (const x of plan) {
    await p.person.update({ where: { id: x.who.id }, data: { responsibleLeaderId: x.leader.id, birthDate: dayToDate(x.born), joinedPartyOn: dayToDate(x.since) } });
    await p.membership.updateMany({ where: { personId: x.who.id, orgId: br.orgId }, data: { since: dayToDate(x.since) } });
    if (x.last) await p.talk.create({ data: { orgId: br.orgId, memberId: x.who.id, leaderId: x.leader.id, heldOn: dayToDate(x.last), form: "IN_PERSON", imported: true } });
  }
}
