// A benchmark's server processes: started and stopped from the bench, and asked over IPC for
// the CPU time they have used so far,
// and CPU profiles of the measured phase only (start-up and set-up left out: the bench sends
// "prof-start" before it measures and "prof-stop" after, when BENCH_PROFILE names a directory;
// open the .cpuprofile files in Chrome's DevTools, Performance tab).
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { fork, type ChildProcess } from "node:child_process";

/** In a bench server: answers "cpu" and the two profiling commands. */
export function serveControl(name: string): void {
  const session = new Session();
  process.on("message", async (m: { cmd?: string; dir?: string }) => {
    if (m.cmd === "cpu") {
      const u = process.cpuUsage();
      process.send?.({ cpuMs: (u.user + u.system) / 1000 });
    } else if (m.cmd === "prof-start") {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      process.send?.({ profiling: true });
    } else if (m.cmd === "prof-stop") {
      const { profile } = await session.post("Profiler.stop");
      const file = join(m.dir!, `${name}-${process.pid}-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      process.send?.({ profiled: file });
    }
  });
}

/** In the bench: forks a server script under tsx and waits for the URL it reports. */
export async function startServer(script: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(script, args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: { url?: string }) => (m.url !== undefined ? resolve(m.url) : reject(new Error("no url"))));
    child.once("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, child };
}

/** In the bench: asks a server to stop (it closes its connections), killing it after 10 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  if (child.connected) child.send({ cmd: "stop" });
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** In the bench: the CPU time, in ms, the child has used so far. */
export function cpuMsOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: { cpuMs?: number }) => {
      if (m.cpuMs === undefined) return;
      child.off("message", on);
      resolve(m.cpuMs);
    };
    child.on("message", on);
    child.send({ cmd: "cpu" });
  });
}

/** In the bench: profiles what `measure` does to the child, when BENCH_PROFILE is set. */
export async function profiled<T>(child: ChildProcess, measure: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return measure();
  const reply = (key: string) => new Promise<void>((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off("message", on);
        resolve();
      }
    };
    child.on("message", on);
  });
  const started = reply("profiling");
  child.send({ cmd: "prof-start" });
  await started;
  try {
    return await measure();
  } finally {
    const stopped = reply("profiled");
    child.send({ cmd: "prof-stop", dir });
    await stopped;
  }
}
