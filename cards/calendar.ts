// The national holiday schedule (节假日安排): the year's card with each holiday's days off and
// make-up working days, and for the top organisation's secretary or affairs worker the form to
// enter or correct a holiday from the State Council's notice; and the reminder sent from
// November while next year's official schedule is missing.
import type { Day } from "../src/domain/calendar-day.ts";
import { dateWords } from "../src/domain/date-words.ts";
import { groupWords, type ScheduleGroup } from "../src/domain/holiday-schedule.ts";
import type { YearSource } from "../src/domain/working-days.ts";
import { button, card, datePicker, form, hr, input, md, note, t, type Card, type Element, type Text } from "./kit.ts";
import { rowWithButton } from "./talk-parts.ts";

export const CALENDAR_ACTION = {
  open: "calendar-open",
  add: "calendar-add",
  remove: "calendar-remove",
  confirm: "calendar-confirm",
} as const;

export interface CalendarYearView {
  year: number;
  today: Day;
  source: YearSource;
  /** Who entered the official schedule, and on which day. */
  enteredBy: string | null;
  enteredOn: Day | null;
  groups: ScheduleGroup[];
  /** The reader may edit (a secretary or affairs worker of the top organisation). */
  canEdit: boolean;
  /** A line above the list: what the last edit did. */
  banner?: Text;
}

function sourceText(v: CalendarYearView): Text {
  if (v.source === "OFFICIAL") {
    const by = v.enteredBy ?? "管理员";
    const on = v.enteredOn ? dateWords(v.enteredOn, v.today) : null;
    return { zh: `正式安排 · ${by}${on ? `于${on.zh}` : ""}录入`, en: `Official · entered by ${v.enteredBy ?? "an operator"}${on ? ` on ${on.en}` : ""}` };
  }
  if (v.source === "LIBRARY") return t("内置节假日库 · 请对照国务院通知核对", "From the built-in library · check it against the notice");
  return t("尚未录入 · 暂按法定节假日和周末推算，调休上班日未知", "Not entered · statutory holidays and weekends assumed, make-up days unknown");
}

export function calendarYearCard(v: CalendarYearView): Card {
  const elements: Element[] = [];
  if (v.banner) elements.push(md(v.banner));
  if (v.groups.length === 0) {
    elements.push(md(t(`${v.year} 年还没有录入任何放假或调休安排。`, `Nothing is entered for ${v.year} yet.`)));
  }
  for (const g of v.groups) {
    const line = groupWords(g, v.today);
    if (v.canEdit) {
      elements.push(
        rowWithButton(line, {
          text: t("删除", "Remove"),
          action: CALENDAR_ACTION.remove,
          value: { y: v.year, n: g.name ?? "" },
          confirm: { title: t("删除这一项？", "Remove this holiday?"), text: t(`将删除「${g.name ?? "未命名"}」的全部放假和调休上班日。`, `All its days off and make-up days will be removed.`) },
        }),
      );
    } else elements.push(md(line));
  }
  elements.push(note(t("不在列表中的日子：周一至周五上班，周六、周日休息。", "Days not listed: Monday to Friday are working days, weekends are off.")));
  if (v.canEdit) {
    if (v.source === "LIBRARY") {
      elements.push(
        button({
          text: t("已核对，与国务院通知一致", "Checked: matches the notice"),
          action: CALENDAR_ACTION.confirm,
          value: { y: v.year },
          type: "primary",
        }),
      );
    }
    elements.push(hr());
    elements.push(
      form(`calendar_${v.year}`, [
        md(t("**录入或修改一个节日**（同名的会被替换）", "**Enter or correct a holiday** (one of the same name is replaced)")),
        input({ name: "name", label: t("名称", "Name"), placeholder: t("例如 春节", "e.g. 春节"), required: true, maxLength: 20 }),
        datePicker({ name: "from", placeholder: t("放假第一天", "First day off"), required: true }),
        datePicker({ name: "to", placeholder: t("放假最后一天", "Last day off"), required: true }),
        datePicker({ name: "makeUp1", placeholder: t("调休上班日（可不填）", "Make-up working day (optional)") }),
        datePicker({ name: "makeUp2", placeholder: t("第二个调休上班日（可不填）", "Second make-up day (optional)") }),
        button({ text: t("保存", "Save"), action: CALENDAR_ACTION.add, value: { y: v.year }, type: "primary", name: "save", submit: true }),
      ]),
    );
    elements.push(
      note(
        t(
          `也可整年导入：发送「节假日导入 ${v.year}」，后面每行一天或一段，例如\n${v.year}-02-05 休 春节\n${v.year}-02-05至${v.year}-02-11 休 春节\n${v.year}-02-20 班 春节`,
          `Or import the whole year: send "节假日导入 ${v.year}" followed by lines such as "${v.year}-02-05 休 春节" (休 = day off, 班 = make-up working day).`,
        ),
      ),
    );
  }
  elements.push(
    columns2(
      button({ text: t(`‹ ${v.year - 1} 年`, `‹ ${v.year - 1}`), action: CALENDAR_ACTION.open, value: { y: v.year - 1 } }),
      button({ text: t(`${v.year + 1} 年 ›`, `${v.year + 1} ›`), action: CALENDAR_ACTION.open, value: { y: v.year + 1 } }),
    ),
  );
  return card({
    title: t(`${v.year} 年节假日安排`, `Holiday schedule ${v.year}`),
    subtitle: sourceText(v),
    template: v.source === "OFFICIAL" ? "green" : v.source === "LIBRARY" ? "blue" : "orange",
    elements,
  });
}

function columns2(a: Element, b: Element): Element {
  return {
    tag: "column_set",
    flex_mode: "none",
    horizontal_spacing: "8px",
    columns: [
      { tag: "column", width: "auto", elements: [a] },
      { tag: "column", width: "auto", elements: [b] },
    ],
  };
}

/** The reminder to the top organisation's secretaries, from November, while next year's official schedule is missing. */
export function calendarMissingCard(d: { name: string; year: number; source: YearSource }): Card {
  const known =
    d.source === "LIBRARY"
      ? t(`内置节假日库中已有 ${d.year} 年的安排，请对照国务院办公厅的通知核对，一致即可确认。`, `The built-in library has a ${d.year} schedule: check it against the State Council's notice and confirm it.`)
      : t(`系统还没有 ${d.year} 年的放假和调休安排，目前只能按法定节假日和周末推算，调休上班日一概不知。`, `There is no ${d.year} schedule yet: only statutory holidays and weekends are assumed, and no make-up working day is known.`);
  return card({
    title: t(`请录入 ${d.year} 年节假日安排`, `Please enter the ${d.year} holiday schedule`),
    template: "orange",
    elements: [
      md({ zh: `${d.name}同志：`, en: `${d.name},` }),
      md(known),
      md(
        t(
          "谈心提醒、复核、走访和各类推送都按这份日历避开节假日。国务院通知发布后，请点下方按钮逐项录入，或发送「节假日导入 年份」粘贴整年安排。",
          "Reminders, reviews, visits and every push keep to this calendar. Once the notice is out, open the form below or send \"节假日导入 <year>\" with the whole schedule.",
        ),
      ),
      button({ text: t(`打开 ${d.year} 年节假日安排`, `Open the ${d.year} schedule`), action: CALENDAR_ACTION.open, value: { y: d.year }, type: "primary" }),
      note(t("录入前每周提醒一次。", "You are reminded once a week until it is entered.")),
    ],
  });
}
