// The sample at the centre of polycloud: read the configuration, build the allocator it names, allocate.
// Nothing below mentions a provider: Alibaba Cloud or Zenlayer is chosen by the configuration file alone.
import { createIpAllocator, type AllocationResult, type IpAllocator, type OperationHooks } from "@polycloud/core";
import { BUILT_IN_PLUGINS } from "./built-in-plugins.js";
import type { AllocationTarget } from "./config/allocation-target.js";
import type { AllocateIpConfig } from "./config/load-allocate-ip-config.js";
import { startDeadline } from "./start-deadline.js";
import { mergeTargets, toAllocateRequest } from "./to-allocate-request.js";
import { waitUntilAllReady } from "./wait-until-all-ready.js";

/** Options of {@link allocatePublicIp}. @public */
export interface AllocatePublicIpOptions {
  /** Wins over the configuration's `allocate` defaults (tags are merged). */
  target?: AllocationTarget;
  /** Also wait until pending addresses are ready (asynchronous provisioning, or an instance not yet confirmed running). */
  wait?: boolean;
  /** Deadline for allocating and waiting together; rejects with TIMEOUT. */
  timeoutMs?: number;
  /** Aborts; rejects with CANCELLED (or OUTCOME_UNKNOWN if an allocation was in flight). */
  signal?: AbortSignal;
  /** Request, response and retry observers (the CLI's `--verbose`). */
  hooks?: OperationHooks;
  /** Told before each step, e.g. to show progress. */
  onStep?(step: AllocationStep): void;
}

/** A step {@link allocatePublicIp} is about to take. @public */
export type AllocationStep = { name: "allocate"; provider: string } | { name: "wait"; provider: string; id: string };

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
 * demo both run exactly this.
 * @throws {IpAllocatorError} for invalid settings or request (INVALID_ARGUMENT, before any request) and
 *   for every provider failure, with a neutral code.
 * @public
 */
export async function allocatePublicIp(loaded: AllocateIpConfig, options: AllocatePublicIpOptions = {}): Promise<AllocationResult> {
  const allocator = await openIpAllocator(loaded);
  try {
    const request = toAllocateRequest(mergeTargets(loaded.target, options.target), allocator.capabilities, loaded.config);
    const deadline = startDeadline(options.timeoutMs);
    options.onStep?.({ name: "allocate", provider: allocator.provider });
    const result = await allocator.allocate(request, { signal: options.signal, hooks: options.hooks, timeoutMs: deadline.remainingMs() });
    return options.wait ? await waitUntilAllReady(allocator, result, { ...options, deadline }) : result;
  } finally {
    await allocator.close();
  }
}
