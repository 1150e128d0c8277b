import {
  IpAllocatorError,
  LifecycleEngine,
  resolveRetryOptions,
  type Clock,
  type Dispatcher,
  type Logger,
  type RetryBudget,
} from "@polycloud/core";
import type { ZenlayerEipClient } from "./zenlayer-eip-client.js";
import { ZENLAYER_DEFAULT_RETRY } from "./zenlayer-eip-settings.js";
import type { ResolvedZenlayerEipSettings, ZenlayerEipLifecycle } from "./zenlayer-eip-tokens.js";

/** What {@link createEipLifecycleEngine} runs with: the allocator's injected services and its client. @internal */
export interface EipLifecycleEngineDependencies {
  client: ZenlayerEipClient;
  dispatcher: Dispatcher;
  lifecycle: ZenlayerEipLifecycle;
  clock: Clock;
  random: () => number;
  budget: RetryBudget;
  logger: Logger;
}

/**
 * Core's lifecycle engine for the EIP allocator: Zenlayer's default retries under the settings' own, the
 * settings' deadline, and a close that fails the calls still queued for a rate-limit slot and closes the
 * dispatcher when the allocator owns it.
 * @internal
 */
export function createEipLifecycleEngine(
  settings: ResolvedZenlayerEipSettings,
  { client, dispatcher, lifecycle, clock, random, budget, logger }: EipLifecycleEngineDependencies,
): LifecycleEngine {
  const provider = "zenlayer-eip";
  const retry = resolveRetryOptions({ ...ZENLAYER_DEFAULT_RETRY, ...settings.retry, budget });
  return new LifecycleEngine({
    provider,
    clock,
    random,
    logger,
    retry,
    defaultTimeoutMs: settings.operationTimeoutMs,
    onClose: async () => {
      // Calls still queued for a rate-limit slot have sent nothing: fail them now rather than on a closed dispatcher.
      client.rejectQueued(
        new IpAllocatorError({
          code: "FAILED_PRECONDITION",
          message: `The ${provider} allocator was closed while the call waited for a rate-limit slot; nothing was sent.`,
          provider,
        }),
      );
      if (lifecycle.ownsDispatcher) await dispatcher.close();
    },
  });
}
