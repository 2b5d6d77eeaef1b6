// The template in docs/ is what the importer reads: it matches the generator, and its example
// rows import without a single error.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importRoster } from "../../src/roster/import.ts";
import { templateCsv, templateWorkbook } from "../../src/roster/template.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const docs = (name: string) => new URL(`../../docs/${name}`, import.meta.url).pathname;
const REGENERATE = "docs/ is stale: run `npm run roster:template`";

/** Every sheet's cell values, which is what matters of an xlsx (zip bytes vary with time). */
function cells(wb: ExcelJS.Workbook) {
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [ws.name];
    ws.eachRow((row) => rows.push(JSON.stringify(row.values)));
    return rows;
  });
}

describe("the roster template", () => {
  it("in docs/ matches src/roster/template.ts", async () => {
    expect(await readFile(docs("roster-template.csv"), "utf8"), REGENERATE).toBe(templateCsv());
    const onDisk = new ExcelJS.Workbook();
    await onDisk.xlsx.readFile(docs("roster-template.xlsx"));
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load((await templateWorkbook().xlsx.writeBuffer()) as ArrayBuffer);
    expect(cells(onDisk), REGENERATE).toEqual(cells(fresh));
  });

  describe("imports cleanly", () => {
    let db: TestDatabase;
    beforeEach(async () => {
      db = await freshDatabase();
    });
    afterEach(async () => {
      await db.close();
    });

    for (const name of ["roster-template.xlsx", "roster-template.csv"]) {
      it(name, async () => {
        const report = await importRoster({ prisma: db.prisma, file: docs(name), now: new Date("2026-11-27T04:00:00Z") });
        expect(report.errors).toEqual([]);
        expect(report.warnings).toEqual([]);
        expect(report).toMatchObject({ ok: true, rowsImported: 4, organizations: { created: 3 }, people: { created: 4 } });
        const orgs = await db.prisma.organization.findMany({ orderBy: { id: "asc" }, select: { code: true, kind: true } });
        expect(orgs).toEqual([
          { code: "xf-dw", kind: "COMMITTEE" },
          { code: "xf-zz", kind: "GENERAL_BRANCH" },
          { code: "xf-zb1", kind: "BRANCH" },
        ]);
      });
    }
  });
});
