import type { IpAllocator } from "@polycloud/core";
import {
  createFaultInjectingDispatcher,
  runIpAllocatorConformance,
  type ConformanceSubject,
  type WireRequest,
} from "@polycloud/testkit";
import { startInMemoryCloud } from "./cloud/index.js";
import { createInMemoryAllocator } from "./create-in-memory-allocator.js";

const ACCESS_TOKEN = "in-memory-conformance-token-5e2a";
const WRONG_TOKEN = "in-memory-wrong-token-77c1";

/** A fresh cloud on loopback, and an allocator sending through the kit's fault layer. */
async function createSubject(provisioningDelayMs: number): Promise<ConformanceSubject> {
  const { endpoint, cloud, close } = await startInMemoryCloud({ accessToken: ACCESS_TOKEN, provisioningDelayMs });
  const faults = createFaultInjectingDispatcher();
  const settings = { endpoint, accessToken: ACCESS_TOKEN };
  const allocator = createInMemoryAllocator(settings, { dispatcher: faults });
  const peers: IpAllocator[] = [];
  let instances = 0;
  return {
    allocator,
    faults,
    validRequest: () => ({
      location: { zone: "mem-1a" },
      instanceId: `vm-${++instances}`,
      tags: { purpose: "conformance" },
    }),
    isAllocateRequest: (request: WireRequest) => request.method === "POST" && request.url.endsWith("/v1/AllocateIps"),
    countAllocations: () => cloud.allocations,
    countLiveAllocations: () => cloud.liveCount,
    countRequests: () => faults.requests,
    secrets: [ACCESS_TOKEN, WRONG_TOKEN],
    hangNext: (operation) => cloud.failNext(operation === "allocate" ? "AllocateIps" : "DescribeIp", "hang"),
    createPeerAllocator: () => {
      const peer = createInMemoryAllocator(settings);
      peers.push(peer);
      return peer;
    },
    createAllocatorWithBadCredentials: () =>
      createInMemoryAllocator({ ...settings, accessToken: WRONG_TOKEN }, { dispatcher: faults }),
    async teardown() {
      await Promise.all([allocator, ...peers].map((closing) => closing.close()));
      await close(); // destroys the sockets of hanging requests, so the dispatcher can close
      await faults.close();
    },
  };
}

runIpAllocatorConformance({ name: "in-memory (ready at once)", setup: () => createSubject(0) });
runIpAllocatorConformance({ name: "in-memory (provisioning for 40 ms)", setup: () => createSubject(40) });
