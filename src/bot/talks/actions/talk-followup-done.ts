// "已完成" on a follow-up in the digest: closes it (its owner, or a secretary of the branch).
import { z } from "zod";
import { hasRole } from "../../../domain/roles.ts";
import { defineAction } from "../../context.ts";
import { notAllowed, UserError } from "../../errors.ts";
import { actorBoard, boardMode } from "../board-view.ts";

export const talkFollowUpDone = defineAction({
  id: "talk-followup-done",
  value: z.object({ f: z.coerce.number().int().positive(), b: boardMode }),
  async run(ctx, { value }) {
    const f = await ctx.store.followUps.findFollowUp(value.f);
    if (!f) throw new UserError("bad_follow_up", { zh: "找不到这项跟进事项。", en: "No such follow-up." });
    if (f.ownerId !== ctx.actor.personId && !hasRole(ctx.actor, ["SECRETARY"], f.orgId)) throw notAllowed();
    // Already closed (a second click, or someone else first): nothing to write, the board answers.
    if (f.status === "OPEN" && (await ctx.store.followUps.closeFollowUp(f.id, ctx.clock.now()))) {
      await ctx.audit({ action: "followup.done", subjectType: "FollowUp", subjectId: f.id, orgId: f.orgId, subjectPersonId: f.memberId, changes: { status: ["OPEN", "DONE"], talkId: f.talkId } });
    }
    return {
      toast: { type: "success", text: { zh: "跟进事项已完成", en: "Follow-up done" } },
      card: await actorBoard(ctx, value.b, { zh: `✅ 跟进事项「${f.description}」已完成。`, en: `✅ Follow-up “${f.description}” done.` }),
    };
  },
});
