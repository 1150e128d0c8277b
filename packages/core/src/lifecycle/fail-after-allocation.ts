import type { IpAllocatorError } from "../errors/ip-allocator-error.js";
import type { KeyedAllocation } from "./keyed-allocation.js";
import type { Operation } from "./operation.js";
import { attachAllocatedIds, releaseAllocated } from "./release-allocated.js";

/**
 * A step after this call allocated failed: release what it allocated (unless told to keep it, or the key is
 * shared and another caller may hold the same resources) and name every id in the error.
 * @internal
 */
export async function failAfterAllocation<Resource>(
  operation: Operation,
  spec: KeyedAllocation<Resource>,
  allocatedIds: string[],
  error: IpAllocatorError,
): Promise<IpAllocatorError> {
  if (allocatedIds.length === 0) return error;
  const release = spec.releaseOnFailure !== false && !spec.shared;
  const outcome = release
    ? await releaseAllocated(operation, allocatedIds, spec.release)
    : { released: [], unreleased: [] };
  return attachAllocatedIds(error, { allocatedIds, releasedIds: outcome.released, idempotencyKey: spec.key });
}
