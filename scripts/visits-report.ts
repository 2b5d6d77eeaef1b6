// npm run visits:report -- --branch <code> [--festival MID_AUTUMN] [--year 2027] [--out 走访.xlsx]
// Exports visit coverage (planned, done, overdue, money by fund source) and every visit of a
// branch and the organisations below it as .xlsx, from the database the app uses
// (DATABASE_URL, else PGlite under PGLITE_DIR). Every export is audited.
// Exit codes: 0 written; 1 bad request (unknown branch or festival, bad year); 2 could not run.
import { parseArgs } from "node:util";
import { exportVisitReport, VisitReportError } from "../src/export/visit-report.ts";
import { runScript, withStore } from "./lib/report-script.ts";

const USAGE =
  "用法 usage: npm run visits:report -- --branch <支部代码> [--festival SPRING_FESTIVAL|JULY_FIRST|MID_AUTUMN|DOUBLE_NINTH|ARMY_DAY|EVENT] [--year 2027] [--out <文件.xlsx>]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { branch: { type: "string" }, festival: { type: "string" }, year: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help || !values.branch) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    process.stderr.write(`年份应为四位数字 (year must be 4 digits): ${values.year}\n${USAGE}\n`);
    return 1;
  }
  const branch = values.branch;
  return withStore({ usage: USAGE, isBadRequest: (err) => err instanceof VisitReportError }, async (db, config) => {
    const r = await exportVisitReport(db, {
      branchCode: branch,
      festival: values.festival?.toUpperCase(),
      year: values.year ? Number(values.year) : undefined,
      out: values.out,
      now: new Date(),
      timeZone: config.timezone,
    });
    process.stdout.write(`已导出走访统计 report written: ${r.file}（${r.rows} 行统计，${r.tasks} 条走访 / ${r.rows} coverage rows, ${r.tasks} visits）\n`);
    return 0;
  });
}

runScript("visits:report", main);
