// Faults a test or a person injects into the Open Platform endpoints. Each fault matches
// requests by method and path prefix and is consumed one per matching request, oldest first,
// before the real handling runs; the server decides what each kind does.
import { hexId } from "./ids.ts";
import type { FaultSpec } from "./schemas.ts";

export interface Fault extends FaultSpec {
  id: string;
  remaining: number;
}

export class Faults {
  private list: Fault[] = [];

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

  clear(): void {
    this.list = [];
  }
}
