// The aid sheets of the branch ledger (台账): the hardship archive, and aid paid this year by
// fund source.
import type ExcelJS from "exceljs";
import { SOURCE_LABEL } from "../domain/aid-rules.ts";
import type { BranchAnalysis } from "../domain/branch-analysis.ts";
import { CAUSE_LABEL, HARDSHIP_STATUS_LABEL, LEVEL_LABEL, type HardshipCause } from "../domain/hardship-rules.ts";
import type { LedgerEntry } from "../store/talk-ledger.ts";
import { sheet, yuan } from "./sheet.ts";

export function addArchiveSheet(wb: ExcelJS.Workbook, archive: LedgerEntry[]): void {
  const hs = sheet(wb, "困难档案", [
    { header: "党员", key: "member", width: 12 },
    { header: "状态", key: "status", width: 10 },
    { header: "级别", key: "level", width: 10 },
    { header: "困难原因", key: "causes", width: 24 },
    { header: "下次复核", key: "next", width: 14 },
    { header: "解困日期", key: "resolved", width: 14 },
  ]);
  for (const e of archive) {
    hs.addRow({
      member: e.memberName,
      status: HARDSHIP_STATUS_LABEL[e.status].zh,
      level: LEVEL_LABEL[e.level].zh,
      causes: e.causes.map((c) => CAUSE_LABEL[c as HardshipCause]?.zh ?? c).join("、"),
      next: e.status === "ACTIVE" ? e.nextReviewOn : "",
      resolved: e.resolvedOn ?? "",
    });
  }
}

export function addAidPaidSheet(wb: ExcelJS.Workbook, paid: BranchAnalysis["aidPaid"]): void {
  const ms = sheet(wb, "帮扶资金", [
    { header: "来源", key: "source", width: 20 },
    { header: `${paid.year}年累计支出（元）`, key: "yuan", width: 24 },
  ]);
  for (const s of ["LOCAL_FINANCE", "PARTY_FEE", "DONATION"] as const) ms.addRow({ source: SOURCE_LABEL[s].zh, yuan: yuan(paid.bySource[s]) });
  ms.addRow({ source: "合计", yuan: yuan(paid.totalFen) });
}
