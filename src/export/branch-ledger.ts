// Writes a branch's ledger (台账) for a quarter to an .xlsx file: `npm run report` and tests.
// Exporting talk notes is a view of sensitive records, so it is audited (as is every export).
import type ExcelJS from "exceljs";
import type { BranchAnalysis } from "../domain/branch-analysis.ts";
import { addDays, type Day } from "../domain/calendar-day.ts";
import { dayIn, startOfDayIn } from "../domain/zoned-time.ts";
import { parseQuarter, type Quarter } from "../domain/quarter.ts";
import type { Database } from "../store/db.ts";
import { storesOn, type Stores } from "../store/stores.ts";
import type { LedgerTalk } from "../store/talk-ledger.ts";
import { addFundLedgerSheet, addReconciliationSheet } from "./fund-ledger.ts";
import { buildLedger } from "./ledger-workbook.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";

export class LedgerError extends Error {
  override readonly name = "LedgerError";
}

export interface LedgerRequest {
  branchCode: string;
  quarter: string;
  out?: string;
  withNotes?: boolean;
  /**
   * Who ran a server-side export (the operating-system user and host): a script has no Lark
   * identity, so the audit line names the account that held the database's credentials.
   */
  ranBy?: { osUser: string; host: string };
  now: Date;
  timeZone: string;
}

export async function exportBranchLedger(db: Database, r: LedgerRequest): Promise<{ file: string; talks: number; members: number }> {
  const period = parseQuarter(r.quarter);
  if (!period) throw new LedgerError(`季度格式如 2027Q1 (quarter like 2027Q1): ${r.quarter}`);
  const today = dayIn(r.now, r.timeZone);
  if (period.start > today) throw new LedgerError(`${period.label} 还没有开始 (has not started)`);
  const store = storesOn(db);
  const org = await store.orgs.orgByCode(r.branchCode);
  if (!org) throw new LedgerError(`没有代码为 ${r.branchCode} 的组织 (no organisation with code ${r.branchCode})`);
  if (org.kind !== "BRANCH") throw new LedgerError(`${r.branchCode} 不是党支部 (not a branch)`);

  const withNotes = r.withNotes ?? false;
  const { wb, talks, analysis: a } = await branchLedgerWorkbook(store, { org, period, today, timeZone: r.timeZone, now: r.now, withNotes });
  const file = r.out ?? `台账-${org.code}-${period.label}.xlsx`;
  await wb.xlsx.writeFile(file);
  await store.audit.audit({
    actorId: null,
    action: withNotes ? "talk.export-notes" : "talk.export",
    subjectType: "Organization",
    subjectId: org.id,
    orgId: org.id,
    changes: { quarter: period.label, file, talks: talks.map((t) => t.id), ...(r.ranBy ? { ranBy: r.ranBy } : {}) },
  });
  return { file, talks: talks.length, members: a.members };
}

export interface BranchLedgerQuery {
  org: { id: number; name: string };
  period: Quarter;
  today: Day;
  timeZone: string;
  now: Date;
  withNotes: boolean;
}

/**
 * The ledger of one branch as a workbook (neutralised), from the caller's stores: the script
 * writes it to a file, the chat's 导出台账 sends it. The caller audits the export.
 */
export async function branchLedgerWorkbook(store: Stores, q: BranchLedgerQuery): Promise<{ wb: ExcelJS.Workbook; talks: LedgerTalk[]; analysis: BranchAnalysis }> {
  const { org, period, timeZone, withNotes } = q;
  const rules = (await store.branchRules.loadBranchRules({ orgIds: [org.id] })).get(org.id)!;
  const a = await store.branchAnalysis.analyseBranch({ org, rules, period, today: q.today, timeZone });
  const talks = await store.talkLedger.ledgerTalks({ orgId: org.id, start: period.start, end: a.asOf, withNotes });
  const archive = await store.talkLedger.ledgerArchive({ orgId: org.id, timeZone });
  // The fund's lines of the year so far (reversals included, beside what they undo) and the
  // reconciliation of the whole ledger with the balances.
  const fundLines = await store.aidFund.fundLedger(org.id, startOfDayIn(`${a.aidPaid.year}-01-01`, timeZone), startOfDayIn(addDays(a.asOf, 1), timeZone));
  const reconciled = await store.aidFund.reconciliation(org.id);
  const wb = buildLedger(a, talks, archive, { withNotes, generatedAt: q.now.toISOString() });
  addFundLedgerSheet(wb, fundLines, timeZone);
  addReconciliationSheet(wb, reconciled);
  return { wb: neutraliseWorkbook(wb), talks, analysis: a };
}
