// The fund sheets of the branch ledger (台账): every ledger line of the year so far, reversals
// (冲正) beside what they undo, and the reconciliation per source that proves the books: income
// - paid + paid back - income taken back = the balance.
import type ExcelJS from "exceljs";
import { SOURCE_LABEL } from "../domain/aid-rules.ts";
import { signedFen } from "../domain/fund-correction.ts";
import { requestLabel } from "../domain/request-label.ts";
import { localDateTime } from "../domain/zoned-time.ts";
import type { FundLedgerLine, Reconciled } from "../store/aid-fund.ts";
import { sheet, yuan } from "./sheet.ts";

function kindLabel(l: FundLedgerLine): string {
  if (l.kind === "INCOME") return l.reason ? "收入（更正）" : "收入";
  if (l.kind === "DISBURSEMENT") return "支出";
  return l.reverses?.kind === "INCOME" ? "冲正·冲减收入" : "冲正·退回支出";
}

export function addFundLedgerSheet(wb: ExcelJS.Workbook, lines: readonly FundLedgerLine[], timeZone: string, name = "资金流水"): void {
  const ws = sheet(wb, name, [
    { header: "流水号", key: "id", width: 10 },
    { header: "时间", key: "at", width: 18 },
    { header: "来源", key: "source", width: 16 },
    { header: "类型", key: "kind", width: 28 },
    { header: "金额（元，收正支负）", key: "yuan", width: 20 },
    { header: "拨付单位/受助人", key: "party", width: 18 },
    { header: "事项", key: "for", width: 16 },
    { header: "冲正的流水", key: "reverses", width: 12 },
    { header: "已被冲正", key: "reversedBy", width: 12 },
    { header: "原因", key: "reason", width: 30 },
    { header: "备注", key: "note", width: 24 },
    { header: "经办人", key: "by", width: 12 },
  ]);
  for (const l of lines) {
    ws.addRow({
      id: l.id,
      at: localDateTime(l.at, timeZone),
      source: SOURCE_LABEL[l.source].zh,
      kind: kindLabel(l),
      yuan: yuan(signedFen({ source: l.source, kind: l.kind, amountFen: l.amountFen, reverses: l.reverses?.kind ?? null })),
      party: l.payer ?? l.payeeName ?? "",
      for: l.requestNumber ?? (l.trainingId !== null ? `培训申请 ${requestLabel({ number: l.trainingNumber, id: l.trainingId })}` : ""),
      reverses: l.reverses ? `#${l.reverses.id}` : "",
      reversedBy: l.reversedById !== null ? `#${l.reversedById}` : "",
      reason: l.reason ?? "",
      note: l.note ?? "",
      by: l.recordedByName ?? "",
    });
  }
}

export function addReconciliationSheet(wb: ExcelJS.Workbook, rows: readonly Reconciled[]): void {
  const ws = sheet(wb, "资金核对", [
    { header: "来源", key: "source", width: 16 },
    { header: "台账合计（元）", key: "ledger", width: 22 },
    { header: "账面余额（元）", key: "balance", width: 22 },
    { header: "一致", key: "agrees", width: 10 },
  ]);
  for (const r of rows) ws.addRow({ source: SOURCE_LABEL[r.source].zh, ledger: yuan(r.ledgerFen), balance: yuan(r.balanceFen), agrees: r.ledgerFen === r.balanceFen ? "是" : "否" });
}
