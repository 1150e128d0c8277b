import { IpAllocatorError } from "../errors/ip-allocator-error.js";

/** An operation's combined abort signal and its cleanup. @public */
export interface OperationSignal {
  signal: AbortSignal;
  /** Clears the deadline timer and detaches from the caller's signal. */
  dispose(): void;
}

/**
 * Combines the caller's signal and an optional deadline into one signal whose `reason` is already a typed
 * error: CANCELLED for a caller abort, TIMEOUT for the deadline.
 * @public
 */
export function createOperationSignal(options: { signal?: AbortSignal; timeoutMs?: number }, context: { provider: string; operation: string }): OperationSignal {
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
