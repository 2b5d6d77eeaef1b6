// What the talk-notes view and the correction of a talk record share: the notes card as the
// reader may see it (each talk audited as viewed; 更正 beside the reader's own records of the
// last week), and the record a correction may touch, with the refusal that says why not.
import { talkNotesCard } from "../../../cards/talk-notes.ts";
import type { Card } from "../../../cards/kit.ts";
import { correctionRefusal } from "../../domain/talk-correction.ts";
import { hasRole } from "../../domain/roles.ts";
import { localDateTime } from "../../domain/zoned-time.ts";
import type { TalkToCorrect } from "../../store/talks.ts";
import { todayOf, type BaseContext } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";
import { auditPeerTalkViews } from "./peer-talk-view.ts";

export async function talkNotesCardFor(ctx: BaseContext, member: { id: number; name: string }): Promise<Card> {
  const tz = ctx.config.timezone;
  const now = ctx.clock.now();
  const talks = await ctx.store.talks.readableTalks(ctx.actor, member.id);
  for (const x of talks) await ctx.audit({ action: "talk.view", subjectType: "Talk", subjectId: x.id, orgId: x.orgId, subjectPersonId: member.id, changes: { memberId: member.id } });
  // Their talks with other members: for the branch's secretary and for either of the two.
  const peerTalks = await ctx.store.peerTalks.readablePeerTalks(ctx.actor, member.id);
  await auditPeerTalkViews(ctx, peerTalks);
  return talkNotesCard({
    memberName: member.name,
    today: todayOf(ctx),
    talks: talks.map((x) => ({
      ...x,
      correctable: correctionRefusal({ leaderId: x.leaderId, leaderName: x.leaderName, imported: x.imported, createdAt: x.createdAt, recordedAt: "" }, ctx.actor.personId, now) === null,
      revised: x.revisedAt ? localDateTime(x.revisedAt, tz) : null,
    })),
    peerTalks: { viewerId: ctx.actor.personId, talks: peerTalks },
  });
}

/** The record, if the actor may correct it now; otherwise the reason why not. */
export async function requireCorrectableTalk(ctx: BaseContext, talkId: number): Promise<TalkToCorrect> {
  const talk = await ctx.store.talks.talkToCorrect(talkId);
  if (!talk) throw new UserError("unknown_talk", { zh: "找不到这条谈话记录，请重新发送「谈心记录 姓名」查看。", en: "That talk record does not exist; send 谈心记录 <name> again." });
  if (!hasRole(ctx.actor, ["LEADER", "SECRETARY"], talk.orgId)) throw notAllowed();
  const refusal = correctionRefusal({ ...talk, recordedAt: localDateTime(talk.createdAt, ctx.config.timezone) }, ctx.actor.personId, ctx.clock.now());
  if (refusal) throw new UserError("not_correctable", refusal);
  return talk;
}
