// The official holiday schedule as the top organisation enters it from the State Council's
// notice (国务院办公厅关于某年部分节假日安排的通知): either line by line ("2027-02-05 休 春节",
// from chat or a file), or one holiday at a time on the form card (名称, 放假起止, 调休上班日).
// Every bad line is named with what to fix, so one answer lets the person correct them all;
// nothing is written unless the whole input is good. Pure.
import { addDays, type Day, daysBetween, parseDay, weekday } from "./calendar-day.ts";
import { dateWords, spanWords } from "./date-words.ts";
import { problem, type Parsed, type Problem } from "./problem.ts";
import type { Text } from "./text.ts";
import type { DayKind, ScheduleDay } from "./working-days.ts";

/** The longest break a line or a form may enter at once (the longest in practice is nine days). */
export const MAX_RANGE_DAYS = 31;
export const NAME_MAX = 20;

const OFF_WORDS = ["休", "休息", "放假", "假", "休假", "假日", "节假日"];
const ON_WORDS = ["班", "上班", "补班", "调休上班", "工作日"];

/** 休 → HOLIDAY, 班 → WORKDAY; null for any other word. */
export function kindOfWord(word: string): DayKind | null {
  const w = word.trim().toLowerCase();
  if (OFF_WORDS.includes(w) || w === "off" || w === "holiday") return "HOLIDAY";
  if (ON_WORDS.includes(w) || w === "work" || w === "workday") return "WORKDAY";
  return null;
}

const isWeekend = (day: Day) => weekday(day) === 0 || weekday(day) === 6;

export interface LineProblem {
  /** 1-based number of the entry (a line of a file; in chat, where Lark joins lines, the n-th date). */
  line: number;
  /** The entry as written. */
  text: string;
  why: Text;
}

/**
 * The entries of a pasted or uploaded text: one per line, and within a line a new entry at
 * every word that starts with four digits (a chat message arrives with its lines joined by
 * spaces). Commas, semicolons and tabs separate words as spaces do, so a CSV reads the same.
 * Blank lines, # comments and a heading line (日期,类型,名称) are skipped.
 */
export function scheduleEntries(text: string): string[][] {
  const out: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/[,，;；\t|]/g, " ").trim();
    if (!line || line.startsWith("#")) continue;
    const words = line.split(/\s+/);
    if (out.length === 0 && words[0] && !/^\d/.test(words[0]) && /日期|date/i.test(words[0])) continue;
    let current: string[] | null = null;
    for (const w of words) {
      if (/^\d{4}/.test(w) || current === null) out.push((current = [w]));
      else current.push(w);
    }
  }
  return out;
}

/** "2027-02-05", or a span "2027-02-05至2027-02-11" (also ~, ～, --, ..). */
function readDays(word: string): { from: Day; to: Day } | Text {
  const parts = word.split(/至|~|～|--|\.\.|—/);
  if (parts.length > 2) return { zh: `「${word}」不是日期或日期范围`, en: `"${word}" is not a date or a range` };
  const [a, b] = [parts[0]!, parts[1] ?? parts[0]!];
  const from = parseDay(a);
  const to = parseDay(b);
  if (!from) return badDate(a);
  if (!to) return badDate(b);
  if (to < from) return { zh: `${b} 早于 ${a}，请把较早的日期写在前面`, en: `${b} is before ${a}; put the earlier date first` };
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return { zh: `${a} 至 ${b} 超过 ${MAX_RANGE_DAYS} 天，请检查日期`, en: `${a} to ${b} is longer than ${MAX_RANGE_DAYS} days` };
  return { from, to };
}

function badDate(word: string): Text {
  return { zh: `「${word}」不是有效日期（请写成 2027-02-05 这样的日期）`, en: `"${word}" is not a real date (write it as 2027-02-05)` };
}

/**
 * The days of a year's schedule from its entries ("date 休|班 [name]"), or every entry's
 * problem: an impossible date, a date outside the year, a word other than 休/班, a make-up
 * working day that is not a weekend, the same day given both ways.
 */
