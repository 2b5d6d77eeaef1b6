import type { Command } from "../../context.ts";
import { ownOpenRequest, urgeRequest } from "../member-moves.ts";

/** 催办 [编号]: reminds the deciders of one's own request waiting for a decision, once a day. */
export const aidUrgeCommand: Command = {
  name: "催办",
  aliases: ["催一下", "urge"],
  summary: { zh: "提醒审批人尽快处理您的帮扶申请（每天一次）：「催办」或「催办 编号」", en: "remind the deciders of your request (once a day): \"催办 <number>\"" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const req = await ownOpenRequest(ctx, ctx.args, "催办");
    const { toast } = await urgeRequest(ctx, req);
    ctx.reply({ text: toast.text });
  },
};
