// The fund sheets of the branch ledger (台账): every ledger line of the year so far, reversals
// (冲正) beside what they undo, and the reconciliation per source that proves the books: income
// - paid + paid back - income taken back = the balance.
import type ExcelJS from "exceljs";
import { SOURCE_LABEL } from "../domain/aid-rules.ts";
import { signedFen } from "../domain/fund-correction.ts";
import { localDateTime } from "../domain/zoned-time.ts";
import type { FundLedgerLine, Reconciled } from "../store/aid-fund.ts";
import { sheet, yuan } from "./sheet.ts";

function kindLabel(l: FundLedgerLine): string {
  if (l.kind === "INCOME") return l.reason ? "收入（更正） Income (corrected)" : "收入 Income";
  if (l.kind === "DISBURSEMENT") return "支出 Paid";
  return l.reverses?.kind === "INCOME" ? "冲正·冲减收入 Reversal of income" : "冲正·退回支出 Reversal of payment";
}

export function addFundLedgerSheet(wb: ExcelJS.Workbook, lines: readonly FundLedgerLine[], timeZone: string): void {
  const ws = sheet(wb, "资金流水 Fund ledger", [
    { header: "流水号 Entry", key: "id", width: 10 },
    { header: "时间 Time", key: "at", width: 18 },
    { header: "来源 Source", key: "source", width: 16 },
    { header: "类型 Kind", key: "kind", width: 28 },
    { header: "金额（元，收正支负） Amount (CNY)", key: "yuan", width: 20 },
    { header: "拨付单位/受助人 Payer/payee", key: "party", width: 18 },
    { header: "事项 For", key: "for", width: 16 },
    { header: "冲正的流水 Reverses", key: "reverses", width: 12 },
    { header: "已被冲正 Reversed by", key: "reversedBy", width: 12 },
    { header: "原因 Reason", key: "reason", width: 30 },
    { header: "备注 Note", key: "note", width: 24 },
    { header: "经办人 Recorded by", key: "by", width: 12 },
  ]);
  for (const l of lines) {
    ws.addRow({
      id: l.id,
      at: localDateTime(l.at, timeZone),
      source: SOURCE_LABEL[l.source].zh,
      kind: kindLabel(l),
      yuan: yuan(signedFen({ source: l.source, kind: l.kind, amountFen: l.amountFen, reverses: l.reverses?.kind ?? null })),
      party: l.payer ?? l.payeeName ?? "",
      for: l.requestNumber ?? (l.trainingId !== null ? `培训申请 #${l.trainingId}` : ""),
      reverses: l.reverses ? `#${l.reverses.id}` : "",
      reversedBy: l.reversedById !== null ? `#${l.reversedById}` : "",
      reason: l.reason ?? "",
      note: l.note ?? "",
      by: l.recordedByName ?? "",
    });
  }
}

export function addReconciliationSheet(wb: ExcelJS.Workbook, rows: readonly Reconciled[]): void {
  const ws = sheet(wb, "资金核对 Reconciliation", [
    { header: "来源 Source", key: "source", width: 16 },
    { header: "台账合计（元） Ledger (CNY)", key: "ledger", width: 22 },
    { header: "账面余额（元） Balance (CNY)", key: "balance", width: 22 },
    { header: "一致 Agrees", key: "agrees", width: 10 },
  ]);
  for (const r of rows) ws.addRow({ source: SOURCE_LABEL[r.source].zh, ledger: yuan(r.ledgerFen), balance: yuan(r.balanceFen), agrees: r.ledgerFen === r.balanceFen ? "是 yes" : "否 NO" });
}
