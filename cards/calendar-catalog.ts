// The calendar cards with sample data, for the catalog (cards/catalog.ts) the sandbox renders.
import type { Card } from "./kit.ts";
import { calendarMissingCard, calendarYearCard } from "./calendar.ts";

const groups = [
  { name: "元旦", off: [{ from: "2027-01-01", to: "2027-01-03" }], makeUp: [] },
  { name: "春节", off: [{ from: "2027-02-05", to: "2027-02-13" }], makeUp: ["2027-01-31", "2027-02-20"] },
  { name: "国庆节", off: [{ from: "2027-10-01", to: "2027-10-07" }], makeUp: ["2027-09-26", "2027-10-09"] },
];

export const CALENDAR_CARDS: Record<string, () => Card> = {
  "calendar-year": () =>
    calendarYearCard({ year: 2027, today: "2026-12-03", source: "OFFICIAL", enteredBy: "王建国", enteredOn: "2026-12-01", groups, canEdit: true, banner: { zh: "✅ 已保存「国庆节」。", en: "✅ 国庆节 saved." } }),
  "calendar-year-library": () => calendarYearCard({ year: 2026, today: "2026-12-03", source: "LIBRARY", enteredBy: null, enteredOn: null, groups, canEdit: true }),
  "calendar-year-readonly": () => calendarYearCard({ year: 2027, today: "2026-12-03", source: "BUILT_IN", enteredBy: null, enteredOn: null, groups: [], canEdit: false }),
  "calendar-missing": () => calendarMissingCard({ name: "王建国", year: 2027, source: "BUILT_IN" }),
};
