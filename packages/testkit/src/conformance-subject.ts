import type { AllocateRequestInput, IpAllocator } from "@polycloud/core";
import type { ConformanceCheck } from "./conformance-checks.js";
import type { FaultInjectingDispatcher, WireRequest } from "./create-fault-injecting-dispatcher.js";

/**
 * One adapter wired to a fresh far side (an emulator, an in-memory store), as the conformance checks need it.
 * {@link IpAllocatorConformanceOptions.setup} builds one per check and the kit calls `teardown` afterwards.
 * @public
 */
export interface ConformanceSubject {
  /** The allocator under test, configured with valid credentials. */
  allocator: IpAllocator;
  /** A valid allocate request for this provider; each call returns one targeting fresh resources (e.g. a new instance). */
  validRequest(): AllocateRequestInput;
  /**
   * Allocations the far side has committed so far (emulator inspection API). Count in any unit (calls or
   * addresses): the kit only compares values before and after a call.
   */
  countAllocations(): number | Promise<number>;
  /** HTTP requests that reached the wire so far (e.g. `faults.requests`; see {@link createCountingDispatcher}). */
  countRequests(): number;
  /** The dispatcher the allocator under test sends through (see {@link createFaultInjectingDispatcher}). */
  faults: FaultInjectingDispatcher;
  /** True for the provider's allocate mutation as it appears on the wire (e.g. by action header or query). */
  isAllocateRequest(request: WireRequest): boolean;
  /**
   * Another allocator on the same far side, as another process would have (its own state, same credentials).
   * The kit closes it.
   */
  createPeerAllocator(): IpAllocator | Promise<IpAllocator>;
  /**
   * IPs currently held on the far side (allocated and not released or being released), in the same unit as a
   * result's `ips` (emulator inspection API).
   */
  countLiveAllocations(): number | Promise<number>;
  /**
   * Credentials and tokens that must never appear in errors, `toJSON` output or hook/log events. List the
   * wrong secret used by {@link ConformanceSubject.createAllocatorWithBadCredentials} too.
   */
  secrets: readonly string[];
  /**
   * Makes the far side never answer the next request for `operation` (a neutral operation name), so abort
   * and timeout can be tested. The request must still count in `countRequests()`.
   */
  hangNext(operation: "allocate" | "describe"): void | Promise<void>;
  /** An allocator for the same far side configured with a wrong secret. The kit closes it. */
  createAllocatorWithBadCredentials(): IpAllocator | Promise<IpAllocator>;
  /** Closes the allocator, the far side and the dispatcher; called after every check, pass or fail. */
  teardown(): Promise<void>;
}

/** Input of {@link runIpAllocatorConformance}. @public */
export interface IpAllocatorConformanceOptions {
  /** Shown in the suite name: `IpAllocator conformance: <name>`. */
  name: string;
  /** Builds a subject with fresh state; called once per check. */
  setup(): Promise<ConformanceSubject>;
  /** Skip a check only when the adapter documents why (capabilities decide most branches). */
  skip?: ReadonlyArray<ConformanceCheck>;
}
