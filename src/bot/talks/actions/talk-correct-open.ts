// 更正 beside one of the reader's own talk records (谈心记录): the form, filled with the record
// as it stands, in place. Only its author, within 7 days of writing it (src/domain/talk-correction.ts).
import { z } from "zod";
import { TALK_CORRECT_OPEN, talkCorrectFormCard } from "../../../../cards/talk-correct.ts";
import { correctableUntil } from "../../../domain/talk-correction.ts";
import { localDateTime } from "../../../domain/zoned-time.ts";
import { defineAction } from "../../context.ts";
import { requireCorrectableTalk } from "../correction.ts";

export const talkRef = z.object({ a: z.string(), t: z.coerce.number().int().positive().max(2_147_483_647) });

export const talkCorrectOpen = defineAction({
  id: TALK_CORRECT_OPEN,
  value: talkRef,
  async run(ctx, { value }) {
    const talk = await requireCorrectableTalk(ctx, value.t);
    const tz = ctx.config.timezone;
    // The form shows the notes: a view of a sensitive record.
    await ctx.audit({ action: "talk.view", subjectType: "Talk", subjectId: talk.id, orgId: talk.orgId, subjectPersonId: talk.memberId, changes: { memberId: talk.memberId, for: "correct" } });
    return {
      card: talkCorrectFormCard({
        talkId: talk.id,
        memberName: talk.memberName,
        recordedAt: localDateTime(talk.createdAt, tz),
        until: localDateTime(correctableUntil(talk.createdAt), tz),
        heldOn: talk.heldOn,
        form: talk.form,
        thinking: talk.thinking,
        work: talk.work,
        life: talk.life,
        concerns: talk.concerns,
        concernAreas: talk.concernAreas,
      }),
    };
  },
});
