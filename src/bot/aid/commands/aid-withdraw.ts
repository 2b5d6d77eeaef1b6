import type { Command } from "../../context.ts";
import { ownOpenRequest, withdrawRequest } from "../member-moves.ts";

/** 撤回 [编号]: takes back one's own request before the decision (the only one waiting, without a number). */
export const aidWithdrawCommand: Command = {
  name: "撤回",
  aliases: ["撤回申请", "撤销申请", "withdraw"],
  summary: { zh: "撤回尚未审批的帮扶申请：「撤回」或「撤回 编号」", en: "withdraw a request not yet decided: \"撤回 <number>\"" },
  roles: "anyone",
  privateOnly: true,
  async run(ctx) {
    const req = await ownOpenRequest(ctx, ctx.args, "撤回");
    const { toast } = await withdrawRequest(ctx, req);
    ctx.reply({ text: toast.text });
  },
};
