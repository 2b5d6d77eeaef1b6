// Runs one committee scenario in its own process, so its peak RSS is the scenario's alone, and
// reports its figures to bench/committee.bench.ts over IPC. Deliveries go to a throw-away Redis
// prefix (bench/task-child.ts).
import type { ChildResult, Scenario } from "./committee.bench.ts";
import { COMMITTEE_ORG_ID } from "./committee-seed.ts";
import { openTaskChild, type TaskChild } from "./task-child.ts";

const [url, scenario, iso, yearArg] = process.argv.slice(2) as [string, Scenario, string, string];
const child = openTaskChild(url, new Date(iso));

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);

type Run = (c: TaskChild, year: number) => Promise<Record<string, number | string>>;

const SCENARIOS: Record<Scenario, Run | string> = {
  "committee-digest": "the weekly committee digest (src/jobs/committee-digest.ts) is not in the tree yet",
  "year-report": "the year report (src/store/year-report.ts) is not in the tree yet",
};

try {
  const runIt = SCENARIOS[scenario];
  if (typeof runIt === "string") {
    process.send!({ ok: false, scenario, unavailable: runIt } satisfies ChildResult);
  } else {
    const figures = await runIt(child, Number(yearArg));
    process.send!({ ok: true, scenario, figures, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) } satisfies ChildResult);
  }
} catch (err) {
  process.send!({ ok: false, scenario, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ChildResult);
} finally {
  await child.close();
}
