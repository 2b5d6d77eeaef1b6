// 导出: builds the report a secretary asked for with the existing builders (src/export/), writes
// each workbook as an ExportFile and hands it to `deliver` (a reply to a command, a message to
// the clicker), audited with who, which report and which organisation. Who may have what: a
// branch's secretary or affairs worker that branch; a committee's (党委, 总支) secretary every
// branch below it, in one workbook per report (汇总 and a sheet per branch). Files are sent again on every request: each one is asked for and audited,
// holds no talk notes, and a secretary who lost or forwarded the last one needs a fresh copy.
import type { ReportChoice } from "../../../cards/export-menu.ts";
import { addDays } from "../../domain/calendar-day.ts";
import { EXPORT_KEEP_MS } from "../../domain/export-limit.ts";
import { parseQuarter, quarterName, quarterOf, type Quarter } from "../../domain/quarter.ts";
import { orgsWhere } from "../../domain/roles.ts";
import { startOfDayIn } from "../../domain/zoned-time.ts";
import { branchLedgerWorkbook } from "../../export/branch-ledger.ts";
import { workbookBytes } from "../../export/personal-data.ts";
import { committeeFundLedgerWorkbook, committeeLedgerWorkbook, committeeTalkLedgerWorkbook, fundLedgerWorkbook, talkLedgerWorkbook } from "../../export/report-files.ts";
import { visitReportWorkbook } from "../../export/visit-report.ts";
import type { BranchHead } from "../../store/orgs.ts";
import { todayOf, type BaseContext, type Outgoing } from "../context.ts";
import { notAllowed, UserError } from "../errors.ts";

/** An organisation the person may export for: a branch, or a committee with its branches. */
export interface ReportUnit {
  id: number;
  name: string;
  code: string;
  /** The branches it covers: itself for a branch, every branch below for a committee. */
  branches: BranchHead[];
  committee: boolean;
}

export const REPORT_WORD: Record<ReportChoice, string> = { ledger: "台账", "talk-ledger": "谈心台账", "visit-report": "走访统计表", "fund-ledger": "资金台账" };
const REPORT_EN: Record<ReportChoice, string> = { ledger: "ledger", "talk-ledger": "talk ledger", "visit-report": "visit report", "fund-ledger": "fund ledger" };
const BY_QUARTER: readonly ReportChoice[] = ["ledger", "talk-ledger"];

/** Where refusals point: a member has their own data. */
export const EXPORT_INSTEAD = { commands: ["导出我的数据"], ask: "SECRETARY" } as const;

export async function reportUnits(ctx: BaseContext): Promise<ReportUnit[]> {
  const { store, actor } = ctx;
  const units = new Map<number, ReportUnit>();
  const codes = await store.orgs.orgCodes(orgsWhere(actor, ["SECRETARY", "AFFAIRS_WORKER"]));
  const names = await store.orgs.orgNames([...codes.keys()]);
  for (const orgId of orgsWhere(actor, ["SECRETARY"])) {
    const branches = await store.orgs.branchesAmong(await store.orgs.orgAndBelow(orgId));
    const committee = !branches.some((b) => b.id === orgId);
    if (branches.length > 0) units.set(orgId, { id: orgId, name: names.get(orgId) ?? "", code: codes.get(orgId) ?? "", branches: committee ? branches : branches.filter((b) => b.id === orgId), committee });
  }
  // An affairs worker keeps a branch's books, not a committee's.
  for (const b of await store.orgs.branchesAmong(orgsWhere(actor, ["AFFAIRS_WORKER"]))) {
    if (!units.has(b.id)) units.set(b.id, { ...b, branches: [b], committee: false });
  }
  return [...units.values()];
}

export type ReportPeriod = { quarter: Quarter } | { year: number };

/** The period named in `arg` (2027Q1 or 2027), this quarter or this year when empty; null if it is neither. */
export function reportPeriod(report: ReportChoice, arg: string, today: string): ReportPeriod | null {
  const s = arg.trim().toUpperCase();
  if (BY_QUARTER.includes(report)) {
    const quarter = s === "" ? quarterOf(today) : parseQuarter(s);
    return quarter ? { quarter } : null;
  }
  if (s === "") return { year: Number(today.slice(0, 4)) };
  return /^\d{4}$/.test(s) && Number(s) >= 2000 && Number(s) <= 2100 ? { year: Number(s) } : null;
}

