import type { OperationHooks, RequestEvent, ResponseEvent, RetryEvent } from "@polycloud/core";

/** Hooks that record every event, and the events recorded so far (in arrival order per kind). @public */
export interface CollectedHookEvents {
  /** Pass as `options.hooks` to any IpAllocator method. */
  readonly hooks: Required<OperationHooks>;
  readonly requests: RequestEvent[];
  readonly responses: ResponseEvent[];
  readonly retries: RetryEvent[];
}

/**
 * Creates hooks that collect what an operation reports, e.g. to assert that no secret reaches a log:
 * `const events = collectHookEvents(); await allocator.allocate(request, { hooks: events.hooks });
 * expectNoSecrets(events, secrets);`
 * @public
 */
export function collectHookEvents(): CollectedHookEvents {
  const requests: RequestEvent[] = [];
  const responses: ResponseEvent[] = [];
  const retries: RetryEvent[] = [];
  return {
    hooks: {
      onRequest: (event) => requests.push(event),
      onResponse: (event) => responses.push(event),
      onRetry: (event) => retries.push(event),
    },
    requests,
    responses,
    retries,
  };
}
