import { runIpAllocatorConformance, type WireRequest } from "@polycloud/testkit";
import {
  TEST_ACCESS_KEY_SECRET,
  TEST_REGION,
  TEST_SECURITY_TOKEN,
  startTestEmulator,
} from "./__fixtures__/start-test-emulator.js";

const WRONG_SECRET = "polycloud-wrong-secret-value";
const HUNG_ACTIONS = { allocate: "AllocatePublicIpAddress", describe: "DescribeInstanceAttribute" } as const;

/** The RPC action of a request: the `x-acs-action` header (V3 signing), else the `Action` parameter (V1, query or form body). */
function readAction(request: WireRequest): string | null {
  return (
    request.headers["x-acs-action"] ??
    new URL(request.url).searchParams.get("Action") ??
    new URLSearchParams(request.body).get("Action")
  );
}

runIpAllocatorConformance({
  name: "alibaba-ecs",
  async setup() {
    const test = await startTestEmulator();
    const credentials = {
      accessKeyId: "polycloud-test-key-id",
      accessKeySecret: TEST_ACCESS_KEY_SECRET,
      securityToken: TEST_SECURITY_TOKEN,
    };
    // The real retry clock: the kit measures promptness (and a Retry-After being waited out) in wall time.
    const createAllocator = () => test.createAllocator({ credentials }, { clock: undefined });
    const allocator = createAllocator();
    return {
      allocator,
      // One instance holds one public IP (its id is the instance id): each request targets an unused instance.
      validRequest: () => ({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }),
      countAllocations: () => test.countAllocations(),
      countRequests: () => test.dispatcher.requests,
      faults: test.dispatcher,
      // The default allocation method; ModifyInstanceNetworkSpec is only used when providerOptions ask for it.
      isAllocateRequest: (request) => readAction(request) === "AllocatePublicIpAddress",
      createPeerAllocator: createAllocator,
      countLiveAllocations: () => test.countLiveAllocations(),
      secrets: [TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN, WRONG_SECRET],
      hangNext(operation) {
        test.emulator.faults.add({ provider: "alibaba", action: HUNG_ACTIONS[operation], kind: "hang", times: 1 });
      },
      createAllocatorWithBadCredentials: () =>
        test.createAllocator({ credentials: { ...credentials, accessKeySecret: WRONG_SECRET } }),
      teardown: () => test.close(),
    };
  },
});
