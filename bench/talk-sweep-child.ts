// Runs the daily talk sweep in its own process, so its peak RSS is the sweep's alone, and
// reports timings to the bench over IPC. Deliveries are queued in a throw-away Redis prefix.
import { runTalkSweep } from "../src/jobs/talk-sweep.ts";
import { openTaskChild } from "./task-child.ts";

const [url, iso] = process.argv.slice(2) as [string, string];
const child = openTaskChild(url, new Date(iso));
const { deps } = child;

try {
  const t0 = performance.now();
  const first = await runTalkSweep(deps);
  const firstS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await runTalkSweep(deps);
  const againS = (performance.now() - t1) / 1000;
  const inRedis = await child.queues.delivery.count();
  process.send!({ ok: true, firstS, againS, first, again, queued: child.queued(), inRedis, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
} catch (err) {
  process.send!({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
} finally {
  await child.close();
}
