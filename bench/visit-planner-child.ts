// Runs the festival planner in its own process, so its peak RSS is the planner's alone, and
// reports timings to the bench over IPC. Deliveries are queued in a throw-away Redis prefix.
import { planFestivalVisits } from "../src/jobs/visit-planner.ts";
import { openTaskChild } from "./task-child.ts";

const url = process.argv[2]!;
// 14 days before 中秋 2027, 09:00 in Shanghai.
const child = openTaskChild(url, new Date("2027-09-01T01:00:00Z"));
const { deps } = child;

try {
  const t0 = performance.now();
  const first = await planFestivalVisits(deps);
  const firstS = (performance.now() - t0) / 1000;
  const rssAfterFirst = Math.round(process.resourceUsage().maxRSS / 1024);
  const t1 = performance.now();
  const again = await planFestivalVisits(deps);
  const againS = (performance.now() - t1) / 1000;
  process.send!({ ok: true, firstS, againS, first, again, queued: child.queued(), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rssAfterFirst });
} catch (err) {
  process.send!({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
} finally {
  await child.close();
}
