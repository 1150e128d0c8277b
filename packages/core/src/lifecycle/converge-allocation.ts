import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { toIpAllocatorError } from "../errors/to-ip-allocator-error.js";
import type { AttemptContext, Operation } from "./operation.js";
import { createOutcomeUnknownError, readUntilSettled, type SettleSettings } from "./read-until-settled.js";
import { attachAllocatedIds, releaseAllocated } from "./release-allocated.js";

/** An adapter's declaration of one keyed allocation; see {@link convergeAllocation}. @public */
export interface KeyedAllocation<Resource> {
  /** The key the allocation carries (a tag, a client token; for one-per-instance IPs, the instance). */
  key: string;
  /** True when the caller chose the key: other callers and processes may share it. */
  shared: boolean;
  count: number;
  /**
   * One attempt, the key attached: the resources the provider answered (and its request id, which becomes the
   * result's). A failure that may have been processed must be `ambiguous`.
   */
  send(context: AttemptContext): Promise<SentAllocation<Resource>>;
  /** Live resources carrying the key, oldest first in the provider's creation order. */
  findByKey(operation: Operation): Promise<Resource[]>;
  /** Releases one resource by id (surplus, or compensation). "Already gone" must resolve. */
  release(operation: Operation, id: string): Promise<unknown>;
  idOf(resource: Resource): string;
  /** Answers meaning "it exists already" (e.g. `AllocatedAlready`): read back instead of failing. */
  isAlreadyDone?(error: IpAllocatorError): boolean;
  /** ALREADY_EXISTS when resources found with the key do not fit this request (another zone, say). */
  checkExisting?(found: Resource[]): IpAllocatorError | undefined;
  settle: SettleSettings;
  /** Allocate again with the same key when the read-back found nothing. Default true. */
  retryWhenAbsent?: boolean;
  /** Release what this call allocated when a later step fails (false keeps it, named in the error). Default true. */
  releaseOnFailure?: boolean;
}

/** What one allocate attempt answered. @public */
export interface SentAllocation<Resource> {
  resources: Resource[];
  requestId?: string;
}

/** The converged allocation: exactly `count` resources carrying the key (fewer only with a warning). @public */
export interface ConvergedAllocation<Resource> {
  resources: Resource[];
  /** True when the result came from reading the provider rather than from this call's own answer. */
  reconciled: boolean;
  /** Surplus ids carrying the key that this call released. */
  releasedSurplus: string[];
  warnings: string[];
}

/**
 * Allocates exactly once per key, on any provider. With a caller key, the key is looked up first. Each attempt
 * retries only failures that certainly did nothing; after an ambiguous one (lost answer, 5xx, timeout, unreadable
 * 2xx) the key is read back over the settle period: found means done, absent means retry with the same key,
 * unreadable until the deadline means OUTCOME_UNKNOWN. After success, a shared key (or an earlier ambiguous
 * attempt) is read again: the oldest `count` resources are kept and the surplus released, so every caller with
 * the key converges on the same IPs. A failure after this call allocated names (and by default releases) them.
 * @public
 */
