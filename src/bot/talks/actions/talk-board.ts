// "返回" on the talk form: the leader's board again, as it stands now.
import { z } from "zod";
import { talkBoardCard } from "../../../../cards/talk-board.ts";
import { loadBoard } from "../../../store/talk-board.ts";
import { defineAction, type ActionContext, todayOf } from "../../context.ts";
import type { Text } from "../../../../cards/kit.ts";

export const boardMode = z.enum(["digest", "list"]);

/** The actor's board in the given mode, with an optional line on top. */
export async function actorBoard(ctx: ActionContext, mode: "digest" | "list", notice?: Text) {
  const board = await loadBoard(ctx.tx, {
    leaderId: ctx.actor.personId,
    leaderName: ctx.actor.name,
    mode,
    today: todayOf(ctx),
    timeZone: ctx.config.timezone,
  });
  return talkBoardCard(notice ? { ...board, notice } : board);
}

export const talkBoard = defineAction({
  id: "talk-board",
  value: z.object({ b: boardMode }),
  async run(ctx, { value }) {
    return { card: await actorBoard(ctx, value.b) };
  },
});
