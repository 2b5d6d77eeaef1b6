// The year, day by day: at each minute some scheduled task fires (cron.ts) the clock is put
// there, the tasks run directly (app.maintenance.run), their messages are delivered, and the
// people who got them answer; the story's steps are taken at their minute in between.
import { addDays, type Day } from "../../src/domain/calendar-day.ts";
import { firingsOn, hhmm } from "./cron.ts";
import { answerMail } from "./people-answer.ts";
import type { Step } from "./story.ts";
import type { World } from "./world.ts";

export interface TaskRun {
  day: Day;
  minute: number;
  task: string;
  result: unknown;
}

export interface YearRun {
  days: number;
  steps: number;
  /** Every task run, with what it returned. */
  runs: TaskRun[];
  /** Wall-clock milliseconds spent in each task over the year. */
  msByTask: Map<string, number>;
}

export async function liveYear(w: World, from: Day, to: Day, steps: readonly Step[]): Promise<YearRun> {
  const out: YearRun = { days: 0, steps: 0, runs: [], msByTask: new Map() };
  for (let day = from; day <= to; day = addDays(day, 1)) {
    out.days++;
    const agenda = [
      ...firingsOn(day).map((f) => ({ minute: f.minute, tasks: f.tasks, step: undefined })),
      ...steps.filter((s) => s.day === day).map((s) => ({ minute: s.minute, tasks: [] as string[], step: s })),
    ].sort((x, y) => x.minute - y.minute);
    for (const item of agenda) {
      w.setTime(day, item.minute);
      const when = `${day} ${hhmm(item.minute)}`;
      if (item.step) {
        const step = item.step;
        await step.run(w).catch((err: unknown) => {
          throw new Error(`${when} ${step.label}: ${String(err)}`, { cause: err });
        });
        out.steps++;
      } else {
        await w.mail.during({ kind: "task", tasks: item.tasks }, async () => {
          for (const task of item.tasks) {
            const started = performance.now();
            const result = await w.h.app.maintenance!.run(task).catch((err: unknown) => {
              throw new Error(`${when} task ${task}: ${String(err)}`, { cause: err });
            });
            out.msByTask.set(task, (out.msByTask.get(task) ?? 0) + performance.now() - started);
            out.runs.push({ day, minute: item.minute, task, result });
          }
        });
      }
      await answerMail(w);
    }
  }
  return out;
}
