// Exported spreadsheets never carry a live formula from what people typed (OWASP's CSV/formula
// injection advice): text starting with = + - @, tab or CR gets a leading quote; numbers,
// negative ones included, stay numbers. Checked by reading the written bytes back with exceljs.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildVisitWorkbook } from "../../src/export/visit-report.ts";
import { neutraliseWorkbook, safeCell } from "../../src/export/safe-cell.ts";
import type { TaskLine } from "../../src/store/visit-coverage.ts";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes);
  return back;
}

describe("safe cells", () => {
  it("quotes text that a spreadsheet would read as a formula, and leaves numbers and plain text alone", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.addRow(["=1+1", "+x", "-y", "@z", "\tq", "\rr", -5, 3.5, "普通文字", "a=b", "", "2026-01-01"]);
    ws.addRow([{ richText: [{ text: "=HYPERLINK(\"http://x\")" }, { text: "尾" }] }]);
    const back = (await roundTrip(neutraliseWorkbook(wb))).getWorksheet("s")!;
    const values = (back.getRow(1).values as unknown[]).slice(1);
    // XML reads a stored CR back as LF; what matters is the quote in front of it.
    expect(String(values[5])).toMatch(/^'[\r\n]r$/);
    values[5] = "CR";
    expect(values).toEqual(["'=1+1", "'+x", "'-y", "'@z", "'\tq", "CR", -5, 3.5, "普通文字", "a=b", "", "2026-01-01"]);
    expect(typeof values[6]).toBe("number");
    expect(back.getCell("A2").value).toEqual({ richText: [{ text: "'=HYPERLINK(\"http://x\")" }, { text: "尾" }] });
    expect(back.getCell("A1").formula).toBeUndefined();
  });

  it("safeCell quotes only strings", () => {
    expect(safeCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
    expect(safeCell("正常")).toBe("正常");
  });

  it("the visit report's writer neutralises what visitors typed", async () => {
    const task: TaskLine = {
      id: 1,
      orgName: "第一党支部",
      festival: "MID_AUTUMN",
      year: 2026,
      eventKind: null,
      reason: null,
      memberName: "@张三",
      visitorName: "王五",
      dueOn: "2026-09-20",
      status: "DONE",
      visitedOn: "2026-09-18",
      how: null,
      amountFen: 50_000,
      fundSource: null,
      goods: "+月饼两盒",
      notes: "=HYPERLINK(\"http://evil.example\",\"点此\")",
      escalated: false,
    };
    const wb = buildVisitWorkbook([], [task], { title: "t", today: "2026-09-30", names: () => "中秋走访（2026）" });
    const sheet = (await roundTrip(wb)).getWorksheet("走访明细")!;
    const row = sheet.getRow(2);
    const cells = (row.values as unknown[]).slice(1);
    expect(cells).toContain("'@张三");
    expect(cells).toContain("'+月饼两盒");
    expect(cells).toContain("'=HYPERLINK(\"http://evil.example\",\"点此\")");
    // The money column is still a number.
    expect(cells).toContain(500);
  });
});
