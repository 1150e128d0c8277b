// Public API of @polycloud/testkit: the conformance suite every IpAllocator adapter runs, and its helpers.
export { runIpAllocatorConformance } from "./run-ip-allocator-conformance.js";
export { CONFORMANCE_CHECKS, type ConformanceCheck } from "./conformance-checks.js";
export type { ConformanceSubject, IpAllocatorConformanceOptions } from "./conformance-subject.js";
export { createCountingDispatcher, type CountingDispatcher } from "./create-counting-dispatcher.js";
export {
  createFaultInjectingDispatcher,
  type FaultInjectingDispatcher,
  type WireFault,
  type WireFaultRule,
  type WireRequest,
} from "./create-fault-injecting-dispatcher.js";
export { collectHookEvents, type CollectedHookEvents } from "./collect-hook-events.js";
export { expectNoSecrets } from "./expect-no-secrets.js";
