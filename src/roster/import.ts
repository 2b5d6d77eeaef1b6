// importRoster: the one entry used by `npm run roster:import` (and the roster tests).
// Read and check the file (no store), then in one transaction compare it with the store and
// write the good rows, then bind new people to Lark, then report.
import { basename } from "node:path";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { inTransaction } from "../store/stores.ts";
import { bindLark, type LarkBinding, type LarkContact } from "./bind-lark.ts";
import { readRoster, type RosterSource } from "./parse.ts";
import type { RosterProblem } from "./problems.ts";
import { sortProblems, type RosterReport } from "./report.ts";
import { resolveRoster } from "./resolve.ts";
import { proposeReviews, type ReviewOutcome } from "./review.ts";
import { parseOrgRows, parsePersonRows, type ParsedRows } from "./rows.ts";
import { loadSnapshot } from "./snapshot.ts";
import { dayIn } from "../domain/zoned-time.ts";
import { writePlan, type Actor, type Counts } from "./write.ts";

/** pino's logger fits; so does console. */
export interface RosterLog {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface ImportRosterOptions {
  readonly prisma: PrismaClient;
  /** A path (.xlsx/.csv), or bytes with a file name that tells the format. */
  readonly file: RosterSource;
  /** An SDK Client (or the Lark double's); without it nobody is bound to Lark. */
  readonly lark?: LarkContact | undefined;
  readonly log?: RosterLog | undefined;
  /** Who imports, for AuditLog; the system (nulls) by default. */
  readonly actor?: Actor | undefined;
  /** "In the future" is judged by this zone's calendar; Asia/Shanghai by default. */
  readonly timezone?: string | undefined;
  readonly now?: Date | undefined;
}

const SYSTEM: Actor = { id: null, openId: null };
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
/** Interactive transactions default to 5 s; a roster of a few thousand rows needs longer. */
const TX_TIMEOUT_MS = 120_000;

export async function importRoster(opts: ImportRosterOptions): Promise<RosterReport> {
  const { prisma, log } = opts;
  const actor = opts.actor ?? SYSTEM;
  const fileName = typeof opts.file === "string" ? basename(opts.file) : opts.file.name;
  const today = dayIn(opts.now ?? new Date(), opts.timezone ?? "Asia/Shanghai");

  const raw = await readRoster(opts.file);
  const none: ParsedRows<never> = { rows: [], badRows: [], problems: [], warnings: [], columns: new Set(), headerOk: true };
  const people = raw.people ? parsePersonRows(raw.people, today) : { ...none, headerOk: false };
  const orgs = raw.orgs ? parseOrgRows(raw.orgs) : none;
  const base = {
    file: fileName,
    format: raw.format,
    ...(raw.encoding ? { encoding: raw.encoding } : {}),
    rowsRead: people.rows.length + people.badRows.length,
    orgRowsRead: orgs.rows.length + orgs.badRows.length,
  };
  const fileProblems = [...raw.problems, ...people.problems, ...orgs.problems];
  const fileWarnings = [...people.warnings, ...orgs.warnings];
  if (raw.people && base.rowsRead === 0 && base.orgRowsRead === 0) {
    fileWarnings.push({ line: raw.people.headerLine, message: "表头下面没有数据：没有导入任何人" });
  }

  // A file whose header cannot be read is not imported at all: every row would be guessed.
  if (raw.problems.length > 0 || !people.headerOk || !orgs.headerOk) {
    log?.warn(`roster ${fileName}: not imported, the file itself has problems`);
    return finish({ ...base, rowsImported: 0, rowsRejected: base.rowsRead, orgRowsRejected: base.orgRowsRead }, fileProblems, fileWarnings, zero(), zero(), undefined, { status: "skipped", reviews: [] });
  }

  const at = opts.now ?? new Date();
  const { plan, written, review } = await inTransaction(
    prisma,
    async (store) => {
      const snapshot = await loadSnapshot(store, people.rows);
      const plan = resolveRoster(
        { people: people.rows, badPeople: people.badRows, orgs: orgs.rows, badOrgs: orgs.badRows, orgSheet: raw.orgs?.sheet },
        snapshot,
      );
      const written = await writePlan(store, plan, { actor, today, file: fileName, at });
      // Removals are proposed, never applied here: the secretary confirms them in chat.
      const review = await proposeReviews(store, {
        people: plan.people,
        personIdByLine: written.personIdByLine,
        roleRemovals: written.roleRemovals,
        rejectedRows: base.rowsRead - plan.people.length,
        file: fileName,
        today,
        at,
      });
      return { plan, written, review };
    },
    { timeout: TX_TIMEOUT_MS, maxWait: TX_TIMEOUT_MS },
  );
  log?.info(
    `roster ${fileName}: ${plan.people.length} rows imported, people ${JSON.stringify(written.people)}, organizations ${JSON.stringify(written.organizations)}`,
  );

  let binding: LarkBinding | undefined;
  if (opts.lark) {
    const targets = plan.people.map((p) => ({ id: written.personIdByLine.get(p.row.line)!, line: p.row.line, name: p.row.name }));
    binding = await bindLark({ prisma, lark: opts.lark, targets, actor });
    if (binding.error) log?.warn(`roster ${fileName}: Lark binding failed: ${binding.error}`);
    else log?.info(`roster ${fileName}: Lark bound ${binding.bound.length}, unbound ${binding.unbound.length}`);
  }

  return finish(
    {
      ...base,
      rowsImported: plan.people.length,
      rowsRejected: base.rowsRead - plan.people.length,
      orgRowsRejected: orgs.badRows.length + plan.rejectedOrgRows,
    },
    [...fileProblems, ...plan.problems],
    [...fileWarnings, ...plan.warnings, ...written.notices],
    written.organizations,
    written.people,
    binding,
    reviewSummary(review),
  );
}

function reviewSummary(r: ReviewOutcome): RosterReport["review"] {
  return { status: r.status, reviews: r.reviews.map((x) => ({ id: x.id, orgName: x.orgName, items: x.items, sentTo: x.sentTo })) };
}

function finish(
  base: Omit<RosterReport, "errors" | "warnings" | "organizations" | "people" | "lark" | "review" | "ok">,
  errors: RosterProblem[],
  warnings: RosterProblem[],
  organizations: Counts,
  people: Counts,
  binding: LarkBinding | undefined,
  review: RosterReport["review"],
): RosterReport {
  const lark: RosterReport["lark"] = binding
    ? { status: binding.error ? "failed" : "done", bound: binding.bound, unbound: binding.unbound, ...(binding.error ? { error: binding.error } : {}) }
    : { status: "skipped", bound: [], unbound: [] };
  return {
    ...base,
    errors: sortProblems(errors),
    warnings: sortProblems(warnings),
    organizations,
    people,
    lark,
    review,
    ok: errors.length === 0 && lark.status !== "failed",
  };
}