export async function convergeAllocation<Resource>(operation: Operation, spec: KeyedAllocation<Resource>): Promise<ConvergedAllocation<Resource>> {
  if (spec.shared) {
    const existing = await spec.findByKey(operation);
    if (existing.length > 0) return keepOldest(operation, spec, existing, [], false);
  }
  let ambiguous = false;
  for (let round = 1; ; round += 1) {
    let mine: Resource[];
    try {
      mine = (await operation.call((context) => spec.send(context), { shouldRetry: (error) => error.retryable && !error.ambiguous })).resources;
    } catch (thrown) {
      const error = toIpAllocatorError(thrown, { provider: operation.provider, operation: operation.name });
      const alreadyDone = spec.isAlreadyDone?.(error) ?? false;
      if (!alreadyDone && !error.ambiguous) throw error;
      ambiguous ||= error.ambiguous;
      if (operation.signal.aborted) throw createOutcomeUnknownError(operation, spec.key, error, operation.signal.reason as IpAllocatorError, 0);
      operation.environment.logger.warn(`${operation.provider}: ${operation.name} answered ${error.providerCode ?? error.code}; looking the allocation up by its key`, { idempotencyKey: spec.key });
      // A 2xx the adapter could not read was a success: the allocation exists, so read until it is listed (or the
      // deadline). After another ambiguous answer with a shared key, read the whole settle period: our own lost
      // allocation may surface late.
      const committed = error.httpStatus !== undefined && error.httpStatus >= 200 && error.httpStatus < 300;
      const settle = committed ? { reads: Number.MAX_SAFE_INTEGER, intervalMs: spec.settle.intervalMs } : spec.settle;
      const read = await readUntilSettled(operation, () => spec.findByKey(operation), settle, (found) => found.length >= spec.count && !(spec.shared && ambiguous && !committed));
      if ("unreadable" in read) throw createOutcomeUnknownError(operation, spec.key, error, read.unreadable, read.reads);
      if (read.found.length > 0) return keepOldest(operation, spec, read.found, [], ambiguous);
      if (alreadyDone) throw error;
      if (spec.retryWhenAbsent === false) throw createOutcomeUnknownError(operation, spec.key, error, undefined, read.reads);
      const nothing = new IpAllocatorError({ ...error.toOptions(), ambiguous: false, message: `${error.message} (the key "${spec.key}" was read back ${read.reads} times: nothing was allocated)`, details: { ...error.details, idempotencyKey: spec.key, reconciliation: "nothing allocated" } });
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
async function convergeAfterSuccess<Resource>(operation: Operation, spec: KeyedAllocation<Resource>, mine: Resource[], ambiguous: boolean): Promise<ConvergedAllocation<Resource>> {
  const mineIds = new Set(mine.map(spec.idOf));
  const read = await readUntilSettled(operation, () => spec.findByKey(operation), spec.settle, (found) => !ambiguous && countListed(found, mineIds, spec.idOf) === mineIds.size);
  if ("unreadable" in read) throw await failAfterAllocation(operation, spec, [...mineIds], read.unreadable);
  const listed = new Set(read.found.map(spec.idOf));
  // Ours not listed yet are the youngest: listing order is creation order.
  return keepOldest(operation, spec, [...read.found, ...mine.filter((resource) => !listed.has(spec.idOf(resource)))], mine, ambiguous);
}

/** Keeps the oldest `count`, releases the surplus this call may release, and reports the rest in warnings. */
async function keepOldest<Resource>(operation: Operation, spec: KeyedAllocation<Resource>, found: Resource[], mine: Resource[], releaseForeign: boolean): Promise<ConvergedAllocation<Resource>> {
  const mineIds = new Set(mine.map(spec.idOf));
  const conflict = spec.checkExisting?.(found.filter((resource) => !mineIds.has(spec.idOf(resource))));
  if (conflict !== undefined) throw await failAfterAllocation(operation, spec, [...mineIds], conflict);
  const kept = found.slice(0, spec.count);
  // Surplus made by other callers is theirs to release, unless an ambiguous answer of ours may have made it.
  const surplus = found.slice(spec.count).map(spec.idOf).filter((id) => releaseForeign || mineIds.has(id));
  const outcome = await releaseAllocated(operation, surplus, spec.release);
  const warnings = outcome.unreleased.map(({ id, error }) => `Surplus ${id} carrying idempotencyKey "${spec.key}" could not be released (${error.code}): release it, or it keeps billing.`);
  if (kept.length < spec.count) warnings.push(`Found ${kept.length} of ${spec.count} resources carrying idempotencyKey "${spec.key}"; polycloud never allocates the difference automatically.`);
  const reconciled = !kept.every((resource) => mineIds.has(spec.idOf(resource)));
  return { resources: kept, reconciled, releasedSurplus: outcome.released, warnings };
}

/**
 * A step after this call allocated failed: release what it allocated (unless told to keep it, or the key is
 * shared and another caller may hold the same resources) and name every id in the error.
 */
async function failAfterAllocation<Resource>(operation: Operation, spec: KeyedAllocation<Resource>, allocatedIds: string[], error: IpAllocatorError): Promise<IpAllocatorError> {
  if (allocatedIds.length === 0) return error;
  const release = spec.releaseOnFailure !== false && !spec.shared;
  const outcome = release ? await releaseAllocated(operation, allocatedIds, spec.release) : { released: [], unreleased: [] };
  return attachAllocatedIds(error, { allocatedIds, releasedIds: outcome.released, idempotencyKey: spec.key });
}

function countListed<Resource>(found: Resource[], ids: ReadonlySet<string>, idOf: (resource: Resource) => string): number {
  return found.filter((resource) => ids.has(idOf(resource))).length;
}
