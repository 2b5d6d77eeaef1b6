// Files made for people (导出我的数据, 导出谈心记录) are kept only until they expire (a week: they
// are in the chat by then); this drops them in batches. Safe to run twice: a dropped row is gone.
import type { TaskDeps } from "./task-deps.ts";

export interface DropResult {
  dropped: number;
}

export async function runDropExpiredExports(d: TaskDeps): Promise<DropResult> {
  const now = d.clock.now();
  let dropped = 0;
  for (;;) {
    const n = await d.store.exportFiles.dropExpiredExportFiles(now);
    dropped += n;
    if (n === 0) return { dropped };
  }
}
