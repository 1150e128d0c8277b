import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import type { AllocateRequestInput } from "../spec/allocate-request.js";
import type { AllocatedIp, AllocationResult } from "../spec/allocation-result.js";
import type { IpAllocator } from "../spec/ip-allocator.js";
import type { WaitOptions } from "../spec/operation-options.js";
import { DEFAULT_COMPENSATION_TIMEOUT_MS, attachAllocatedIds } from "./release-allocated.js";

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
 * wait, the deadline, an abort), the other waits are stopped, every IP this call allocated is released (unless
 * `keepOnFailure`) and the error names them all: `details.allocatedIds`, `releasedIds`, `keptIds`, and the
 * message. IPs returned for a caller's `idempotencyKey` that an earlier call allocated are never released by
 * this one (they are named as kept): the earlier caller may hold them.
 * @public
 */
export async function allocateUntilReady(
  allocator: IpAllocator,
  request: AllocateRequestInput,
  options: AllocateUntilReadyOptions = {},
): Promise<AllocationResult> {
  const {
    keepOnFailure = false,
    compensationTimeoutMs = DEFAULT_COMPENSATION_TIMEOUT_MS,
    timeoutMs,
    signal,
    ...waitOptions
  } = options;
  const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  const allocation = await allocator.allocate(request, {
    signal,
    timeoutMs,
    retry: options.retry,
    hooks: options.hooks,
  });
  // One failed wait stops the others: they would keep polling (or associating) while their IPs are released.
  const waits = new AbortController();
  const onAbort = () => waits.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  let firstFailure: { error: unknown } | undefined;
  try {
    const settled = await Promise.allSettled(
      allocation.ips.map(async (ip): Promise<AllocatedIp> => {
        if (ip.state === "ready") return ip;
        const remaining = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
        try {
          return (await allocator.waitUntilReady(ip.id, { ...waitOptions, signal: waits.signal, timeoutMs: remaining }))
            .ip;
        } catch (error) {
          firstFailure ??= { error };
          waits.abort(error);
          throw error;
        }
      }),
    );
    if (firstFailure !== undefined) throw signal?.aborted ? cancelled(allocator, signal) : firstFailure.error;
    // The caller gave up while the last step finished: it will never see these IPs, so they are given back.
    if (signal?.aborted) throw cancelled(allocator, signal);
    return { ...allocation, ips: settled.map((outcome) => (outcome as PromiseFulfilledResult<AllocatedIp>).value) };
  } catch (thrown) {
    throw await compensate(
      allocator,
      request,
      allocation,
      toIpAllocatorError(thrown, { provider: allocator.provider, operation: "allocate" }),
      keepOnFailure,
      compensationTimeoutMs,
      options,
    );
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

async function compensate(
  allocator: IpAllocator,
  request: AllocateRequestInput,
  allocation: AllocationResult,
  error: IpAllocatorError,
  keep: boolean,
  timeoutMs: number,
  options: AllocateUntilReadyOptions,
): Promise<IpAllocatorError> {
  const allocatedIds = allocation.ips.map((ip) => ip.id);
  const earlier = allocation.reconciled && request.idempotencyKey !== undefined;
  if (keep || earlier)
    return attachAllocatedIds(error, {
      allocatedIds,
      releasedIds: [],
      idempotencyKey: allocation.idempotencyKey,
      returnedOnly: earlier,
    });
  const releasedIds: string[] = [];
  const releaseErrors: Record<string, string> = {};
  for (const id of allocatedIds) {
    try {
      await allocator.release(id, { timeoutMs, hooks: options.hooks });
      releasedIds.push(id);
    } catch (releaseError) {
      if (IpAllocatorError.hasCode(releaseError, "NOT_FOUND")) releasedIds.push(id);
      else
        releaseErrors[id] = IpAllocatorError.isInstance(releaseError)
          ? `${releaseError.code}: ${releaseError.message}`
          : String(releaseError);
    }
  }
  const named = attachAllocatedIds(error, { allocatedIds, releasedIds, idempotencyKey: allocation.idempotencyKey });
  if (Object.keys(releaseErrors).length === 0) return named;
  return new IpAllocatorError({ ...named.toOptions(), details: { ...named.details, releaseErrors } });
}

function cancelled(allocator: IpAllocator, signal: AbortSignal): IpAllocatorError {
  return new IpAllocatorError({
    code: "CANCELLED",
    message: "allocate was aborted by the caller.",
    provider: allocator.provider,
    operation: "allocate",
    cause: signal.reason,
  });
}
