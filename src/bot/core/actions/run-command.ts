// A button that runs a command for the clicker as if they had typed its word (the suggestion
// card, the help card's row): the router runs it with the same role check, private-chat rule,
// savepoint and answers as a typed command (ActionContext.runCommand).
import { z } from "zod";
import { RUN_COMMAND_ACTION } from "../../../../cards/help.ts";
import { defineAction } from "../../context.ts";

export const runCommand = defineAction({
  id: RUN_COMMAND_ACTION,
  value: z.object({
    /** The command's name, as the card was drawn; a stale or forged one is refused by name. */
    c: z.string().min(1).max(40),
    /** Arguments the person had typed (a slip in the command word: "谈新 张三"). */
    x: z.string().max(500).optional(),
    /** Drawn for a group chat. */
    g: z.union([z.literal(1), z.literal(true)]).optional(),
  }),
  async run(ctx, { value }) {
    return ctx.runCommand(value.c, value.x ?? "", { group: value.g !== undefined });
  },
});
