// Stages the card that tells a leader of a new urgent talk, under the task's key: the same key
// the urgent-talk job uses, so a card staged here is never sent again from there. Aid (a help
// request) and 困难上报 both open urgent talks.
import { urgentTalkCard } from "../../../cards/talk-urgent.ts";
import { urgentTalkKey, type UrgentTalkNotice } from "../../store/talk-tasks.ts";
import type { BaseContext } from "../context.ts";

export function sendUrgentNotice(ctx: Pick<BaseContext, "send">, notice: UrgentTalkNotice | null): void {
  if (!notice) return;
  const { openId, ...talk } = notice;
  ctx.send({ openId }, { card: urgentTalkCard({ ...talk, kind: "new" }) }, urgentTalkKey(talk.taskId));
}
