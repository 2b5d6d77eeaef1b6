// The weekly card of held job information: a posting that matched a member who had already had
// their card that week waits (JobPush.week null) and goes out in one card with everything else
// held for them, on the first working-day run of the next week. Safe to run twice: a member's
// week is taken under their push lock, and the card's key is person + week.
import { weekOf } from "../domain/job-match.ts";
import { postingsById, peopleWithHeld, releaseHeld } from "../store/job-postings.ts";
import { stageOutgoing } from "../store/outbox.ts";
import { weeklyCard } from "../bot/work/job-view.ts";
import { pushWindow } from "./push-window.ts";
import type { TaskDeps } from "./task-deps.ts";

export async function runWeeklyJobPush(d: TaskDeps): Promise<{ week: string; skipped?: "rest-day"; cards: number }> {
  const tz = d.config.timezone;
  const w = pushWindow(d.clock.now(), tz);
  const week = weekOf(w.today);
  if (!w.workingDay) return { week, skipped: "rest-day", cards: 0 };
  const staged: number[] = [];
  for (const p of await peopleWithHeld(d.db.prisma)) {
    // One short transaction per member: their lock, their held matches, their card.
    const ids = await d.db.prisma.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id: p.personId }, select: { name: true, larkOpenId: true } });
      if (!person?.larkOpenId) return [];
      const postingIds = await releaseHeld(tx, p.personId, p.caseId, week, d.clock.now());
      if (postingIds.length === 0) return [];
      const msg = weeklyCard({ personId: p.personId, openId: person.larkOpenId, name: person.name, caseId: p.caseId }, await postingsById(tx, postingIds), week, tz);
      return stageOutgoing(tx, [msg]);
    });
    staged.push(...ids);
  }
  await d.enqueue.delivery(staged);
  d.log.info({ week, cards: staged.length }, "weekly job push");
  return { week, cards: staged.length };
}