/** Builds and sends the report for every organisation the person may have it for. */
export async function sendReport(ctx: BaseContext, report: ReportChoice, period: ReportPeriod, deliver: (msg: Outgoing, key: string) => void): Promise<void> {
  const units = await reportUnits(ctx);
  if (units.length === 0) throw notAllowed(EXPORT_INSTEAD.commands);
  const today = todayOf(ctx);
  const tz = ctx.config.timezone;
  const now = ctx.clock.now();
  const label = "quarter" in period ? period.quarter.label : String(period.year);
  const when = "quarter" in period ? quarterName(period.quarter) : { zh: `${period.year}年`, en: String(period.year) };
  const start = "quarter" in period ? period.quarter.start : `${period.year}-01-01`;
  if (start > today) throw new UserError("future_period", { zh: `${when.zh}还没有开始。`, en: `${when.en} has not started.` });
  const { store } = ctx;
  const sent: string[] = [];
  const fileIds: number[] = [];

  const file = async (org: { id: number; name: string }, wb: Parameters<typeof workbookBytes>[0], rows: number, extra: Record<string, unknown> = {}) => {
    const f = await store.exportFiles.createExportFile({
      personId: ctx.actor.personId,
      kind: report,
      fileName: `${REPORT_WORD[report]}-${org.name}-${label}.xlsx`,
      bytes: await workbookBytes(wb),
      at: now,
      expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
    });
    const action = report === "visit-report" ? "visit.report.export" : report === "fund-ledger" ? "fund.export" : report === "ledger" ? "ledger.export" : "talk.export";
    await ctx.audit({ action, subjectType: "Organization", subjectId: org.id, orgId: org.id, changes: { report, period: label, file: f.id, rows, via: "chat", ...extra } });
    deliver({ file: { exportFileId: f.id } }, `report-${f.id}`);
    sent.push(org.name);
    fileIds.push(f.id);
  };

  for (const unit of units) {
    if (report === "visit-report" && "year" in period) {
      const org = await store.orgs.orgByCode(unit.code);
      const orgIds = unit.committee ? await store.orgs.orgAndBelow(unit.id) : [unit.id];
      const { wb, tasks } = await visitReportWorkbook(store, { org: { name: unit.name, settings: org?.settings ?? {} }, orgIds, year: period.year, today });
      await file(unit, wb, tasks.length);
      continue;
    }
    if (report === "ledger" && "quarter" in period && unit.committee) {
      const rules = await store.branchRules.loadBranchRules({ orgIds: unit.branches.map((b) => b.id) });
      const analyses = [];
      for (const b of unit.branches) analyses.push(await store.branchAnalysis.analyseBranch({ org: b, rules: rules.get(b.id)!, period: period.quarter, today, timeZone: tz }));
      await file(unit, committeeLedgerWorkbook(unit.name, analyses, now.toISOString()), analyses.length, { branches: unit.branches.map((b) => b.id) });
      continue;
    }
    // A committee's talk and fund ledgers: one workbook, 汇总 and a sheet per branch below.
    if (report === "talk-ledger" && "quarter" in period && unit.committee) {
      const end = period.quarter.end < today ? period.quarter.end : today;
      const parts = [];
      for (const b of unit.branches) parts.push({ name: b.name, talks: await store.talkLedger.ledgerTalks({ orgId: b.id, start: period.quarter.start, end, withNotes: false }) });
      const rows = parts.reduce((n, p) => n + p.talks.length, 0);
      await file(unit, committeeTalkLedgerWorkbook(unit.name, label, parts, now.toISOString()), rows, { branches: unit.branches.map((b) => b.id) });
      continue;
    }
    if (report === "fund-ledger" && "year" in period && unit.committee) {
      const last = `${period.year}-12-31` < today ? `${period.year}-12-31` : today;
      const [from, to] = [startOfDayIn(`${period.year}-01-01`, tz), startOfDayIn(addDays(last, 1), tz)];
      const parts = [];
      for (const b of unit.branches) parts.push({ name: b.name, lines: await store.aidFund.fundLedger(b.id, from, to), reconciled: await store.aidFund.reconciliation(b.id) });
      const rows = parts.reduce((n, p) => n + p.lines.length, 0);
      await file(unit, committeeFundLedgerWorkbook(unit.name, label, parts, tz, now.toISOString()), rows, { branches: unit.branches.map((b) => b.id) });
      continue;
    }
    // A branch's own report (a committee's 台账 and visit report are built above).
    for (const b of unit.branches) {
      if (report === "ledger" && "quarter" in period) {
        const { wb, talks } = await branchLedgerWorkbook(store, { org: b, period: period.quarter, today, timeZone: tz, now, withNotes: false });
        await file(b, wb, talks.length);
      } else if (report === "talk-ledger" && "quarter" in period) {
        const end = period.quarter.end < today ? period.quarter.end : today;
        const talks = await store.talkLedger.ledgerTalks({ orgId: b.id, start: period.quarter.start, end, withNotes: false });
        await file(b, talkLedgerWorkbook(talks), talks.length);
      } else if (report === "fund-ledger" && "year" in period) {
        const last = `${period.year}-12-31` < today ? `${period.year}-12-31` : today;
        const lines = await store.aidFund.fundLedger(b.id, startOfDayIn(`${period.year}-01-01`, tz), startOfDayIn(addDays(last, 1), tz));
        await file(b, fundLedgerWorkbook(lines, await store.aidFund.reconciliation(b.id), tz), lines.length);
      }
    }
  }
  deliver(
    {
      text: {
        zh: `已发送${when.zh}的${REPORT_WORD[report]}（${sent.join("、")}）。文件含党员的个人信息，请勿随意转发，用后删除。本次导出已记录。`,
        en: `Sent the ${REPORT_EN[report]} of ${when.en} (${sent.join(", ")}). The file holds members' personal information: do not pass it on, and delete it after use. This export is recorded.`,
      },
    },
    `report-note-${fileIds.join("-")}`,
  );
}
