// npm run roster:template: (re)writes docs/roster-template.xlsx and .csv from
// src/roster/template.ts. Run it after changing the columns; test/roster/template.test.ts fails
// until the files in docs/ match.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { templateCsv, templateWorkbook } from "../src/roster/template.ts";
import { PROJECT_ROOT } from "../src/store/migrate.ts";

const xlsx = join(PROJECT_ROOT, "docs", "roster-template.xlsx");
const csv = join(PROJECT_ROOT, "docs", "roster-template.csv");
await templateWorkbook().xlsx.writeFile(xlsx);
await writeFile(csv, templateCsv(), "utf8");
console.log(`wrote ${xlsx}\nwrote ${csv}`);
