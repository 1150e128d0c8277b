import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import { failAfterAllocation } from "./fail-after-allocation.js";
import { keepOldestResources } from "./keep-oldest-resources.js";
import type { ConvergedAllocation, KeyedAllocation } from "./keyed-allocation.js";
import type { Operation } from "./operation.js";
import { createOutcomeUnknownError, readUntilSettled } from "./read-until-settled.js";

/**
 * Allocates exactly once per key, on any provider. With a caller key, the key is looked up first. Each attempt
 * retries only failures that certainly did nothing; after an ambiguous one (lost answer, 5xx, timeout, unreadable
 * 2xx) the key is read back over the settle period: found means done, absent means retry with the same key,
 * unreadable until the deadline means OUTCOME_UNKNOWN. After success, a shared key (or an earlier ambiguous
 * attempt) is read again: the oldest `count` resources are kept and the surplus released, so every caller with
 * the key converges on the same IPs. A failure after this call allocated names (and by default releases) them.
 * @public
 */
export async function convergeAllocation<Resource>(
  operation: Operation,
  spec: KeyedAllocation<Resource>,
): Promise<ConvergedAllocation<Resource>> {
  if (spec.shared) {
    const existing = await spec.findByKey(operation);
    if (existing.length > 0) return keepOldestResources(operation, spec, existing, [], false);
  }
  let ambiguous = false;
  for (let round = 1; ; round += 1) {
    let mine: Resource[];
    try {
      mine = (
        await operation.call((context) => spec.send(context), {
          shouldRetry: (error) => error.retryable && !error.ambiguous,
        })
      ).resources;
    } catch (thrown) {
      const error = toIpAllocatorError(thrown, { provider: operation.provider, operation: operation.name });
      const alreadyDone = spec.isAlreadyDone?.(error) ?? false;
      if (!alreadyDone && !error.ambiguous) throw error;
      ambiguous ||= error.ambiguous;
      if (operation.signal.aborted)
        throw createOutcomeUnknownError(operation, spec.key, error, operation.signal.reason as IpAllocatorError, 0);
      operation.environment.logger.warn(
        `${operation.provider}: ${operation.name} answered ${error.providerCode ?? error.code}; looking the allocation up by its key`,
        { idempotencyKey: spec.key },
      );
      // A 2xx the adapter could not read was a success: the allocation exists, so read until it is listed (or the
      // deadline). After another ambiguous answer with a shared key, read the whole settle period: our own lost
      // allocation may surface late.
      const committed = error.httpStatus !== undefined && error.httpStatus >= 200 && error.httpStatus < 300;
      const settle = committed ? { reads: Number.MAX_SAFE_INTEGER, intervalMs: spec.settle.intervalMs } : spec.settle;
      const read = await readUntilSettled(
        operation,
        () => spec.findByKey(operation),
        settle,
        (found) => found.length >= spec.count && !(spec.shared && ambiguous && !committed),
      );
      if ("unreadable" in read)
        throw createOutcomeUnknownError(operation, spec.key, error, read.unreadable, read.reads);
      if (read.found.length > 0) return keepOldestResources(operation, spec, read.found, [], ambiguous);
      if (alreadyDone) throw error;
      if (spec.retryWhenAbsent === false)
        throw createOutcomeUnknownError(operation, spec.key, error, undefined, read.reads);
      const nothing = new IpAllocatorError({
        ...error.toOptions(),
        ambiguous: false,
        message: `${error.message} (the key "${spec.key}" was read back ${read.reads} times: nothing was allocated)`,
        details: { ...error.details, idempotencyKey: spec.key, reconciliation: "nothing allocated" },
      });
      if (!error.retryable || round >= operation.retry.maxAttempts || !operation.spendRetry(nothing, round)) {
        const { attempts, totalRetryDelayMs } = operation.metadata();
        throw nothing.withAttempts(attempts, totalRetryDelayMs);
      }
      continue;
    }
    if (!spec.shared && !ambiguous) return { resources: mine, reconciled: false, releasedSurplus: [], warnings: [] };
    return convergeAfterSuccess(operation, spec, mine, ambiguous);
  }
}

/** Reads the key until this call's own resources are listed (so every older one is too), then keeps the oldest. */
async function convergeAfterSuccess<Resource>(
  operation: Operation,
  spec: KeyedAllocation<Resource>,
  mine: Resource[],
  ambiguous: boolean,
): Promise<ConvergedAllocation<Resource>> {
  const mineIds = new Set(mine.map(spec.idOf));
  const read = await readUntilSettled(
    operation,
    () => spec.findByKey(operation),
    spec.settle,
    (found) => !ambiguous && countListed(found, mineIds, spec.idOf) === mineIds.size,
  );
  if ("unreadable" in read) throw await failAfterAllocation(operation, spec, [...mineIds], read.unreadable);
  const listed = new Set(read.found.map(spec.idOf));
  // Ours not listed yet are the youngest: listing order is creation order.
  return keepOldestResources(
    operation,
    spec,
    [...read.found, ...mine.filter((resource) => !listed.has(spec.idOf(resource)))],
    mine,
    ambiguous,
  );
}

function countListed<Resource>(
  found: Resource[],
  ids: ReadonlySet<string>,
  idOf: (resource: Resource) => string,
): number {
  return found.filter((resource) => ids.has(idOf(resource))).length;
}
