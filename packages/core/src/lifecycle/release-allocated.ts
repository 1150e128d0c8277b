import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import { Operation } from "./operation.js";

/** Default deadline of compensating releases, apart from the failed call's own (which may have run out). @public */
export const DEFAULT_COMPENSATION_TIMEOUT_MS = 60_000;

/** What a compensating release achieved. @public */
export interface ReleaseOutcome {
  /** Ids released (or already gone). */
  released: string[];
  /** Ids that could not be released, with why. */
  unreleased: Array<{ id: string; error: IpAllocatorError }>;
}

/**
 * Releases `ids` one by one under a fresh deadline of its own (the failed operation's signal may have fired:
 * a cancelled or timed-out call must still give back what it allocated). Never throws: what could not be
 * released is reported, so the caller can name it.
 * @public
 */
export async function releaseAllocated(
  failed: Operation,
  ids: readonly string[],
  release: (operation: Operation, id: string) => Promise<unknown>,
  timeoutMs = DEFAULT_COMPENSATION_TIMEOUT_MS,
): Promise<ReleaseOutcome> {
  const outcome: ReleaseOutcome = { released: [], unreleased: [] };
  if (ids.length === 0) return outcome;
  const operation = new Operation(failed.environment, "release", { hooks: failed.hooks }, timeoutMs);
  try {
    for (const id of ids) {
      try {
        await release(operation, id);
        outcome.released.push(id);
      } catch (thrown) {
        const error = toIpAllocatorError(thrown, { provider: failed.provider, operation: "release" });
        if (error.code === "NOT_FOUND") outcome.released.push(id);
        else outcome.unreleased.push({ id, error });
      }
    }
  } finally {
    operation.dispose();
  }
  failed.environment.logger.warn(`${failed.provider}: released what a failed ${failed.name} allocated`, {
    released: outcome.released,
    unreleased: outcome.unreleased.map((entry) => entry.id),
  });
  return outcome;
}

/** The ids an allocation-related failure names, and what became of them. @public */
export interface AllocatedIdsReport {
  /** Every id this call allocated. */
  allocatedIds: readonly string[];
  /** Released by the call's compensation. */
  releasedIds?: readonly string[];
  /** Still allocated (kept on purpose, or the release failed): the caller must release them. */
  keptIds?: readonly string[];
  /** The idempotency key the allocation carries, when a retry with it would return the kept ids. */
  idempotencyKey?: string;
  /** The ids were returned for the caller's key, allocated by an earlier call: named, never released here. */
  returnedOnly?: boolean;
}

/**
 * A copy of `error` that names every id the call allocated, in `details.allocatedIds` (plus `releasedIds`,
 * `keptIds`) and in the message, so no billed resource is left unnamed.
 * @public
 */
export function attachAllocatedIds(error: IpAllocatorError, report: AllocatedIdsReport): IpAllocatorError {
  if (report.allocatedIds.length === 0) return error;
  const released = report.releasedIds ?? [];
  const kept = report.keptIds ?? report.allocatedIds.filter((id) => !released.includes(id));
  const parts = [
    report.returnedOnly
      ? `This call returned ${report.allocatedIds.join(", ")} (allocated earlier under idempotencyKey "${report.idempotencyKey}")`
      : `This call allocated ${report.allocatedIds.join(", ")}`,
  ];
  if (released.length > 0) parts.push(`released ${released.join(", ")}`);
  if (kept.length > 0)
    parts.push(
      `still allocated (release ${kept.length === 1 ? "it, or it keeps" : "them, or they keep"} billing): ${kept.join(", ")}`,
    );
  const details: Record<string, unknown> = {
    ...error.details,
    allocatedIds: [...report.allocatedIds],
    releasedIds: [...released],
    keptIds: [...kept],
  };
  if (report.idempotencyKey !== undefined) details.idempotencyKey = report.idempotencyKey;
  return new IpAllocatorError({ ...error.toOptions(), message: `${error.message} ${parts.join("; ")}.`, details });
}
