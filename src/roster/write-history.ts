// Writes the history the rows bring (history-resolve.ts): the last talk as an imported talk, a
// pairing active from today, an entry in the hardship archive reviewed on the level's cadence.
// Only what the store does not hold yet is written, so a second import of the file adds
// nothing; each addition lands in the person's audit line as {field: [null, value]}.
import type { Prisma } from "../generated/prisma/client.ts";
import { defaultNextReview } from "../domain/hardship-rules.ts";
import type { LeaderTarget, PlannedPerson, RosterStore } from "./plan.ts";
import type { RosterProblem } from "./problems.ts";
import { PERSON_COLUMNS } from "./columns.ts";

type Json = Prisma.InputJsonValue | null;
type Changes = Record<string, [Json, Json]>;

export interface HistoryContext {
  readonly idByLine: ReadonlyMap<number, number>;
  readonly orgIdByCode: ReadonlyMap<string, number>;
  readonly actorId: number | null;
  readonly today: string;
  readonly file: string;
  readonly at: Date;
}

export async function writeHistory(store: RosterStore, people: readonly PlannedPerson[], c: HistoryContext, changesByLine: Map<number, Changes>): Promise<RosterProblem[]> {
  const notices: RosterProblem[] = [];
  const idOf = (t: LeaderTarget) => ("line" in t ? c.idByLine.get(t.line)! : t.personId);
  const memberIds = people.map((p) => c.idByLine.get(p.row.line)!);
  const [talkDays, pairings, hardship] = await Promise.all([
    store.rosterHistory.talkDaysOf(memberIds),
    store.rosterHistory.openPairingsOf(memberIds, c.today),
    store.rosterHistory.inHardship(memberIds),
  ]);

  const talks: Parameters<RosterStore["rosterHistory"]["importTalks"]>[0][number][] = [];
  const newPairings: Parameters<RosterStore["rosterHistory"]["createPairings"]>[0][number][] = [];
  const entries: Parameters<RosterStore["rosterHistory"]["openHardshipEntries"]>[0][number][] = [];
  for (const { row, history: h } of people) {
    const memberId = c.idByLine.get(row.line)!;
    const orgId = c.orgIdByCode.get(row.orgCode)!;
    const changes = changesByLine.get(row.line)!;
    if (h.talk && !talkDays.has(`${memberId}:${h.talk.heldOn}`)) {
      const leaderId = idOf(h.talk.leader);
      talks.push({ orgId, memberId, leaderId, heldOn: h.talk.heldOn });
      changes.importedTalk = [null, { heldOn: h.talk.heldOn, leaderId }];
    }
    const mine = pairings.filter((p) => p.memberId === memberId);
    if (h.helper) {
      const helperPersonId = idOf(h.helper.target);
      if (!mine.some((p) => p.helperPersonId === helperPersonId)) {
        newPairings.push({ orgId, memberId, helperKind: h.helper.kind, helperPersonId, departmentName: null, startOn: c.today, createdById: c.actorId });
        changes.pairing = [null, { helperKind: h.helper.kind, helperPersonId }];
      }
    }
    if (h.department && !mine.some((p) => p.helperPersonId === null && p.departmentName === h.department)) {
      newPairings.push({ orgId, memberId, helperKind: "DEPARTMENT", helperPersonId: null, departmentName: h.department, startOn: c.today, createdById: c.actorId });
      changes.pairingDepartment = [null, h.department];
    }
    if (h.hardship) {
      if (hardship.has(memberId)) {
        // The archive is kept in the bot (reviews, decisions): a file does not overwrite it.
        notices.push({ line: row.line, message: `${row.name}在困难党员档案中已有在档记录，本表的${PERSON_COLUMNS.hardshipCauses}、${PERSON_COLUMNS.hardshipLevel}、${PERSON_COLUMNS.household}未导入：如有变化请在飞书中复核该档案` });
      } else {
        const nextReviewOn = defaultNextReview(c.today, h.hardship.level);
        entries.push({ orgId, personId: memberId, causes: h.hardship.causes, level: h.hardship.level, household: h.hardship.household, nextReviewOn, createdById: c.actorId, file: c.file });
        changes.hardship = [null, { causes: [...h.hardship.causes], level: h.hardship.level, nextReviewOn }];
      }
    }
  }
  await store.rosterHistory.importTalks(talks, c.at);
  await store.rosterHistory.createPairings(newPairings, c.at);
  await store.rosterHistory.openHardshipEntries(entries, c.at);
  return notices;
}