export function parseSchedule(entries: readonly string[][], year: number): { ok: true; days: ScheduleDay[] } | { ok: false; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const byDay = new Map<Day, ScheduleDay>();
  entries.forEach((words, i) => {
    const text = words.join(" ");
    const fail = (why: Text) => problems.push({ line: i + 1, text, why });
    const span = readDays(words[0]!);
    if ("zh" in span) return fail(span);
    if (Number(span.from.slice(0, 4)) !== year || Number(span.to.slice(0, 4)) !== year) {
      return fail({ zh: `${words[0]} 不在 ${year} 年内（这次录入的是 ${year} 年的安排）`, en: `${words[0]} is not in ${year}, the year being entered` });
    }
    if (!words[1]) return fail({ zh: "缺少「休」或「班」", en: "休 (day off) or 班 (working day) is missing" });
    const kind = kindOfWord(words[1]);
    if (!kind) return fail({ zh: `「${words[1]}」不是「休」或「班」`, en: `"${words[1]}" is neither 休 (day off) nor 班 (working day)` });
    const name = words.slice(2).join(" ").trim() || null;
    if (name && name.length > NAME_MAX) return fail({ zh: `名称「${name}」超过 ${NAME_MAX} 个字`, en: `the name is longer than ${NAME_MAX} characters` });
    const days: Day[] = [];
    for (let d = span.from; d <= span.to; d = addDays(d, 1)) days.push(d);
    if (kind === "WORKDAY") {
      const weekdays = days.filter((d) => !isWeekend(d));
      if (weekdays.length > 0) return fail({ zh: `${weekdays.join("、")} 本来就是工作日：调休上班日应是周六或周日`, en: `${weekdays.join(", ")} is a weekday already; a make-up working day is a Saturday or Sunday` });
    }
    for (const d of days) {
      const before = byDay.get(d);
      if (before && before.kind !== kind) return fail({ zh: `${d} 在前面已写为「${before.kind === "HOLIDAY" ? "休" : "班"}」，同一天不能既休又班`, en: `${d} was already given the other way` });
    }
    for (const d of days) if (!byDay.has(d)) byDay.set(d, { day: d, kind, name });
  });
  if (entries.length === 0) problems.push({ line: 0, text: "", why: { zh: "没有读到任何日期行（每行一天或一段：2027-02-05 休 春节）", en: "no date lines found (one per line: 2027-02-05 休 春节)" } });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, days: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)) };
}

/** The answer listing every bad line, in Chinese and English. */
export function scheduleProblemsText(year: number, problems: readonly LineProblem[]): Text {
  const zh = problems.map((p) => (p.line === 0 ? `· ${p.why.zh}` : `· 第 ${p.line} 行「${p.text}」：${p.why.zh}`));
  const en = problems.map((p) => (p.line === 0 ? `· ${p.why.en}` : `· line ${p.line} "${p.text}": ${p.why.en}`));
  return {
    zh: [`${year} 年节假日安排未导入，以下 ${problems.length} 行需要修改（其余各行也未保存）：`, ...zh, "改正后请重新发送全部内容。"].join("\n"),
    en: [`The ${year} schedule was not imported; fix these ${problems.length} lines (nothing was saved):`, ...en, "Send the whole list again once corrected."].join("\n"),
  };
}

/** One holiday of a year's schedule as the card shows it: its days off as spans, its make-up working days. */
export interface ScheduleGroup {
  name: string | null;
  off: { from: Day; to: Day }[];
  makeUp: Day[];
}

/** The year's days grouped by holiday name, in the order the holidays come. */
export function groupSchedule(days: readonly ScheduleDay[]): ScheduleGroup[] {
  const groups = new Map<string, ScheduleGroup & { first: Day }>();
  for (const d of [...days].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    const key = d.name ?? "";
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { name: d.name, off: [], makeUp: [], first: d.day }));
    if (d.kind === "WORKDAY") g.makeUp.push(d.day);
    else {
      const last = g.off.at(-1);
      if (last && addDays(last.to, 1) === d.day) last.to = d.day;
      else g.off.push({ from: d.day, to: d.day });
    }
    if (d.day < g.first) g.first = d.day;
  }
  // A holiday is placed by its first day off (a make-up Sunday before the break does not move it).
  const firstOf = (g: ScheduleGroup & { first: Day }) => g.off[0]?.from ?? g.first;
  return [...groups.values()].sort((a, b) => (firstOf(a) < firstOf(b) ? -1 : 1)).map(({ first: _first, ...g }) => g);
}

/** "春节：2月5日至11日休，1月31日、2月20日上班". */
export function groupWords(g: ScheduleGroup, today?: Day): Text {
  const off = g.off.map((s) => spanWords(s.from, s.to, today));
  const on = g.makeUp.map((d) => dateWords(d, today));
  const name = g.name ?? "（未命名）";
  const zh = [off.length ? `${off.map((x) => x.zh).join("、")}放假` : "", on.length ? `${on.map((x) => x.zh).join("、")}调休上班` : ""].filter(Boolean).join("；");
  const en = [off.length ? `off ${off.map((x) => x.en).join(", ")}` : "", on.length ? `working ${on.map((x) => x.en).join(", ")}` : ""].filter(Boolean).join("; ");
  return { zh: `**${name}**：${zh}`, en: `**${g.name ?? "(unnamed)"}**: ${en}` };
}

