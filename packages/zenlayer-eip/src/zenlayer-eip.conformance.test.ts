import { runIpAllocatorConformance } from "@polycloud/testkit";
import { TEST_CREDENTIALS, TEST_SECRETS, startHarness } from "../test/zenlayer-eip-harness.js";

const WRONG_SECRET = "polycloud-wrong-secret-0000";

// A fresh emulator (short provisioning and recycle delays) and allocator per check.
runIpAllocatorConformance({
  name: "zenlayer-eip",
  async setup() {
    const harness = await startHarness();
    return {
      allocator: harness.allocator,
      validRequest: () => ({ location: { zone: "SEL-A" }, tags: { suite: "conformance" } }),
      countAllocations: () => harness.allocations(),
      countRequests: () => harness.dispatcher.requests,
      faults: harness.dispatcher,
      isAllocateRequest: (request) => request.headers["x-zc-action"] === "AllocateEipAddresses",
      // Its own engine and key queue, like another process; the harness closes it too (close() is idempotent).
      createPeerAllocator: () => harness.createAllocator(),
      countLiveAllocations: () => harness.liveAllocations(),
      secrets: [...TEST_SECRETS, WRONG_SECRET],
      hangNext(operation) {
        harness.fault({
          action: operation === "allocate" ? "AllocateEipAddresses" : "DescribeEipAddresses",
          kind: "hang",
          times: 1,
        });
      },
      createAllocatorWithBadCredentials: () =>
        harness.createAllocator({ credentials: { ...TEST_CREDENTIALS, accessKeySecret: WRONG_SECRET } }),
      teardown: () => harness.close(),
    };
  },
});
