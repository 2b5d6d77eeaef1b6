// Opening the spreadsheet a file message carries, as a person would: the file downloaded from the
// double's message resource and read back with exceljs, cell by cell.
import ExcelJS from "exceljs";
import type { LarkDouble, SentMessage } from "../../src/double/index.ts";

/** The workbook behind a file message the bot sent. */
export async function fileWorkbook(double: Pick<LarkDouble, "url">, m: Pick<SentMessage, "content">): Promise<ExcelJS.Workbook> {
  const fileKey = (m.content as { file_key: string }).file_key;
  const bytes = await fetch(`${double.url}/_double/resources/${fileKey}`).then(async (r) => Buffer.from(await r.arrayBuffer()));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of a sheet as it was stored (numbers stay numbers), row by row. */
export function cellsOf(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} among ${wb.worksheets.map((w) => w.name).join(", ")}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Every cell of a sheet as text (empty cells as ""), row by row. */
export const textRowsOf = (wb: ExcelJS.Workbook, name: string): string[][] => cellsOf(wb, name).map((r) => Array.from(r, (v) => String(v ?? "")));
