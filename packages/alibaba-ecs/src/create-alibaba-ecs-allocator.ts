import { RetryBudget, createHttpDispatcher, silentLogger, systemClock, type Clock, type Logger } from "@polycloud/core";
import type { Dispatcher } from "undici";
import { AlibabaEcsAllocator } from "./alibaba-ecs-allocator.js";
import { systemSigningSource, type AlibabaEcsSigningSource } from "./alibaba-ecs-client.js";
import { resolveAlibabaEcsSettings, type AlibabaEcsSettingsInput } from "./alibaba-ecs-settings.js";

/** Optional infrastructure for {@link createAlibabaEcsAllocator}; everything has a production default. @public */
export interface AlibabaEcsAllocatorDependencies {
  /** Shared dispatcher (you close it); default: the allocator creates one and closes it in `close()`. */
  dispatcher?: Dispatcher;
  /** Retry/poll clock (tests pass `ManualClock`); signing always uses real time unless `signing` says otherwise. */
  clock?: Clock;
  logger?: Logger;
  retryBudget?: RetryBudget;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Environment of the credential chain; default `process.env` (its `HOME` locates `~/.aliyun/config.json`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory a relative `configFile` resolves against. */
  baseDirectory?: string;
  /** Signing time and nonce (frozen in signature tests). */
  signing?: AlibabaEcsSigningSource;
}

/**
 * Builds an `alibaba-ecs` allocator without a DI container.
 * @throws {IpAllocatorError} INVALID_ARGUMENT naming each bad setting (nothing is sent).
 * @example
 * ```ts
 * const allocator = createAlibabaEcsAllocator({ region: "cn-hangzhou" });
 * const { ips } = await allocator.allocate({ location: { region: "cn-hangzhou" }, instanceId: "i-bp1example" });
 * ```
 * @public
 */
export function createAlibabaEcsAllocator(
  settings: AlibabaEcsSettingsInput,
  dependencies: AlibabaEcsAllocatorDependencies = {},
): AlibabaEcsAllocator {
  const resolved = resolveAlibabaEcsSettings(settings);
  const ownsDispatcher = dependencies.dispatcher === undefined;
  const dispatcher = dependencies.dispatcher ?? createHttpDispatcher({ connectTimeoutMs: resolved.connectTimeoutMs });
  return new AlibabaEcsAllocator(
    resolved,
    dispatcher,
    dependencies.clock ?? systemClock,
    dependencies.logger ?? silentLogger,
    dependencies.retryBudget ?? new RetryBudget(),
    dependencies.random ?? Math.random,
    { env: dependencies.env ?? process.env, baseDirectory: dependencies.baseDirectory },
    dependencies.signing ?? systemSigningSource,
    { ownsDispatcher },
  );
}
