// The visit coverage report as an .xlsx workbook: coverage per branch and festival (planned,
// done, overdue, money by fund source), then every visit behind it. `npm run visits:report`
// and tests. Visit notes are personal, so every export is audited.
import ExcelJS from "exceljs";
import { FUND_SOURCES, SOURCE_LABEL, type FundSource } from "../domain/aid-rules.ts";
import { BUILTIN_FESTIVALS } from "../domain/festivals.ts";
import { dayIn } from "../domain/zoned-time.ts";
import { HOW_LABEL, taskReason, taskWhat } from "../domain/visit-labels.ts";
import { readVisitSettings } from "../domain/visit-settings.ts";
import type { Database } from "../store/db.ts";
import { storesOn, type Stores } from "../store/stores.ts";
import type { CoverageRow, TaskLine } from "../store/visit-coverage.ts";
import { neutraliseWorkbook } from "./safe-cell.ts";
import { sheet, yuan } from "./sheet.ts";

export class VisitReportError extends Error {
  override readonly name = "VisitReportError";
}

export interface VisitReportRequest {
  branchCode: string;
  /** A festival code (MID_AUTUMN, a branch's own code) or EVENT; all when absent. */
  festival?: string | undefined;
  year?: number | undefined;
  out?: string | undefined;
  now: Date;
  timeZone: string;
}

const STATUS: Record<string, string> = { OPEN: "未完成", DONE: "已完成", CANCELLED: "已取消" };

type WorkbookOptions = { title: string; today: string; names: (festival: string, year: number) => string };

export function buildVisitWorkbook(rows: CoverageRow[], tasks: TaskLine[], opts: WorkbookOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "同心";
  addCoverageSheet(wb, rows, opts);
  addVisitsSheet(wb, tasks);
  return neutraliseWorkbook(wb);
}

/** Per branch and festival: planned, done, overdue, money by fund source. */
function addCoverageSheet(wb: ExcelJS.Workbook, rows: CoverageRow[], opts: WorkbookOptions): void {
  const cov = sheet(wb, "覆盖情况", [
    { header: "支部", key: "org", width: 24 },
    { header: "走访", key: "what", width: 24 },
    { header: "计划", key: "planned", width: 12 },
    { header: "已完成", key: "done", width: 12 },
    { header: "完成率", key: "rate", width: 14 },
    { header: "未完成", key: "open", width: 12 },
    { header: "逾期", key: "overdue", width: 12 },
    { header: "已报告书记", key: "escalated", width: 18 },
    ...FUND_SOURCES.map((s) => ({ header: `${SOURCE_LABEL[s].zh}（元）`, key: s, width: 22 })),
    { header: "慰问金合计（元）", key: "total", width: 20 },
    { header: "送慰问品户数", key: "goods", width: 16 },
  ]);
  for (const r of rows) {
    const total = FUND_SOURCES.reduce((n, s) => n + (r.moneyFen[s] ?? 0), 0);
    cov.addRow({
      org: r.orgName,
      what: opts.names(r.festival, r.year),
      planned: r.planned,
      done: r.done,
      rate: r.planned ? Math.round((r.done / r.planned) * 1000) / 10 : 0,
      open: r.open,
      overdue: r.overdue,
      escalated: r.escalated,
      ...Object.fromEntries(FUND_SOURCES.map((s) => [s, yuan(r.moneyFen[s] ?? 0)])),
      total: yuan(total),
      goods: r.goods,
    });
  }
  cov.addRow({});
  cov.addRow({ org: `统计截至 ${opts.today}`, what: opts.title });
}

