// The talk ledger of a branch WITH the notes (导出谈心记录), as the file the branch secretary asks
// for in chat: one sheet, the same columns as the quarterly ledger's with notes. Who asked and
// for which branch is audited by the caller, line by line for each member whose notes are in it.
import ExcelJS from "exceljs";
import type { LedgerTalk } from "../store/talk-ledger.ts";
import { addTalksSheet } from "./ledger-workbook.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";

export function buildTalkNotesWorkbook(talks: LedgerTalk[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心";
  addTalksSheet(wb, talks, true);
  return neutraliseWorkbook(wb);
}
