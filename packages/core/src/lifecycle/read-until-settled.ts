import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import type { Operation } from "./operation.js";

/** How long a listing may lag behind a mutation: `reads` lookups, `intervalMs` apart at first, backed off with jitter. @public */
export interface SettleSettings {
  /** Successful lookups over which the listing is given time to catch up. */
  reads: number;
  /** First delay between lookups; later ones double, up to 8x, jittered in their upper half. */
  intervalMs: number;
}

/** What the lookups saw, or why they could not see. @public */
export type SettledRead<Resource> =
  | { found: Resource[]; reads: number }
  | { unreadable: IpAllocatorError; reads: number };

/**
 * Looks resources up until `enough(found)` holds, or `settle.reads` lookups succeeded. A lookup that fails
 * retryably is tried again (reads are safe) up to twice the settle count; a non-retryable failure, the
 * deadline or an abort ends the reads as `unreadable`.
 * @public
 */
export async function readUntilSettled<Resource>(
  operation: Operation,
  find: () => Promise<Resource[]>,
  settle: SettleSettings,
  enough: (found: Resource[]) => boolean,
): Promise<SettledRead<Resource>> {
  let found: Resource[] | undefined;
  let reads = 0;
  let failures = 0;
  for (let round = 1; ; round += 1) {
    try {
      if (round > 1) await operation.sleep(settleDelay(round - 1, settle.intervalMs, operation.environment.random));
      found = await find();
      reads += 1;
    } catch (thrown) {
      const error = toIpAllocatorError(thrown, { provider: operation.provider, operation: operation.name });
      failures += 1;
      if (operation.signal.aborted || !error.retryable || failures > settle.reads * 2)
        return { unreadable: error, reads };
      continue;
    }
    if (enough(found) || reads >= settle.reads) return { found, reads };
  }
}

function settleDelay(step: number, intervalMs: number, random: () => number): number {
  const ceiling = Math.min(intervalMs * 8, intervalMs * 2 ** (step - 1));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * OUTCOME_UNKNOWN for an allocation that may or may not exist: the provider could not be read before the
 * deadline. `details.idempotencyKey` is the key to pass back: a retry with it returns the allocation if it exists.
 * @public
 */
export function createOutcomeUnknownError(
  operation: Operation,
  key: string,
  cause: IpAllocatorError,
  reason: IpAllocatorError | undefined,
  reads: number,
): IpAllocatorError {
  // The deadline's own message ends with a period; the sentence below adds its own.
  const why =
    reason === undefined
      ? "it could not be read back"
      : reason.code === "TIMEOUT" || reason.code === "CANCELLED"
        ? reason.message.replace(/\.+$/, "")
        : `reading it back failed (${reason.code}${reason.providerCode ? ` ${reason.providerCode}` : ""})`;
  const metadata = operation.metadata();
  return new IpAllocatorError({
    code: "OUTCOME_UNKNOWN",
    message:
      `${operation.name} may or may not have allocated (${cause.code}${cause.providerCode ? ` ${cause.providerCode}` : ""}); ${why}. ` +
      `Retry with idempotencyKey "${key}" to get the allocation if it exists instead of a second one.`,
    provider: operation.provider,
    operation: operation.name,
    providerCode: cause.providerCode,
    httpStatus: cause.httpStatus,
    requestId: cause.requestId ?? metadata.requestId,
    attempts: metadata.attempts,
    totalRetryDelayMs: metadata.totalRetryDelayMs,
    ambiguous: true,
    details: { idempotencyKey: key, reconciliationChecks: reads, ...(reason ? { stoppedBy: reason.code } : {}) },
    cause,
  });
}
