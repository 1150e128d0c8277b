import {
  IpAllocatorError,
  LifecycleEngine,
  resolveRetryOptions,
  type Clock,
  type Dispatcher,
  type Logger,
  type RateLimiter,
  type RetryBudget,
} from "@polycloud/core";
import { ALIBABA_ECS_PROVIDER, type AlibabaEcsResolvedSettings } from "./alibaba-ecs-settings.js";
import type { AlibabaEcsLifecycle } from "./alibaba-ecs-tokens.js";

/** What {@link createEcsLifecycleEngine} runs with: the allocator's injected services and its rate limiter. @internal */
export interface EcsLifecycleEngineDependencies {
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  budget: RetryBudget;
  random: () => number;
  lifecycle: AlibabaEcsLifecycle;
  /** The client's limiter, undefined when the settings set no rate limit. */
  rateLimiter: RateLimiter | undefined;
}

/**
 * Core's lifecycle engine for the ECS allocator: the settings' retries and deadline, and a close that fails the
 * calls still queued for a rate-limit slot and closes the dispatcher when the allocator owns it.
 * @internal
 */
export function createEcsLifecycleEngine(
  settings: AlibabaEcsResolvedSettings,
  { dispatcher, clock, logger, budget, random, lifecycle, rateLimiter }: EcsLifecycleEngineDependencies,
): LifecycleEngine {
  return new LifecycleEngine({
    provider: ALIBABA_ECS_PROVIDER,
    clock,
    random,
    logger,
    retry: resolveRetryOptions({ ...settings.retry, budget }),
    defaultTimeoutMs: settings.operationTimeoutMs,
    onClose: async () => {
      // Calls still queued for a rate-limit slot have sent nothing: fail them now rather than on a closed dispatcher.
      rateLimiter?.rejectQueued(
        new IpAllocatorError({
          code: "FAILED_PRECONDITION",
          message: `The ${ALIBABA_ECS_PROVIDER} allocator was closed while the call waited for a rate-limit slot; nothing was sent.`,
          provider: ALIBABA_ECS_PROVIDER,
        }),
      );
      if (lifecycle.ownsDispatcher) await dispatcher.close();
    },
  });
}
