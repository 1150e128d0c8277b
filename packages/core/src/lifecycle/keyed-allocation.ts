import type { IpAllocatorError } from "../errors/ip-allocator-error.js";
import type { AttemptContext, Operation } from "./operation.js";
import type { SettleSettings } from "./read-until-settled.js";

/** An adapter's declaration of one keyed allocation; see `convergeAllocation`. @public */
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
