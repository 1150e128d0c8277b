// The sample at the centre of polycloud: read the configuration, build the allocator it names, allocate.
// Nothing below mentions a provider: Alibaba Cloud, Zenlayer or AWS is chosen by the configuration file alone.
import {
  allocateUntilReady,
  createIpAllocator,
  type AllocationResult,
  type IpAllocator,
  type OperationHooks,
} from "@polycloud/core";
import { BUILT_IN_PLUGINS } from "./built-in-plugins.js";
import type { AllocationTarget } from "./config/allocation-target.js";
import type { AllocateIpConfig } from "./config/load-allocate-ip-config.js";
import { mergeTargets, toAllocateRequest } from "./to-allocate-request.js";

/** Options of {@link allocatePublicIp}. @public */
export interface AllocatePublicIpOptions {
  /** Wins over the configuration's `allocate` defaults (tags are merged). */
  target?: AllocationTarget;
  /**
   * Also wait until the addresses are ready (asynchronous provisioning, association with the instance, an
   * instance not yet confirmed running). When a step after the allocation fails, the addresses are released
   * (unless `keepOnFailure`) and the error names them: `details.allocatedIds`, `releasedIds`, `keptIds`.
   */
  wait?: boolean;
  /** With `wait`: keep the addresses when a step after the allocation fails, instead of releasing them. */
  keepOnFailure?: boolean;
  /** One deadline for allocating and waiting together; rejects with TIMEOUT. */
  timeoutMs?: number;
  /** Aborts; rejects with CANCELLED (or OUTCOME_UNKNOWN if an allocation was in flight). */
  signal?: AbortSignal;
  /** Request, response and retry observers (the CLI's `--verbose`). */
  hooks?: OperationHooks;
  /** Told before each step, e.g. to show progress. */
  onStep?(step: AllocationStep): void;
}

/**
 * A step {@link allocatePublicIp} is about to take: `release` gives back an address after a later step
 * failed. @public
 */
export type AllocationStep =
  | { name: "allocate"; provider: string }
  | { name: "wait"; provider: string; id: string }
  | { name: "release"; provider: string; id: string };

/**
 * Builds the allocator a loaded configuration names, with this app's built-in providers passed
 * explicitly so it works from any directory. The caller closes it.
 * @public
 */
export async function openIpAllocator({ config, baseDirectory, env }: AllocateIpConfig): Promise<IpAllocator> {
  return createIpAllocator(config, { baseDirectory, env, plugins: BUILT_IN_PLUGINS });
}

/**
 * Allocates public IPs on whichever provider the configuration names; the CLI's `allocate` and the
 * demo both run exactly this. With `wait`, core's `allocateUntilReady` waits under the same deadline and
 * gives back what it allocated when waiting fails.
 * @throws {IpAllocatorError} for invalid settings or request (INVALID_ARGUMENT, before any request) and
 *   for every provider failure, with a neutral code.
 * @public
 */
export async function allocatePublicIp(
  loaded: AllocateIpConfig,
  options: AllocatePublicIpOptions = {},
): Promise<AllocationResult> {
  const allocator = await openIpAllocator(loaded);
  try {
    const request = toAllocateRequest(
      mergeTargets(loaded.target, options.target),
      allocator.capabilities,
      loaded.config,
    );
    const { signal, hooks, timeoutMs } = options;
    options.onStep?.({ name: "allocate", provider: allocator.provider });
    if (!options.wait) return await allocator.allocate(request, { signal, hooks, timeoutMs });
    return await allocateUntilReady(reportingSteps(allocator, options.onStep), request, {
      signal,
      hooks,
      timeoutMs,
      keepOnFailure: options.keepOnFailure,
    });
  } finally {
    await allocator.close();
  }
}

/** The allocator, telling `onStep` before each wait and each compensating release. */
function reportingSteps(allocator: IpAllocator, onStep: AllocatePublicIpOptions["onStep"]): IpAllocator {
  if (onStep === undefined) return allocator;
  const { provider } = allocator;
  return {
    provider,
    capabilities: allocator.capabilities,
    allocate: (request, operation) => allocator.allocate(request, operation),
    describe: (id, operation) => allocator.describe(id, operation),
    waitUntilReady: (id, operation) => {
      onStep({ name: "wait", provider, id });
      return allocator.waitUntilReady(id, operation);
    },
    release: (id, operation) => {
      onStep({ name: "release", provider, id });
      return allocator.release(id, operation);
    },
    close: () => allocator.close(),
  };
}