/** Every visit behind the figures, with what the visitor reported. */
function addVisitsSheet(wb: ExcelJS.Workbook, tasks: TaskLine[]): void {
  const list = sheet(wb, "走访明细", [
    { header: "支部", key: "org", width: 22 },
    { header: "走访", key: "what", width: 24 },
    { header: "党员", key: "member", width: 12 },
    { header: "原因", key: "reason", width: 24 },
    { header: "走访人", key: "visitor", width: 12 },
    { header: "截止", key: "due", width: 12 },
    { header: "状态", key: "status", width: 14 },
    { header: "走访日期", key: "visited", width: 12 },
    { header: "方式", key: "how", width: 12 },
    { header: "慰问金（元）", key: "money", width: 14 },
    { header: "资金来源", key: "source", width: 16 },
    { header: "慰问品", key: "goods", width: 24 },
    { header: "走访情况", key: "notes", width: 40 },
    { header: "已报告书记", key: "escalated", width: 14 },
  ]);
  for (const t of tasks) {
    list.addRow({
      org: t.orgName,
      what: taskWhat(t).zh,
      member: t.memberName,
      reason: taskReason(t).zh,
      visitor: t.visitorName,
      due: t.dueOn,
      status: STATUS[t.status] ?? t.status,
      visited: t.visitedOn ?? "",
      how: t.how ? (HOW_LABEL[t.how]?.zh ?? t.how) : "",
      money: t.amountFen ? yuan(t.amountFen) : "",
      source: t.fundSource ? SOURCE_LABEL[t.fundSource as FundSource].zh : "",
      goods: t.goods ?? "",
      notes: t.notes ?? "",
      escalated: t.escalated ? "是" : "",
    });
  }
}

/** Writes the report of a branch (and the organisations below it) to an .xlsx file. */
export async function exportVisitReport(db: Database, r: VisitReportRequest): Promise<{ file: string; rows: number; tasks: number }> {
  const store = storesOn(db);
  const org = await store.orgs.orgByCode(r.branchCode);
  if (!org) throw new VisitReportError(`没有代码为 ${r.branchCode} 的组织 (no organisation with code ${r.branchCode})`);
  if (r.year !== undefined && !(r.year >= 2000 && r.year <= 2100)) throw new VisitReportError(`年份不正确 (bad year): ${r.year}`);
  const { settings } = readVisitSettings(org.settings);
  const known = [...Object.keys(BUILTIN_FESTIVALS), ...settings.custom.map((c) => c.code), "EVENT"];
  if (r.festival !== undefined && !known.includes(r.festival)) throw new VisitReportError(`未知的节日 (unknown festival) ${r.festival}; 可选 one of: ${known.join(", ")}`);
  const today = dayIn(r.now, r.timeZone);
  const { wb, rows, tasks } = await visitReportWorkbook(store, { org, orgIds: await store.orgs.orgAndBelow(org.id), festival: r.festival, year: r.year, today });
  const file = r.out ?? `走访统计-${org.code}-${r.festival ?? "ALL"}-${r.year ?? "ALL"}.xlsx`;
  await wb.xlsx.writeFile(file);
  await store.audit.audit({
    actorId: null,
    action: "visit.report.export",
    subjectType: "Organization",
    subjectId: org.id,
    orgId: org.id,
    changes: { festival: r.festival ?? null, year: r.year ?? null, file, tasks: tasks.length },
  });
  return { file, rows: rows.length, tasks: tasks.length };
}

export interface VisitReportQuery {
  /** The organisation the report is titled with; its settings name its own festivals. */
  org: { name: string; settings: unknown };
  orgIds: number[];
  festival?: string | undefined;
  year?: number | undefined;
  today: string;
}

/** The report over the given organisations as a workbook (neutralised); the caller audits the export. */
export async function visitReportWorkbook(store: Stores, q: VisitReportQuery): Promise<{ wb: ExcelJS.Workbook; rows: CoverageRow[]; tasks: TaskLine[] }> {
  const { settings } = readVisitSettings(q.org.settings);
  const filter = { orgIds: q.orgIds, festival: q.festival, year: q.year, today: q.today };
  const [rows, tasks] = await Promise.all([store.visitCoverage.coverage(filter), store.visitCoverage.coverageTasks(filter)]);
  const names = (festival: string, year: number) => (festival === "EVENT" ? `六必访（${year}）` : taskWhat({ festival, year, eventKind: null, reason: null }, settings).zh);
  const title = `${q.org.name} ${q.festival ? names(q.festival, q.year ?? 0).replace(/（0）$/, "") : "走访"} ${q.year ?? ""}`.trim();
  return { wb: buildVisitWorkbook(rows, tasks, { title, today: q.today, names }), rows, tasks };
}
