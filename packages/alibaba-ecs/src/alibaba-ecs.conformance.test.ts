import { runIpAllocatorConformance } from "@polycloud/testkit";
import { TEST_ACCESS_KEY_SECRET, TEST_REGION, TEST_SECURITY_TOKEN, startTestEmulator } from "./__fixtures__/start-test-emulator.js";

const WRONG_SECRET = "polycloud-wrong-secret-value";
const HUNG_ACTIONS = { allocate: "AllocatePublicIpAddress", describe: "DescribeInstanceAttribute" } as const;

runIpAllocatorConformance({
  name: "alibaba-ecs",
  async setup() {
    const test = await startTestEmulator();
    const credentials = { accessKeyId: "polycloud-test-key-id", accessKeySecret: TEST_ACCESS_KEY_SECRET, securityToken: TEST_SECURITY_TOKEN };
    // The real retry clock: the kit measures promptness in wall time.
    const allocator = test.createAllocator({ credentials }, { clock: undefined });
    return {
      allocator,
      validRequest: () => ({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }),
      countAllocations: () => test.countAllocations(),
      countRequests: () => test.dispatcher.requests,
      secrets: [TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN, WRONG_SECRET],
      hangNext(operation) {
        test.emulator.faults.add({ provider: "alibaba", action: HUNG_ACTIONS[operation], kind: "hang", times: 1 });
      },
      createAllocatorWithBadCredentials: () => test.createAllocator({ credentials: { ...credentials, accessKeySecret: WRONG_SECRET } }),
      teardown: () => test.close(),
    };
  },
});
