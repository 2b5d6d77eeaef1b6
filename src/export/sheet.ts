// What every sheet of the exported workbooks shares: a bold heading row that stays in view
// while scrolling, and money shown in yuan (the store keeps integer fen).
import type ExcelJS from "exceljs";

export type Column = { header: string; key: string; width: number };

export function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return ws;
}

/** Fen as a yuan number, so the spreadsheet can still add the column up. */
export const yuan = (fen: number): number => Math.round(fen) / 100;
