import type { Clock } from "../clock.js";

/**
 * A clock for tests: `sleep` resolves immediately and records the requested delay, advancing `now`.
 * Abort signals are honoured like the real clock.
 * @public
 */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  private current: number;

  constructor(start = 1_700_000_000_000) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.current += ms;
  }
}
