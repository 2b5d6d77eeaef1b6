// The committee's two reads over a large committee: one 社区党委 over 100 branches and 100,000
// members with a year of care (bench/committee-seed.ts). Two scenarios, each in its own child
// process so its peak RSS is its own (bench/committee-child.ts):
//   - committee-digest: the weekly digest of what is overdue where, computed for the committee
//     (digestForCommittee), then the scheduled task (runCommitteeDigest: compute, stage, queue)
//     and the same task again, which must stage nothing;
//   - year-report: the year-end report (yearReport) of the committee over every branch, with the
//     fund reconciled per source, and of one branch.
// The seed's time and size are reported too. Each child checks what it computed against the seed
// (every branch covered, the fund reconciled and equal to the ledger, the talks counted) and
// fails the bench rather than report the time of a wrong answer.
import { fork } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { COMMITTEE_BRANCHES, COMMITTEE_MEMBERS, seedCommitteePopulation } from "./committee-seed.ts";
import { benchDatabase } from "./support.ts";

const CHILD = fileURLToPath(new URL("./committee-child.ts", import.meta.url));
// The report year, and a Monday in December of it, 09:00 in Shanghai: the digest's first run of
// the week, the year report as of that day.
export const YEAR = 2026;
export const TODAY = "2026-12-07";
const AT = "2026-12-07T01:00:00Z";

export type Scenario = "committee-digest" | "year-report";

export type ChildResult =
  | { ok: true; scenario: Scenario; figures: Record<string, number | string>; peakRssMb: number }
  | { ok: false; scenario: Scenario; error: string };

function runChild(url: string, scenario: Scenario): Promise<ChildResult> {
  const child = fork(CHILD, [url, scenario, AT, String(YEAR)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise<ChildResult>((resolve, reject) => {
    let result: ChildResult | undefined;
    child.once("message", (m) => (result = m as ChildResult));
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`${scenario} process exited ${code} before reporting`))));
  });
}

export async function run(): Promise<Record<string, number | string>> {
  const db = await benchDatabase(2);
  try {
    const out: Record<string, number | string> = {};
    out["branches / members"] = `${COMMITTEE_BRANCHES} / ${COMMITTEE_MEMBERS}`;
    const s0 = performance.now();
    const counts = await seedCommitteePopulation(db.sql, YEAR, TODAY);
    out["seed (s, SQL generate_series)"] = ((performance.now() - s0) / 1000).toFixed(2);
    const [size] = await db.sql.query<{ mb: number }>(`SELECT round(pg_database_size(current_database()) / 1048576.0)::int AS mb`);
    out["seed: database size (MB)"] = size!.mb;
    out["seed: rows"] = Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ");
    out["machine load average (1 min) at start"] = loadavg()[0]!.toFixed(1);
    for (const scenario of ["committee-digest", "year-report"] as const) {
      const r = await runChild(db.url, scenario);
      if (!r.ok) throw new Error(`${scenario}: ${r.error}`);
      for (const [k, v] of Object.entries(r.figures)) out[`${scenario}: ${k}`] = v;
      out[`${scenario}: process peak RSS (MB)`] = r.peakRssMb;
    }
    return out;
  } finally {
    await db.close();
  }
}
