// Urgent talks (紧急谈心). When a member files a help request, or a leader flags a major
// difficulty (困难上报), a task due within days goes to the member's responsible leader (the
// branch secretary when there is none). Called inside the caller's transaction; what the
// leader is to be told comes back as data for the caller to draw and stage, keyed by the task
// (urgentTalkKey), so the reminder job, which stages the same key when the task was opened at
// night, never sends twice.
import { type Day, dayToDate } from "../domain/calendar-day.ts";
import { readRules } from "../domain/care-settings.ts";
import { dayIn, minuteOfDayIn } from "../domain/zoned-time.ts";
import { urgentDueOn } from "../domain/talk-cadence.ts";
import { isNight } from "../domain/working-days.ts";
import { sealer } from "./sealing.ts";
import type { Tx } from "./tx.ts";

export type UrgentReason = "AID_REQUEST" | "FLAGGED";

export interface UrgentTalkInput {
  memberId: number;
  orgId: number;
  reason: UrgentReason;
  /** The help request behind it (AID_REQUEST); at most one task per request. */
  aidRequestId?: number | null;
  /** What the member or the leader said about the difficulty. */
  note?: string | null;
  createdById?: number | null;
  now: Date;
  timeZone?: string;
}

/** What the leader of a new urgent talk is told at once (cards/talk-urgent.ts draws it). */
export interface UrgentTalkNotice {
  openId: string;
  taskId: number;
  memberId: number;
  memberName: string;
  reason: UrgentReason;
  note: string | null;
  dueOn: Day;
  leaderName: string;
}

export interface UrgentTalkResult {
  /** null when the branch has no leader and no secretary to give it to. */
  task: { id: number; leaderId: number; leaderName: string; dueOn: string; created: boolean } | null;
  /**
   * The leader's card to stage now under urgentTalkKey(taskId); null for a task already open,
   * a leader not on Lark, or at night (the reminder job sends it in the morning).
   */
  notice: UrgentTalkNotice | null;
}

export const urgentTalkKey = (taskId: number) => `talk-urgent-${taskId}`;

/** What opening an urgent talk needs to know, read in one round trip. */
export interface UrgentTalkSituation {
  memberName: string;
  settings: unknown;
  openTaskId: number | null;
  openLeaderId: number | null;
  openLeaderName: string | null;
  openDueOn: string | null;
  leaderId: number | null;
  leaderName: string | null;
  leaderOpenId: string | null;
}

/**
 * The member (locked, so two requests for them share one open task), their open task if any,
 * the leader to give a new one to (the responsible leader, else the branch's first secretary)
 * and the branch's settings. The aid flow reads this before it takes the year's numbering lock,
 * so the work under that lock stays one insert.
 */
export async function planUrgentTalk(tx: Tx, q: { memberId: number; orgId: number; aidRequestId?: number | null }): Promise<UrgentTalkSituation> {
  const [s] = await tx.$queryRaw<UrgentTalkSituation[]>`
    SELECT p."name" AS "memberName", o."settings",
           t."id" AS "openTaskId", t."leaderId" AS "openLeaderId", tl."name" AS "openLeaderName", t."dueOn"::text AS "openDueOn",
           COALESCE(l."id", sec."id") AS "leaderId", COALESCE(l."name", sec."name") AS "leaderName",
           CASE WHEN l."id" IS NOT NULL THEN l."larkOpenId" ELSE sec."larkOpenId" END AS "leaderOpenId"
    FROM "Person" p
    JOIN "Organization" o ON o."id" = ${q.orgId}
    -- A leader or secretary who left or died is given no task (standing.ts says the same for the sweeps).
    LEFT JOIN "Person" l ON l."id" = p."responsibleLeaderId" AND l."deceasedOn" IS NULL
      AND EXISTS (SELECT 1 FROM "Membership" lm WHERE lm."personId" = l."id" AND lm."status" = 'ACTIVE')
    LEFT JOIN LATERAL (
      SELECT sp."id", sp."name", sp."larkOpenId" FROM "Membership" ms JOIN "Person" sp ON sp."id" = ms."personId"
      WHERE ms."orgId" = ${q.orgId} AND ms."role" = 'SECRETARY' AND ms."status" = 'ACTIVE' AND sp."deceasedOn" IS NULL ORDER BY sp."id" LIMIT 1
    ) sec ON true
    LEFT JOIN LATERAL (
      SELECT k."id", k."leaderId", k."dueOn" FROM "TalkTask" k
      WHERE k."memberId" = p."id" AND (k."status" = 'OPEN' OR k."aidRequestId" = ${q.aidRequestId ?? null}::int)
      ORDER BY k."id" LIMIT 1
    ) t ON true
    LEFT JOIN "Person" tl ON tl."id" = t."leaderId"
    WHERE p."id" = ${q.memberId}
    FOR UPDATE OF p`;
  if (!s) throw new Error(`no person ${q.memberId} or organisation ${q.orgId}`);
  return s;
}

/** Opens the task (or finds the open one); pass the situation when it was planned earlier in the transaction. */
export async function openUrgentTalk(tx: Tx, input: UrgentTalkInput, planned?: UrgentTalkSituation): Promise<UrgentTalkResult> {
  const tz = input.timeZone ?? "Asia/Shanghai";
  const s = planned ?? (await planUrgentTalk(tx, input));
  if (s.openTaskId !== null) {
    return { task: { id: s.openTaskId, leaderId: s.openLeaderId!, leaderName: s.openLeaderName ?? "", dueOn: s.openDueOn!, created: false }, notice: null };
  }
  if (s.leaderId === null) return { task: null, notice: null };

  const rules = readRules(s.settings);
  const today = dayIn(input.now, tz);
  const dueOn = urgentDueOn(today, rules.talk);
  const task = await tx.talkTask.create({
    data: {
      orgId: input.orgId,
      memberId: input.memberId,
      leaderId: s.leaderId,
      reason: input.reason,
      note: sealer(tx).seal("TalkTask.note", input.note ?? null),
      aidRequestId: input.aidRequestId ?? null,
      dueOn: dayToDate(dueOn),
      createdById: input.createdById ?? null,
      createdAt: input.now,
    },
    select: { id: true, note: true },
  });
  const leaderName = s.leaderName ?? "";
  const notice =
    s.leaderOpenId && !isNight(minuteOfDayIn(input.now, tz), rules.night)
      ? { openId: s.leaderOpenId, taskId: task.id, memberId: input.memberId, memberName: s.memberName, reason: input.reason, note: input.note ?? null, dueOn, leaderName }
      : null;
  return { task: { id: task.id, leaderId: s.leaderId, leaderName, dueOn, created: true }, notice };
}

export interface UrgentTalkTask {
  id: number;
  memberId: number;
  status: "OPEN" | "DONE" | "CANCELLED";
  reason: string;
  note: string | null;
  dueOn: Day;
}

/** One urgent talk task, or null when there is none with that id. */
export async function urgentTalkTask(tx: Tx, taskId: number): Promise<UrgentTalkTask | null> {
  const k = await tx.talkTask.findUnique({ where: { id: taskId }, select: { id: true, memberId: true, status: true, reason: true, note: true, dueOn: true } });
  return k ? { ...k, note: sealer(tx).open("TalkTask.note", k.note), dueOn: k.dueOn.toISOString().slice(0, 10) } : null;
}

/** Whether the member has an urgent talk still open. */
export async function hasOpenUrgentTalk(tx: Tx, memberId: number): Promise<boolean> {
  return (await tx.talkTask.count({ where: { memberId, status: "OPEN" } })) > 0;
}
