import { setMaxListeners } from "node:events";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { shareDeadlineSignal } from "./share-deadline-signal.js";

/**
 * The signal of operations that neither the caller nor a deadline can abort. Transports skip it, so undici
 * does not attach abort listeners to every request.
 * @internal
 */
export const NEVER_ABORTED_SIGNAL: AbortSignal = new AbortController().signal;
// Concurrent operations each listen while they sleep between retries; the signal never fires, so the
// listener-leak warning would be noise.
setMaxListeners(0, NEVER_ABORTED_SIGNAL);

/** An operation's combined abort signal and its cleanup. @public */
export interface OperationSignal {
  signal: AbortSignal;
  /** Clears the deadline timer and detaches from the caller's signal. */
  dispose(): void;
}

/**
 * Combines the caller's signal and an optional deadline (`timeoutMs`, else `defaultTimeoutMs`) into one signal
 * whose `reason` is already a typed error: CANCELLED for a caller abort, TIMEOUT for the deadline.
 * @public
 */
export function createOperationSignal(
  options: { signal?: AbortSignal; timeoutMs?: number },
  context: { provider: string; operation: string },
  defaultTimeoutMs?: number,
): OperationSignal {
  if (options.signal === undefined && options.timeoutMs === undefined) {
    // Nothing can abort this operation: share one signal so the hot path allocates no controller or timer.
    if (defaultTimeoutMs === undefined) return { signal: NEVER_ABORTED_SIGNAL, dispose: () => {} };
    // Only the default deadline: shared with the operations starting about now (see shareDeadlineSignal).
    return { signal: shareDeadlineSignal(defaultTimeoutMs, context), dispose: () => {} };
  }
  options =
    options.timeoutMs === undefined && defaultTimeoutMs !== undefined
      ? { signal: options.signal, timeoutMs: defaultTimeoutMs }
      : options;
  const controller = new AbortController();
  const cancel = () =>
    controller.abort(
      new IpAllocatorError({
        code: "CANCELLED",
        message: `${context.operation} was aborted by the caller.`,
        provider: context.provider,
        operation: context.operation,
        cause: options.signal?.reason,
      }),
    );
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener("abort", cancel, { once: true });
  let timer: NodeJS.Timeout | undefined;
  if (options.timeoutMs !== undefined && !controller.signal.aborted) {
    timer = setTimeout(() => {
      controller.abort(
        new IpAllocatorError({
          code: "TIMEOUT",
          message: `${context.operation} did not finish within ${options.timeoutMs} ms.`,
          provider: context.provider,
          operation: context.operation,
        }),
      );
    }, options.timeoutMs);
  }
  return {
    signal: controller.signal,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      options.signal?.removeEventListener("abort", cancel);
    },
  };
}
