import { runIpAllocatorConformance, type ConformanceSubject } from "@polycloud/testkit";
import { createInMemoryAllocator } from "./create-in-memory-allocator.js";
import { InMemoryCloud } from "./in-memory-cloud.js";

const ACCESS_TOKEN = "in-memory-conformance-token-5e2a";
const WRONG_TOKEN = "in-memory-wrong-token-77c1";

/** A fresh cloud and an allocator on it; `provisioningDelayMs > 0` makes the provider asynchronous. */
function createSubject(provisioningDelayMs: number): ConformanceSubject {
  const cloud = new InMemoryCloud({ accessToken: ACCESS_TOKEN, zone: "mem-1a", poolCidr: "198.51.100.0/24", latencyMs: 1, provisioningDelayMs });
  const allocator = createInMemoryAllocator({ accessToken: ACCESS_TOKEN }, { cloud });
  let instances = 0;
  return {
    allocator,
    validRequest: () => ({ location: { zone: "mem-1a" }, instanceId: `vm-${++instances}`, tags: { purpose: "conformance" } }),
    countAllocations: () => cloud.allocations,
    countRequests: () => cloud.requests,
    secrets: [ACCESS_TOKEN, WRONG_TOKEN],
    hangNext: (operation) => cloud.hangNext(operation),
    createAllocatorWithBadCredentials: () => createInMemoryAllocator({ accessToken: WRONG_TOKEN }, { cloud }),
    teardown: () => allocator.close(),
  };
}

runIpAllocatorConformance({ name: "in-memory (synchronous)", setup: async () => createSubject(0) });
runIpAllocatorConformance({ name: "in-memory (asynchronous)", setup: async () => createSubject(40) });
