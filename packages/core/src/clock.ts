import { IpAllocatorError } from "./errors/ip-allocator-error.js";

/** Time source used for backoff and polling, replaceable in tests. @public */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's error when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. @public */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** The reason a signal aborted, as thrown by polycloud (an IpAllocatorError when we set it). @internal */
export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new IpAllocatorError({ code: "CANCELLED", message: "The operation was aborted." });
}
