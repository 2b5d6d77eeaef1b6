import { CALENDAR_ACTION } from "../../../../cards/calendar.ts";
import { defineAction } from "../../context.ts";
import { mustRead } from "../access.ts";
import { yearRef } from "../forms.ts";
import { yearCard } from "../view.ts";

/** Opens a year's schedule (the reminder's button, the card's previous and next year). */
export const calendarOpen = defineAction({
  id: CALENDAR_ACTION.open,
  value: yearRef,
  async run(ctx, { value }) {
    mustRead(ctx);
    return { card: await yearCard(ctx, value.y) };
  },
});
