// npm run calendar:import -- FILE [--year 2027] [--actor ou_xxx]
// Imports a year's official holiday schedule (lines "date,休|班[,name]", e.g. 2027-02-05,休,春节;
// a span 2027-02-05至2027-02-11 may stand for its days) into the database the app uses
// (DATABASE_URL, else PGlite under PGLITE_DIR), replacing what was entered for that year, and
// audits it. The year is --year, else the year of the file's first date. One bad line and
// nothing changes: every bad line is listed with what to fix.
// Exit codes: 0 imported; 1 the file has bad lines; 2 could not run.
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { ConfigError, parseConfig } from "../src/config.ts";
import { parseSchedule, readYear, scheduleEntries, scheduleProblemsText } from "../src/domain/holiday-schedule.ts";
import { dayIn } from "../src/domain/zoned-time.ts";
import { createLogger } from "../src/log.ts";
import { openDatabase, type Database } from "../src/store/db.ts";
import { migrate } from "../src/store/migrate.ts";
import { inTransaction, storesOn } from "../src/store/stores.ts";

const USAGE = "用法 usage: npm run calendar:import -- <节假日安排.csv> [--year 2027] [--actor <open_id>]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { year: { type: "string" }, actor: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = args.positionals[0];
  if (args.values.help || !file || args.positionals.length > 1) {
    console.error(USAGE);
    return args.values.help ? 0 : 2;
  }
  if (!existsSync(file)) {
    console.error(`找不到文件 file not found: ${file}`);
    return 2;
  }
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    return 2;
  }

  const entries = scheduleEntries(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  const today = dayIn(new Date(), config.timezone);
  const yearWord = args.values.year ?? entries[0]?.[0]?.slice(0, 4) ?? "";
  const year = readYear(yearWord, today);
  if (!year.ok) {
    console.error(`${year.problem.zh}\n${year.problem.en}\n${USAGE}`);
    return 2;
  }
  const parsed = parseSchedule(entries, year.value);
  if (!parsed.ok) {
    const text = scheduleProblemsText(year.value, parsed.problems);
    console.error(`${text.zh}\n\n${text.en}`);
    return 1;
  }

  const log = createLogger(config.logLevel, pino.destination(2));
  let db: Database | undefined;
  try {
    db = await openDatabase(config);
    await migrate(db.sql, { log: (msg) => log.info(msg) });
    const actor = args.values.actor ? await storesOn(db).people.holderOfOpenId(args.values.actor) : null;
    const lines = (days: typeof parsed.days) => days.map((d) => `${d.day} ${d.kind === "HOLIDAY" ? "休" : "班"}${d.name ? ` ${d.name}` : ""}`);
    await inTransaction(db.prisma, async (store) => {
      await store.calendar.lockYear(year.value);
      const before = await store.calendar.replaceYear({ year: year.value, days: parsed.days, byId: actor?.id ?? null, at: new Date() });
      const top = (await store.calendar.topOrgs())[0];
      await store.audit.audit({
        actorId: actor?.id ?? null,
        actorOpenId: args.values.actor ?? null,
        action: "calendar.import",
        subjectType: "CalendarYear",
        subjectId: year.value,
        orgId: top?.id ?? null,
        changes: { via: `cli ${basename(file)}`, before: lines(before), after: lines(parsed.days) },
      });
    });
    const off = parsed.days.filter((d) => d.kind === "HOLIDAY").length;
    console.log(`已导入 ${year.value} 年节假日安排：${off} 个放假日、${parsed.days.length - off} 个调休上班日（此前录入的 ${year.value} 年安排已被替换）。`);
    console.log(`Imported the ${year.value} schedule: ${off} days off, ${parsed.days.length - off} make-up working days.`);
    return 0;
  } catch (err) {
    console.error(err);
    return 2;
  } finally {
    await db?.close();
  }
}

process.exitCode = await main();
