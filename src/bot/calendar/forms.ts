// What the calendar card's buttons and form carry, checked by the router with these schemas.
import { z } from "zod";

/** The year a button is about; a year outside these bounds is no schedule anyone enters. */
export const yearRef = z.object({ y: z.coerce.number().int("年份无效").min(2000, "年份无效").max(2100, "年份无效") });

export const holidayRef = yearRef.extend({ n: z.string().max(40, "名称过长") });

/** The form's fields as Lark sends them: strings, date pickers as "2027-02-05 +0800"; absent when left empty. */
export const holidayForm = z.object({
  name: z.string().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  makeUp1: z.string().max(40).optional(),
  makeUp2: z.string().max(40).optional(),
});
