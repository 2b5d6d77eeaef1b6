// "保存谈心记录" on the 互相谈心 form: records one talk between two members of the branch per form
// card (a second click answers with the first record), audits it about both members (field
// names, never the notes), tells the other member privately, and answers with the record.
import { z } from "zod";
import { PEER_TALK_RECORD, peerTalkNoticeCard, peerTalkRecordedCard } from "../../../../cards/peer-talk.ts";
import { isDay } from "../../../domain/calendar-day.ts";
import { PEER_TALK_NOTES_MAX, peerTalkProblem } from "../../../domain/peer-talk.ts";
import { hasRole } from "../../../domain/roles.ts";
import { written } from "../../../store/audit.ts";
import { peerTalkNoticeKey } from "../../../store/peer-talks.ts";
import { defineAction, todayOf } from "../../context.ts";
import { fromProblem, notAllowed } from "../../errors.ts";

const form = z.object({
  peer: z.string("请选择谈心对象").trim().regex(/^\d{1,9}$/, "请选择谈心对象").transform(Number),
  // Lark's date picker submits "2027-03-01 +0800"; the day is the first ten characters.
  heldOn: z
    .string("请选择谈心日期")
    .trim()
    .transform((s) => s.slice(0, 10))
    .refine(isDay, "请选择谈心日期"),
  form: z.enum(["IN_PERSON", "PHONE", "VIDEO"], "请选择谈心方式"),
  // A bound on what is read at all; the rule (peer-talk.ts) counts characters, not UTF-16 units.
  notes: z.string().trim().max(PEER_TALK_NOTES_MAX * 2, `谈心内容请控制在 ${PEER_TALK_NOTES_MAX} 字以内`).optional(),
});

export const peerTalkRecord = defineAction({
  id: PEER_TALK_RECORD,
  value: z.object({ o: z.coerce.number().int().positive() }),
  form,
  async run(ctx, { value, form: f }) {
    const orgId = value.o;
    if (!hasRole(ctx.actor, ["MEMBER"], orgId)) throw notAllowed(["我的谈心"]);
    const today = todayOf(ctx);
    const me = ctx.actor.personId;
    const notes = f.notes || null;
    const peer = f.peer === me ? null : await ctx.store.peerTalks.peerInBranch({ orgId, personId: f.peer });
    const problem = peerTalkProblem({ recorderId: me, peerId: f.peer, peerInBranch: peer !== null, heldOn: f.heldOn, notes }, today);
    if (problem || !peer) throw fromProblem(problem!);

    const { id, created } = await ctx.store.peerTalks.recordPeerTalk({
      orgId,
      recordedById: me,
      peerId: peer.id,
      heldOn: f.heldOn,
      form: f.form,
      notes,
      formMessageId: ctx.inbound.messageId ?? null,
      at: ctx.clock.now(),
    });
    if (!created) {
      // The same form saved again (a double click): the record the first save wrote, nothing more.
      const earlier = (await ctx.store.peerTalks.peerTalk(id))!;
      return {
        toast: { type: "info", text: { zh: "这次谈心已经记录过了。", en: "This talk is already recorded." } },
        card: peerTalkRecordedCard({ peerName: earlier.peerName, heldOn: earlier.heldOn, form: earlier.form, hasNotes: earlier.notes !== null, today }),
      };
    }
    // About both members: the talk is on each one's record.
    for (const person of [peer.id, me]) {
      await ctx.audit({
        action: "peer.talk.record",
        subjectType: "PeerTalk",
        subjectId: id,
        orgId,
        subjectPersonId: person,
        changes: { recordedById: me, peerId: peer.id, heldOn: f.heldOn, form: f.form, ...written({ notes }) },
      });
    }
    if (peer.openId) ctx.send({ openId: peer.openId }, { card: peerTalkNoticeCard({ recorderName: ctx.actor.name, heldOn: f.heldOn, form: f.form }) }, peerTalkNoticeKey(id));
    return {
      toast: { type: "success", text: { zh: `已记录与${peer.name}的谈心`, en: `Talk with ${peer.name} recorded` } },
      card: peerTalkRecordedCard({ peerName: peer.name, heldOn: f.heldOn, form: f.form, hasNotes: notes !== null, peerTold: peer.openId !== null, today }),
    };
  },
});
