// 查阅记录 as a spreadsheet: who viewed or changed one member's records, a row per audit line,
// in the same words as the card (src/domain/audit-words.ts), for the secretary to keep or pass
// on. Names and words come from people's input (a name may begin with "="), so every cell is
// neutralised before the workbook is written.
import ExcelJS from "exceljs";
import { neutraliseWorkbook } from "./safe-cell.ts";
import { sheet } from "./sheet.ts";

export interface AuditSheetRow {
  /** "2026-12-03 09:30", in the branch's zone. */
  when: string;
  /** "王建国（支部书记）". */
  who: string;
  /** "查看" or "修改". */
  kind: string;
  /** "查看了张三的困难档案". */
  what: string;
}

export interface AuditSheet {
  member: string;
  branch: string;
  /** "全部" / "查看" / "修改". */
  filter: string;
  /** When it was made, in the branch's zone, and by whom. */
  madeAt: string;
  madeBy: string;
  rows: AuditSheetRow[];
}

export async function auditLinesWorkbook(d: AuditSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, "查阅记录", [
    { header: "时间", key: "when", width: 18 },
    { header: "人员", key: "who", width: 24 },
    { header: "类别", key: "kind", width: 8 },
    { header: "内容", key: "what", width: 48 },
  ]);
  for (const r of d.rows) ws.addRow(r);
  const about = sheet(wb, "说明", [
    { header: "项目", key: "k", width: 12 },
    { header: "内容", key: "v", width: 48 },
  ]);
  for (const [k, v] of [
    ["党员", d.member],
    ["党组织", d.branch],
    ["范围", d.filter],
    ["条数", String(d.rows.length)],
    ["导出时间", d.madeAt],
    ["导出人", d.madeBy],
    ["说明", "本表列出查看或修改该党员记录的人员和时间，不含记录内容本身；此次导出已记入审计。"],
  ] as const)
    about.addRow({ k, v });
  return Buffer.from(await neutraliseWorkbook(wb).xlsx.writeBuffer());
}
