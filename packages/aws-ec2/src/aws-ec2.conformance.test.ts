import { runIpAllocatorConformance } from "@polycloud/testkit";
import { TEST_CREDENTIALS, TEST_REGION, TEST_SECRETS, startHarness } from "../test/aws-ec2-harness.js";

const WRONG_SECRET = "polycloud-wrong-secret-0000";

/** The Query API action of a request: the `Action` form parameter. */
const actionOf = (body: string) => new URLSearchParams(body).get("Action");

// A fresh emulator (no rate limit, no listing lag) and allocator per check. The request names no instance: the
// default seed has four running instances, and an instance holds one address at a time.
runIpAllocatorConformance({
  name: "aws-ec2",
  async setup() {
    const harness = await startHarness();
    return {
      allocator: harness.allocator,
      validRequest: () => ({ location: { region: TEST_REGION }, tags: { suite: "conformance" } }),
      countAllocations: () => harness.allocations(),
      countRequests: () => harness.dispatcher.requests,
      faults: harness.dispatcher,
      isAllocateRequest: (request) => actionOf(request.body) === "AllocateAddress",
      // Its own engine and key queue, like another process; the harness closes it too (close() is idempotent).
      createPeerAllocator: () => harness.createAllocator(),
      countLiveAllocations: () => harness.liveAllocations(),
      secrets: [...TEST_SECRETS, WRONG_SECRET],
      hangNext(operation) {
        harness.fault({
          action: operation === "allocate" ? "AllocateAddress" : "DescribeAddresses",
          kind: "hang",
          times: 1,
        });
      },
      createAllocatorWithBadCredentials: () =>
        harness.createAllocator({ credentials: { ...TEST_CREDENTIALS, secretAccessKey: WRONG_SECRET } }),
      teardown: () => harness.close(),
    };
  },
});
