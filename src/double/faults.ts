// Faults a test or a person injects into the Open Platform endpoints. Each fault matches
// requests by method and path prefix and is consumed one per matching request, oldest first,
// before the real handling runs; the server decides what each kind does. A "hang" holds its
// request until `delayMs` passes or the faults are cleared (or the double closes), then lets
// it be handled: as with real Lark, the caller who gave up cannot tell whether it went through.
import { hexId } from "./ids.ts";
import type { FaultSpec } from "./schemas.ts";

export interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

export class Faults {
  private list: Fault[] = [];
  private hung = new Set<() => void>();

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `fault_${hexId(4)}`, remaining: spec.count ?? 1 };
    this.list.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault that matches, if any. */
  take(method: string, path: string): Fault | undefined {
    const i = this.list.findIndex(
      (f) =>
        (!f.match?.method || f.match.method === method.toUpperCase()) &&
        (!f.match?.pathPrefix || path.startsWith(f.match.pathPrefix)),
    );
    if (i < 0) return undefined;
    const fault = this.list[i]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.list.splice(i, 1);
    return { ...fault };
  }

  pending(): Fault[] {
    return this.list.map((f) => ({ ...f }));
  }

  /** Holds a request taken by a "hang" fault: resolves after `ms` (never, if undefined) or when the faults are cleared. */
  hold(ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(release, ms);
      const hung = this.hung;
      function release(): void {
        if (timer) clearTimeout(timer);
        hung.delete(release);
        resolve();
      }
      hung.add(release);
    });
  }

  /** Requests held by a "hang" fault right now. */
  holding(): number {
    return this.hung.size;
  }

  /** Forgets the pending faults and lets every held request go on. */
  clear(): void {
    this.list = [];
    for (const release of [...this.hung]) release();
  }
}
