// The actor's talk board as a card, for the actions that answer with it ("返回", "已完成",
// a talk just recorded) and the `谈心` command.
import { z } from "zod";
import { talkBoardCard } from "../../../cards/talk-board.ts";
import type { Card, Text } from "../../../cards/kit.ts";
import { type BaseContext, todayOf } from "../context.ts";

/** Which board a button goes back to: the daily digest or the full `谈心` list. */
export const boardMode = z.enum(["digest", "list"]);

/** The actor's board in the given mode as it stands now, with an optional line on top. */
export async function actorBoard(ctx: BaseContext, mode: "digest" | "list", notice?: Text): Promise<Card> {
  const board = await ctx.store.talkBoard.loadBoard({
    leaderId: ctx.actor.personId,
    leaderName: ctx.actor.name,
    mode,
    today: todayOf(ctx),
    timeZone: ctx.config.timezone,
  });
  return talkBoardCard(notice ? { ...board, notice } : board);
}
