// "返回" on the talk form: the leader's board again, as it stands now.
import { z } from "zod";
import { defineAction } from "../../context.ts";
import { actorBoard, boardMode } from "../board-view.ts";

export const talkBoard = defineAction({
  id: "talk-board",
  value: z.object({ b: boardMode }),
  async run(ctx, { value }) {
    return { card: await actorBoard(ctx, value.b) };
  },
});
