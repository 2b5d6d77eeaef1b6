// Urgent talks (紧急谈心). When a member files a help request, or a leader flags a major
// difficulty (困难上报), a task due within days goes to the member's responsible leader (the
// branch secretary when there is none). Called inside the caller's transaction; the leader's
// card comes back as messages for the caller to stage (ctx.send), keyed by the task, so the
// reminder job, which stages the same key when the task was opened at night, never sends twice.
import { urgentTalkCard } from "../../cards/talk-urgent.ts";
import type { Card, Text } from "../../cards/kit.ts";
import { dayIn, dayToDate, minuteOfDayIn } from "../domain/calendar-day.ts";
import { urgentDueOn } from "../domain/talk-cadence.ts";
import { isNight } from "../domain/working-days.ts";
import { readRules } from "./branch-rules.ts";
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

export interface StagedMessage {
  to: { openId: string };
  msg: { card?: Card; text?: Text };
  key: string;
}

export interface UrgentTalkResult {
  /** null when the branch has no leader and no secretary to give it to. */
  task: { id: number; leaderId: number; leaderName: string; dueOn: string; created: boolean } | null;
  /** Stage each with ctx.send(m.to, m.msg, m.key). Empty at night: the reminder job sends it in the morning. */
  messages: StagedMessage[];
}

export const urgentTalkKey = (taskId: number) => `talk-urgent-${taskId}`;

export async function openUrgentTalk(tx: Tx, input: UrgentTalkInput): Promise<UrgentTalkResult> {
  const tz = input.timeZone ?? "Asia/Shanghai";
  // Serialises two requests for the same member, so they share one open task.
  await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ${input.memberId} FOR UPDATE`;
  const existing = await tx.talkTask.findFirst({
    where: input.aidRequestId ? { OR: [{ aidRequestId: input.aidRequestId }, { memberId: input.memberId, status: "OPEN" }] } : { memberId: input.memberId, status: "OPEN" },
    orderBy: { id: "asc" },
    select: { id: true, leaderId: true, dueOn: true },
  });
  if (existing) {
    const leader = await tx.person.findUniqueOrThrow({ where: { id: existing.leaderId }, select: { name: true } });
    return { task: { id: existing.id, leaderId: existing.leaderId, leaderName: leader.name, dueOn: existing.dueOn.toISOString().slice(0, 10), created: false }, messages: [] };
  }

  const member = await tx.person.findUniqueOrThrow({
    where: { id: input.memberId },
    select: { name: true, responsibleLeader: { select: { id: true, name: true, larkOpenId: true } } },
  });
  const leader =
    member.responsibleLeader ??
    (await tx.membership.findFirst({ where: { orgId: input.orgId, role: "SECRETARY" }, orderBy: { personId: "asc" }, select: { person: { select: { id: true, name: true, larkOpenId: true } } } }))?.person;
  if (!leader) return { task: null, messages: [] };

  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { settings: true } });
  const rules = readRules(org.settings);
  const today = dayIn(input.now, tz);
  const dueOn = urgentDueOn(today, rules.talk);
  const task = await tx.talkTask.create({
    data: {
      orgId: input.orgId,
      memberId: input.memberId,
      leaderId: leader.id,
      reason: input.reason,
      note: input.note ?? null,
      aidRequestId: input.aidRequestId ?? null,
      dueOn: dayToDate(dueOn),
      createdById: input.createdById ?? null,
      createdAt: input.now,
    },
  });
  const messages: StagedMessage[] = [];
  if (leader.larkOpenId && !isNight(minuteOfDayIn(input.now, tz), rules.night)) {
    messages.push({
      to: { openId: leader.larkOpenId },
      msg: {
        card: urgentTalkCard({ kind: "new", taskId: task.id, memberId: input.memberId, memberName: member.name, reason: input.reason, note: task.note, dueOn, leaderName: leader.name }),
      },
      key: urgentTalkKey(task.id),
    });
  }
  return { task: { id: task.id, leaderId: leader.id, leaderName: leader.name, dueOn, created: true }, messages };
}
