// Test support: a fresh AWS EC2 emulator on loopback and allocators wired to it through a counting, fault-injecting dispatcher.
import type { IpAllocatorError } from "@polycloud/core";
import { startEmulator, type FaultRule, type RunningEmulator, type StartEmulatorOptions } from "@polycloud/emulator";
import { createFaultInjectingDispatcher, type FaultInjectingDispatcher } from "@polycloud/testkit";
import type { AwsEc2Allocator } from "../src/aws-ec2-allocator.js";
import type { AwsEc2Settings } from "../src/aws-ec2-settings.js";
import { createAwsEc2Allocator, type AwsEc2AllocatorDependencies } from "../src/create-aws-ec2-allocator.js";

/** The emulator's default seed (see @polycloud/emulator). */
export const TEST_REGION = "us-east-1";
export const TEST_CREDENTIALS = {
  accessKeyId: "polycloud-test-key-id",
  secretAccessKey: "polycloud-test-key-secret",
} as const;
export const TEST_SESSION_CREDENTIALS = {
  accessKeyId: "ASIAPOLYCLOUDTEST001",
  secretAccessKey: "polycloud-test-session-secret",
  sessionToken: "polycloud-test-session-token",
} as const;
export const TEST_READ_ONLY_CREDENTIALS = {
  accessKeyId: "polycloud-test-readonly-key-id",
  secretAccessKey: "polycloud-test-readonly-key-secret",
} as const;
/** Values that must never appear in errors, results, logs or hook events. */
export const TEST_SECRETS = [
  TEST_CREDENTIALS.secretAccessKey,
  TEST_SESSION_CREDENTIALS.secretAccessKey,
  TEST_SESSION_CREDENTIALS.sessionToken,
  TEST_READ_ONLY_CREDENTIALS.secretAccessKey,
] as const;
/** Running instances of the default seed. */
export const RUNNING_INSTANCE_IDS = [
  "i-0123456789abcdef0",
  "i-0123456789abcdef1",
  "i-0123456789abcdef2",
  "i-0123456789abcdef3",
] as const;
export const STOPPED_INSTANCE_ID = "i-0123456789abcdef9";
/** Well-formed, but not in the seed. */
export const UNKNOWN_INSTANCE_ID = "i-0fedcba9876543210";

/** Adapter pacing for an emulator whose listing does not lag. */
export const FAST_SETTINGS: Partial<AwsEc2Settings> = {
  requestTimeoutMs: 2_000,
  retry: { baseDelayMs: 5, throttlingBaseDelayMs: 10, maxDelayMs: 40 },
  // Also the settle horizon of "oldest first" (checks × intervalMs = 150 ms): above loopback latency under a loaded test run.
  reconcile: { checks: 3, intervalMs: 50 },
};

/** One emulator, a request-counting (and fault-injecting) dispatcher and allocators wired to both. */
export interface Harness {
  emulator: RunningEmulator;
  endpoint: string;
  /** Counts requests (`requests`) and injects wire faults (`inject`), for every allocator of the harness. */
  dispatcher: FaultInjectingDispatcher;
  allocator: AwsEc2Allocator;
  /** Another allocator on the same emulator and dispatcher (settings merged over the harness's). */
  createAllocator(settings?: Partial<AwsEc2Settings>, dependencies?: AwsEc2AllocatorDependencies): AwsEc2Allocator;
  /** Adds a fault rule for the AWS emulator. */
  fault(rule: Omit<FaultRule, "provider">): string;
  /** Addresses the emulator committed (allocate events). */
  allocations(): number;
  /** Addresses held now (allocated, not released). */
  liveAllocations(): number;
  /** Closes every allocator of the harness, the emulator and the dispatcher. */
  close(): Promise<void>;
}

/** Starts a fresh emulator and allocator; close() closes both. */
export async function startHarness(
  options: { emulator?: StartEmulatorOptions["aws"]; settings?: Partial<AwsEc2Settings> } = {},
): Promise<Harness> {
  const emulator = await startEmulator({ aws: { rateLimit: false, ...options.emulator } });
  const dispatcher = createFaultInjectingDispatcher();
  const base: AwsEc2Settings = {
    region: TEST_REGION,
    endpoint: emulator.aws.endpoint,
    credentials: TEST_CREDENTIALS,
    ...FAST_SETTINGS,
    ...options.settings,
  };
  const allocators: AwsEc2Allocator[] = [];
  const createAllocator = (settings: Partial<AwsEc2Settings> = {}, dependencies: AwsEc2AllocatorDependencies = {}) => {
    const allocator = createAwsEc2Allocator({ ...base, ...settings }, { dispatcher, env: {}, ...dependencies });
    allocators.push(allocator);
    return allocator;
  };
  return {
    emulator,
    endpoint: emulator.aws.endpoint,
    dispatcher,
    allocator: createAllocator(),
    createAllocator,
    fault: (rule) => emulator.faults.add({ provider: "aws", ...rule }),
    allocations: () => emulator.events.count({ provider: "aws", kind: "allocate" }),
    liveAllocations: () => emulator.awsState.addresses.length,
    async close() {
      await Promise.all(allocators.map((allocator) => allocator.close()));
      await emulator.close();
      await dispatcher.close();
    },
  };
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<IpAllocatorError> {
  try {
    await promise;
  } catch (thrown) {
    return thrown as IpAllocatorError;
  }
  throw new Error("expected the promise to reject");
}
