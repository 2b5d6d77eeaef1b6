// A report's button on the 导出 card: the file is built and sent to the clicker in this chat,
// checked and audited as the command is (src/bot/work/export-reports.ts).
import { z } from "zod";
import { EXPORT_ACTION } from "../../../../cards/export-menu.ts";
import { defineAction, todayOf } from "../../context.ts";
import { UserError } from "../../errors.ts";
import { REPORT_WORD, reportPeriod, sendReport } from "../export-reports.ts";

export const exportReport = defineAction({
  id: EXPORT_ACTION,
  value: z.object({ r: z.enum(["ledger", "talk-ledger", "visit-report", "fund-ledger"]), p: z.string().max(8) }),
  async run(ctx, { value }) {
    const period = reportPeriod(value.r, value.p, todayOf(ctx));
    if (!period) throw new UserError("bad_period", { zh: "时段不正确，请重新发送「导出」。", en: "That period is not valid; send 导出 again." });
    await sendReport(ctx, value.r, period, (msg, key) => ctx.send({ openId: ctx.actor.openId }, msg, key));
    return { toast: { type: "success", text: { zh: `${REPORT_WORD[value.r]}已生成，稍后发送给您`, en: "The spreadsheet is on its way" } } };
  },
});
