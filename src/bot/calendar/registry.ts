// The national holiday schedule (节假日安排): this area's commands and card actions, spread into the one registry (src/bot/registry.ts).
import type { CardAction, Command } from "../context.ts";
import { calendarAdd } from "./actions/calendar-add.ts";
import { calendarConfirm } from "./actions/calendar-confirm.ts";
import { calendarOpen } from "./actions/calendar-open.ts";
import { calendarRemove } from "./actions/calendar-remove.ts";
import { holidayImport } from "./commands/holiday-import.ts";
import { holidaySchedule } from "./commands/holiday-schedule.ts";

export const CALENDAR_COMMANDS: readonly Command[] = [holidaySchedule, holidayImport];

// Each action keeps its own value/form types in its file; the list erases them.
export const CALENDAR_ACTIONS: readonly CardAction<any, any>[] = [calendarOpen, calendarAdd, calendarRemove, calendarConfirm];
