import type { AllocateRequestInput } from "./allocate-request.js";
import type { AllocationResult, DescribeResult, ReleaseResult } from "./allocation-result.js";
import type { OperationOptions, WaitOptions } from "./operation-options.js";

/**
 * What a provider can do, so callers can branch on facts rather than on provider names.
 * @public
 */
export interface IpAllocatorCapabilities {
  /** `synchronous`: the address is known when allocate returns; `asynchronous`: poll with waitUntilReady. */
  readonly provisioning: "synchronous" | "asynchronous";
  /** Whether `instanceId` is required (the IP belongs to an instance). */
  readonly requiresInstance: boolean;
  /** Whether an instance may be named (association) at all. */
  readonly supportsInstance: boolean;
  /** Whether the request's location is a region or a zone. */
  readonly locationKind: "region" | "zone";
  /** Largest `count` one allocate call accepts. */
  readonly maxCountPerCall: number;
  /** `deprecated`: works today but the provider has announced its removal. */
  readonly release: "supported" | "deprecated" | "unsupported";
  /** `native`: the provider dedupes by token; `reconciled`: polycloud tags and re-reads before retrying. */
  readonly idempotency: "native" | "reconciled";
  /** Whether allocation bills immediately (a duplicate costs money). */
  readonly billsOnAllocate: boolean;
}

/**
 * The provider-neutral contract. Every method validates its input before sending anything and rejects
 * only with `IpAllocatorError`.
 * @public
 */
export interface IpAllocator {
  /** Provider name, e.g. `alibaba-ecs`. */
  readonly provider: string;
  readonly capabilities: IpAllocatorCapabilities;
  /** Allocates `count` public IPs; never allocates twice for one call, even across retries. */
  allocate(request: AllocateRequestInput, options?: OperationOptions): Promise<AllocationResult>;
  /** Reads the current state of one allocated IP. */
  describe(id: string, options?: OperationOptions): Promise<DescribeResult>;
  /** Releases one allocated IP (possibly asynchronously: state `releasing`). */
  release(id: string, options?: OperationOptions): Promise<ReleaseResult>;
  /** Polls until the IP is ready; rejects with a typed error carrying the last state if it fails. */
  waitUntilReady(id: string, options?: WaitOptions): Promise<DescribeResult>;
  /** Closes connections this allocator owns. Safe to call twice. */
  close(): Promise<void>;
}
