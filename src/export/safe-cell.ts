// Spreadsheet cells that cannot turn into formulas (CSV / formula injection, as OWASP
// recommends): a text cell that begins with = + - @, a tab or a carriage return gets a leading
// single quote. What people typed (a talk note, a follow-up, a name) reaches our workbooks; in
// the .xlsx it is stored as text, but re-edited in Excel or saved as CSV and opened again, "=…"
// becomes a live formula (HYPERLINK to an attacker, DDE). Numbers stay numbers: -5 is a number,
// not text that starts with "-".
import type ExcelJS from "exceljs";

const FORMULA_START = /^[=+\-@\t\r]/;

/** The value to write for one cell: text that a spreadsheet would read as a formula is quoted. */
export function safeCell<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Neutralises every text cell of every sheet, just before a workbook is written: one pass at the
 * end rather than a call at every addRow, so a column added later cannot be forgotten. Rich text
 * is quoted in its first run; formulas we write ourselves (none today) are left alone.
 */
export function neutraliseWorkbook(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === "string") {
          const safe = safeCell(v);
          if (safe !== v) cell.value = safe;
        } else if (v && typeof v === "object" && "richText" in v && v.richText.length > 0) {
          const [first, ...rest] = v.richText;
          if (first && FORMULA_START.test(first.text)) cell.value = { richText: [{ ...first, text: `'${first.text}` }, ...rest] };
        }
      });
    });
  });
  return wb;
}