/** A holiday as the form card enters it. */
export interface HolidayInput {
  name: string | undefined;
  from: string | undefined;
  to: string | undefined;
  makeUp: (string | undefined)[];
}

/**
 * The year's schedule with one holiday entered from the form: its days off and make-up days
 * replace those of a holiday of the same name (entering 春节 again corrects it), and may not
 * overlap another holiday's days.
 */
export function withHoliday(existing: readonly ScheduleDay[], input: HolidayInput, year: number): Parsed<{ days: ScheduleDay[]; added: ScheduleDay[] }> {
  const name = input.name?.trim() ?? "";
  if (!name) return fail("name_missing", "请填写节日名称（例如 春节）。", "Enter the holiday's name (e.g. 春节).");
  if (name.length > NAME_MAX) return fail("name_long", `节日名称不能超过 ${NAME_MAX} 个字。`, `The name may have at most ${NAME_MAX} characters.`);
  const from = input.from ? parseDay(input.from) : null;
  const to = input.to ? parseDay(input.to) : from;
  if (!from) return fail("from_missing", "请选择放假的第一天。", "Choose the first day off.");
  if (!to) return fail("to_bad", "请选择放假的最后一天。", "Choose the last day off.");
  if (to < from) return fail("to_before_from", "放假的最后一天不能早于第一天。", "The last day off cannot be before the first.");
  if (Number(from.slice(0, 4)) !== year || Number(to.slice(0, 4)) !== year) return fail("wrong_year", `放假日期须在 ${year} 年内（这张卡片录入的是 ${year} 年的安排）。`, `The days off must be in ${year}, the year this card enters.`);
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) return fail("too_long", `放假不能超过 ${MAX_RANGE_DAYS} 天，请检查日期。`, `A break cannot be longer than ${MAX_RANGE_DAYS} days.`);
  const makeUp: Day[] = [];
  for (const raw of input.makeUp) {
    if (!raw) continue;
    const d = parseDay(raw);
    if (!d) return fail("makeup_bad", `调休上班日「${raw}」不是有效日期。`, `"${raw}" is not a real date.`);
    if (Number(d.slice(0, 4)) !== year) return fail("makeup_year", `调休上班日 ${d} 不在 ${year} 年内。`, `The make-up day ${d} is not in ${year}.`);
    if (!isWeekend(d)) return fail("makeup_weekday", `${d} 本来就是工作日：调休上班日应是周六或周日。`, `${d} is a weekday already; a make-up working day is a Saturday or Sunday.`);
    if (d >= from && d <= to) return fail("makeup_inside", `调休上班日 ${d} 在放假期间内，请检查。`, `The make-up day ${d} is inside the break.`);
    if (!makeUp.includes(d)) makeUp.push(d);
  }
  const added: ScheduleDay[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) added.push({ day: d, kind: "HOLIDAY", name });
  for (const d of makeUp) added.push({ day: d, kind: "WORKDAY", name });
  const kept = existing.filter((d) => d.name !== name);
  for (const a of added) {
    const clash = kept.find((d) => d.day === a.day);
    if (clash) {
      const other = clash.name ?? "未命名的安排";
      return fail("overlap", `${a.day} 已属于「${other}」，请先删除那一项再录入。`, `${a.day} already belongs to "${clash.name ?? "an unnamed entry"}"; remove that first.`);
    }
  }
  return { ok: true, value: { days: [...kept, ...added].sort((a, b) => (a.day < b.day ? -1 : 1)), added } };
}

function fail(code: string, zh: string, en: string): { ok: false; problem: Problem } {
  return { ok: false, problem: problem(`calendar_${code}`, zh, en) };
}

/** The year an operator names ("2027", "2027年"), between last year and a few years ahead. */
export function readYear(raw: string, today: Day): Parsed<number> {
  const m = /^(\d{4})\s*年?$/.exec(raw.trim());
  const thisYear = Number(today.slice(0, 4));
  if (!m) return fail("year_bad", `「${raw.trim()}」不是年份，请写成 ${thisYear + 1} 这样的四位数字。`, `"${raw.trim()}" is not a year; write it as ${thisYear + 1}.`);
  const year = Number(m[1]);
  if (year < thisYear - 1 || year > thisYear + 3) return fail("year_range", `只能录入 ${thisYear - 1} 年至 ${thisYear + 3} 年的节假日安排。`, `Only ${thisYear - 1} to ${thisYear + 3} can be entered.`);
  return { ok: true, value: year };
}
