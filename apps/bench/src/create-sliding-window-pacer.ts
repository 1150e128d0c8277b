import { setTimeout as sleep } from "node:timers/promises";

/** Admits operations so that at most `limit` are running or finished within the last `windowMs`. */
export interface SlidingWindowPacer {
  /** Resolves, once one more operation may start, with the function to call when it has finished. */
  acquire(): Promise<() => void>;
}

/**
 * A caller-side limiter standing in for the client rate limiter polycloud does not have yet, to show what
 * one would achieve. A server stamps a request somewhere between the operation's start and end, so
 * counting operations that are still running or ended within the window (not merely started) guarantees
 * the server never sees more than `limit` per window, whatever its processing lag.
 */
export function createSlidingWindowPacer(limit: number, windowMs: number, marginMs = 2): SlidingWindowPacer {
  const recentEnds: number[] = [];
  let running = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const release = () => {
    running -= 1;
    recentEnds.push(performance.now());
  };
  const admit = async (): Promise<() => void> => {
    for (;;) {
      const now = performance.now();
      while (recentEnds.length > 0 && (recentEnds[0] as number) + windowMs + marginMs <= now) recentEnds.shift();
      if (running + recentEnds.length < limit) {
        running += 1;
        return release;
      }
      // Wait for the oldest end to leave the window, or poll briefly while every slot is still running.
      const oldest = recentEnds[0];
      await sleep(oldest === undefined ? 1 : Math.max(1, oldest + windowMs + marginMs - now));
    }
  };
  return {
    acquire() {
      // Chained so that concurrent callers are admitted one at a time, in order.
      const admitted = queue.then(admit);
      queue = admitted;
      return admitted;
    },
  };
}
