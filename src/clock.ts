// Time is injected so tests and the sandbox can move it; nothing else calls Date.now().
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at real time (or a given instant) and can be moved forward. */
export class MovableClock implements Clock {
  private offsetMs = 0;
  constructor(start?: Date) {
    if (start) this.offsetMs = start.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
