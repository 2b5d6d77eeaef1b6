// 返回 on the correction form: the member's talk notes again, nothing written.
import { TALK_CORRECT_BACK } from "../../../../cards/talk-correct.ts";
import { hasRole } from "../../../domain/roles.ts";
import { defineAction } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { talkNotesCardFor } from "../correction.ts";
import { talkRef } from "./talk-correct-open.ts";

export const talkCorrectBack = defineAction({
  id: TALK_CORRECT_BACK,
  value: talkRef,
  async run(ctx, { value }) {
    const talk = await ctx.store.talks.talkToCorrect(value.t);
    if (!talk) throw new UserError("unknown_talk", { zh: "找不到这条谈话记录，请重新发送「谈心记录 姓名」查看。", en: "That talk record does not exist." });
    if (!hasRole(ctx.actor, ["LEADER", "SECRETARY"], talk.orgId)) throw notAllowed();
    return { card: await talkNotesCardFor(ctx, { id: talk.memberId, name: talk.memberName }) };
  },
});
