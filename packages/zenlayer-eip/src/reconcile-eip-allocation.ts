import { IpAllocatorError, computeBackoffDelay } from "@polycloud/core";
import { findEipsByIdempotencyKey } from "./describe-eip-addresses.js";
import type { EipAddress } from "./parse-zenlayer-eip-response.js";
import type { ZenlayerEipOperation } from "./zenlayer-eip-operation.js";

/** What reconciliation saw. @internal */
export interface ReconciliationOutcome {
  /** Live EIPs tagged with the key (possibly fewer than requested). */
  found: EipAddress[];
  /** Tag lookups made. */
  checks: number;
}

/**
 * After an ambiguous allocate failure, looks for the allocation by its idempotency tag. Describe lags
 * behind Allocate, so an empty (or short) answer is re-checked `reconcile.checks` times with backoff
 * and jitter before it is believed. Any lookup failure, abort or deadline means polycloud cannot tell
 * what exists: OUTCOME_UNKNOWN carrying the key, so the caller can retry with it safely.
 * @internal
 */
export async function reconcileEipAllocation(operation: ZenlayerEipOperation, idempotencyKey: string, count: number, cause: IpAllocatorError): Promise<ReconciliationOutcome> {
  const { checks: maxChecks, intervalMs } = operation.dependencies.settings.reconcile;
  let found: EipAddress[] = [];
  for (let check = 1; check <= maxChecks; check += 1) {
    try {
      if (check > 1) {
        const ceiling = computeBackoffDelay(check - 1, { baseDelayMs: intervalMs, maxDelayMs: intervalMs * 8, jitter: "none" });
        await operation.sleep(Math.floor(ceiling / 2 + operation.dependencies.random() * (ceiling / 2)));
      }
      found = await findEipsByIdempotencyKey(operation, idempotencyKey);
    } catch (thrown) {
      throw createOutcomeUnknownError(operation, idempotencyKey, cause, thrown, check);
    }
    if (found.length >= count) return { found, checks: check };
  }
  return { found, checks: maxChecks };
}

/**
 * OUTCOME_UNKNOWN for an allocation that may or may not exist. `details.idempotencyKey` is the tag value
 * to pass back as `idempotencyKey`: a retry with it returns the allocation if it exists.
 * @internal
 */
export function createOutcomeUnknownError(operation: ZenlayerEipOperation, idempotencyKey: string, cause: IpAllocatorError, reason: unknown, checks: number): IpAllocatorError {
  const stopped = IpAllocatorError.isInstance(reason) ? reason : undefined;
  const why = stopped?.code === "TIMEOUT" || stopped?.code === "CANCELLED" ? stopped.message : `reconciliation could not read the allocation (${stopped?.code ?? "error"})`;
  const metadata = operation.metadata();
  return new IpAllocatorError({
    code: "OUTCOME_UNKNOWN",
    message:
      `AllocateEipAddresses may or may not have allocated (${cause.code}${cause.providerCode ? ` ${cause.providerCode}` : ""}); ${why}. ` +
      `Retry allocate with idempotencyKey "${idempotencyKey}" to get the allocation if it exists instead of a second one.`,
    provider: "zenlayer-eip",
    operation: "allocate",
    providerCode: cause.providerCode,
    httpStatus: cause.httpStatus,
    requestId: cause.requestId ?? metadata.requestId,
    attempts: metadata.attempts,
    totalRetryDelayMs: metadata.totalRetryDelayMs,
    ambiguous: true,
    details: { idempotencyKey, reconciliationChecks: checks, ...(stopped ? { stoppedBy: stopped.code } : {}) },
    cause,
  });
}
