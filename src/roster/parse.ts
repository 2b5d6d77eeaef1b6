// Reads a roster file into plain tables of cells with the line numbers the secretary sees:
// the xlsx row number, or the physical line of a CSV (header = line 1). No validation here
// beyond finding the header; the only I/O is reading the file.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { isOrgSectionMarker, looksLikeOrgHeader, looksLikePersonHeader, ORG_SHEET_NAME } from "./columns.ts";
import type { RosterProblem } from "./problems.ts";

/** A cell as read: CSV gives strings, xlsx also numbers and dates (UTC midnight of the shown day). */
export type Cell = string | number | Date | null;

export interface RawRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

export interface RawTable {
  /** For messages: undefined for the people table, "组织" for the organisation table. */
  readonly sheet: string | undefined;
  readonly headerLine: number;
  readonly header: readonly string[];
  readonly rows: readonly RawRow[];
}

export interface RawRoster {
  readonly format: "xlsx" | "csv";
  /** CSV only: the encoding the bytes were read as. */
  readonly encoding?: "utf-8" | "gb18030";
  readonly people: RawTable | undefined;
  readonly orgs: RawTable | undefined;
  readonly problems: RosterProblem[];
}

export type RosterSource = string | { readonly name: string; readonly data: Uint8Array };

/** Title rows above the header are allowed ("XX党支部党员名单"), but not many. */
const HEADER_SEARCH_ROWS = 5;

export async function readRoster(source: RosterSource): Promise<RawRoster> {
  const name = typeof source === "string" ? source : source.name;
  const data = typeof source === "string" ? await readFile(source) : source.data;
  const ext = extname(name).toLowerCase();
  if (ext === ".xlsx") return parseXlsx(data);
  if (ext === ".csv" || ext === ".txt") return parseCsvRoster(data);
  return {
    format: "csv",
    people: undefined,
    orgs: undefined,
    problems: [{ line: 0, message: `不支持的文件类型“${ext || name}”：请另存为 .xlsx 或 .csv（UTF-8）` }],
  };
}

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
const headerText = (cells: readonly Cell[]) => cells.map((c) => (c === null ? "" : String(c).trim()));

/** Finds the header among the first rows, then keeps the non-blank rows after it. */
function toTable(
  sheet: string | undefined,
  rows: readonly RawRow[],
  isHeader: (cells: readonly string[]) => boolean,
  problems: RosterProblem[],
  missingHeader: string,
): RawTable | undefined {
  const nonBlank = rows.filter((r) => !isBlank(r.cells));
  const at = nonBlank.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeader(headerText(r.cells)));
  if (at < 0) {
    problems.push({ sheet, line: nonBlank[0]?.line ?? 1, message: missingHeader });
    return undefined;
  }
  const header = nonBlank[at]!;
  return { sheet, headerLine: header.line, header: headerText(header.cells), rows: nonBlank.slice(at + 1) };
}

const PEOPLE_HEADER_MISSING = "找不到表头：第一行应是列名，且包含“姓名”列（请使用花名册模板）";
const ORG_HEADER_MISSING = "找不到组织表的表头：应包含“编码”“名称”“类型”“上级编码”列";

// ---- xlsx -------------------------------------------------------------------------------

/** Sheets that are not the people list even when placed first. */
const NOT_PEOPLE = new Set([ORG_SHEET_NAME, "填写说明", "说明"]);

async function parseXlsx(data: Uint8Array): Promise<RawRoster> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer flavour; the bytes are what matter.
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch {
    return { format: "xlsx", people: undefined, orgs: undefined, problems: [{ line: 0, message: "无法读取该 Excel 文件：文件可能已损坏，或不是 .xlsx 格式（.xls 请另存为 .xlsx）" }] };
  }
  const problems: RosterProblem[] = [];
  const peopleSheet = wb.worksheets.find((ws) => !NOT_PEOPLE.has(ws.name.trim()));
  const orgSheet = wb.worksheets.find((ws) => ws.name.trim() === ORG_SHEET_NAME);
  const people = peopleSheet
    ? toTable(undefined, sheetRows(peopleSheet), looksLikePersonHeader, problems, PEOPLE_HEADER_MISSING)
    : undefined;
  if (!peopleSheet) problems.push({ line: 0, message: "文件里没有党员名单工作表" });
  const orgs =
    orgSheet && sheetRows(orgSheet).some((r) => !isBlank(r.cells))
      ? toTable(ORG_SHEET_NAME, sheetRows(orgSheet), looksLikeOrgHeader, problems, ORG_HEADER_MISSING)
      : undefined;
  return { format: "xlsx", people, orgs, problems };
}

function sheetRows(ws: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxValue(row.getCell(c).value));
    rows.push({ line: row.number, cells });
  });
  return rows;
}

/** Rich text, hyperlinks (Excel links every typed e-mail) and formulas all reduce to what is shown. */
function xlsxValue(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text) {
        return (text as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
      }
      return String(v.hyperlink).replace(/^mailto:/i, "");
    }
    if ("result" in v) return xlsxValue((v as { result?: ExcelJS.CellValue }).result);
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

// ---- csv --------------------------------------------------------------------------------

/**
 * UTF-8 with or without BOM; otherwise GB18030 (a superset of GBK), which is what Excel on a
 * Chinese Windows writes for "CSV (逗号分隔)". Node's ICU decodes it, so this costs nothing.
 */
export function decodeCsv(data: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(data), encoding: "gb18030" };
  }
}

function parseCsvRoster(data: Uint8Array): RawRoster {
  const { text, encoding } = decodeCsv(data);
  const problems: RosterProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    problems.push({ line, message: `CSV 格式错误（${(err as Error).message}）：请检查引号是否成对` });
    return { format: "csv", encoding, people: undefined, orgs: undefined, problems };
  }
  // csv-parse reports the line a record ends on; a quoted cell may span lines, so step back.
  const rows: RawRow[] = records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  const marker = rows.findIndex((r) => isOrgSectionMarker(r.cells as string[]));
  const peopleRows = marker < 0 ? rows : rows.slice(0, marker);
  const orgRows = marker < 0 ? [] : rows.slice(marker + 1);
  return {
    format: "csv",
    encoding,
    people: toTable(undefined, peopleRows, looksLikePersonHeader, problems, PEOPLE_HEADER_MISSING),
    orgs: marker < 0 ? undefined : toTable(undefined, orgRows, looksLikeOrgHeader, problems, ORG_HEADER_MISSING),
    problems,
  };
}
