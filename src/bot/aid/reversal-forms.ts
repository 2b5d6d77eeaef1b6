// Card values and form values of 冲正, checked at the edge (as forms.ts does for the other aid
// actions): ids are positive integers, the card to go back to is one of three, the texts stay
// strings for the domain to say exactly what is wrong with them.
import { z } from "zod";
import { FUND_SOURCES } from "../../domain/aid-rules.ts";

const id = z.number().int().positive().max(2_147_483_647);
const text = (what: string) => z.string({ error: `${what}格式不正确，请重新填写。` }).optional();

export const reversalBack = z.enum(["fund", "aid", "training"]);

/** A ledger entry, and the card the form was opened from. */
export const entryRef = z.object({ a: z.string(), e: id, b: reversalBack });

export const reverseForm = z.object({
  reason: text("冲正原因"),
  source: z.enum(FUND_SOURCES, { error: "资金来源选项无效，请重新选择。" }).optional(),
  amount: text("正确金额"),
  payer: text("拨付单位 / 捐赠人"),
  note: text("备注"),
});
