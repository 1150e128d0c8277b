import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import type { AllocateRequestInput } from "../spec/allocate-request.js";
import type { AllocatedIp, AllocationResult } from "../spec/allocation-result.js";
import type { IpAllocator } from "../spec/ip-allocator.js";
import type { WaitOptions } from "../spec/operation-options.js";
import { attachAllocatedIds } from "./release-allocated.js";
import { DEFAULT_COMPENSATION_TIMEOUT_MS } from "./release-allocated.js";

/** Options of {@link allocateUntilReady}. @public */
export interface AllocateUntilReadyOptions extends WaitOptions {
  /** Keep the IPs when waiting fails (they are named in the error) instead of releasing them. Default false. */
  keepOnFailure?: boolean;
  /** Deadline of the compensating releases, apart from the call's own. Default 60 s. */
  compensationTimeoutMs?: number;
}

/**
 * Allocates, then waits until every IP is ready (associating it where the provider does that while waiting),
 * under one deadline (`timeoutMs`) and one signal. When a step after the allocation fails (association, the
 * wait, the deadline, an abort), every IP the call allocated is released (unless `keepOnFailure`) and the
 * error names them all: `details.allocatedIds`, `releasedIds`, `keptIds`, and the message.
 * @public
 */
export async function allocateUntilReady(allocator: IpAllocator, request: AllocateRequestInput, options: AllocateUntilReadyOptions = {}): Promise<AllocationResult> {
  const { keepOnFailure = false, compensationTimeoutMs = DEFAULT_COMPENSATION_TIMEOUT_MS, timeoutMs, ...waitOptions } = options;
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  const allocation = await allocator.allocate(request, { signal: options.signal, timeoutMs, retry: options.retry, hooks: options.hooks });
  try {
    const ips = await Promise.all(
      allocation.ips.map(async (ip): Promise<AllocatedIp> => {
        if (ip.state === "ready") return ip;
        const remaining = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
        return (await allocator.waitUntilReady(ip.id, { ...waitOptions, timeoutMs: remaining })).ip;
      }),
    );
    // The caller gave up while the last step finished: it will never see these IPs, so they are given back.
    if (options.signal?.aborted) throw new IpAllocatorError({ code: "CANCELLED", message: "allocate was aborted by the caller.", provider: allocator.provider, operation: "allocate", cause: options.signal.reason });
    return { ...allocation, ips };
  } catch (thrown) {
    const error = toIpAllocatorError(thrown, { provider: allocator.provider, operation: "allocate" });
    const allocatedIds = allocation.ips.map((ip) => ip.id);
    if (keepOnFailure) throw attachAllocatedIds(error, { allocatedIds, releasedIds: [], idempotencyKey: allocation.idempotencyKey });
    const releasedIds: string[] = [];
    for (const id of allocatedIds) {
      try {
        await allocator.release(id, { timeoutMs: compensationTimeoutMs, hooks: options.hooks });
        releasedIds.push(id);
      } catch (releaseError) {
        if (IpAllocatorError.hasCode(releaseError, "NOT_FOUND")) releasedIds.push(id);
      }
    }
    throw attachAllocatedIds(error, { allocatedIds, releasedIds });
  }
}
