// Test support: a fresh Alibaba emulator on loopback and allocators wired to it through a counting, fault-injecting dispatcher.
import { RetryBudget } from "@polycloud/core";
import { ManualClock } from "@polycloud/core/testing";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "@polycloud/emulator";
import { createFaultInjectingDispatcher, type FaultInjectingDispatcher } from "@polycloud/testkit";
import { createAlibabaEcsAllocator, type AlibabaEcsAllocatorDependencies } from "../create-alibaba-ecs-allocator.js";
import type { AlibabaEcsAllocator } from "../alibaba-ecs-allocator.js";
import type { AlibabaEcsSettingsInput } from "../alibaba-ecs-settings.js";

/** The emulator's default account (DEFAULT_ALIBABA_SEED). */
export const TEST_ACCESS_KEY_ID = "polycloud-test-key-id";
export const TEST_ACCESS_KEY_SECRET = "polycloud-test-key-secret";
export const TEST_SECURITY_TOKEN = "polycloud-test-security-token";
export const TEST_REGION = "cn-hangzhou";
export const TEST_CREDENTIALS = { accessKeyId: TEST_ACCESS_KEY_ID, accessKeySecret: TEST_ACCESS_KEY_SECRET };
/** Running, bandwidth 5, no public IP: `i-polycloud0001` … `i-polycloud0010`. */
export const RUNNING_INSTANCE_IDS = Array.from(
  { length: 10 },
  (_, index) => `i-polycloud${String(index + 1).padStart(4, "0")}`,
);
/** Stopped with bandwidth 0. */
export const STOPPED_INSTANCE_ID = "i-polycloud0099";
/** Running VPC instance with bandwidth 5: allocatable, but ReleasePublicIpAddress answers OperationDenied. */
export const VPC_INSTANCE_ID = "i-polycloud0020";

/** A running emulator plus helpers to build allocators against it. */
export interface TestEmulator {
  emulator: RunningEmulator;
  endpoint: string;
  /** Shared by every allocator made here; counts requests on the wire (`requests`) and injects wire faults (`inject`). */
  dispatcher: FaultInjectingDispatcher;
  /** Retry clock of allocators made here: backoff sleeps return at once and are recorded. */
  clock: ManualClock;
  /** An allocator with valid credentials; settings and dependencies override the defaults. */
  createAllocator(
    settings?: Partial<AlibabaEcsSettingsInput>,
    dependencies?: AlibabaEcsAllocatorDependencies,
  ): AlibabaEcsAllocator;
  /** A running instance nobody used yet in this emulator. */
  nextInstanceId(): string;
  /** Allocations the emulator committed (AllocatePublicIpAddress and ModifyInstanceNetworkSpec). */
  countAllocations(): number;
  /** Public IPs held now: allocations minus releases (one IP per instance, so one event each). */
  countLiveAllocations(): number;
  close(): Promise<void>;
}

/** Starts an emulator (options as `startEmulator`) on 127.0.0.1 with a random port. */
export async function startTestEmulator(options: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ host: "127.0.0.1", ...options });
  const dispatcher = createFaultInjectingDispatcher();
  const clock = new ManualClock();
  const allocators: AlibabaEcsAllocator[] = [];
  let instanceIndex = 0;
  return {
    emulator,
    endpoint: emulator.alibaba.endpoint,
    dispatcher,
    clock,
    createAllocator(settings = {}, dependencies = {}) {
      const allocator = createAlibabaEcsAllocator(
        { region: TEST_REGION, endpoint: emulator.alibaba.endpoint, credentials: TEST_CREDENTIALS, ...settings },
        // A fresh budget per allocator: one test's retries never starve another's.
        { dispatcher, clock, retryBudget: new RetryBudget(), env: {}, ...dependencies },
      );
      allocators.push(allocator);
      return allocator;
    },
    nextInstanceId() {
      const instanceId = RUNNING_INSTANCE_IDS[instanceIndex];
      instanceIndex += 1;
      if (instanceId === undefined)
        throw new Error("every running instance of the default seed is used: start another emulator");
      return instanceId;
    },
    countAllocations: () => emulator.events.count({ provider: "alibaba", kind: "allocate" }),
    countLiveAllocations: () =>
      emulator.events.count({ provider: "alibaba", kind: "allocate" }) -
      emulator.events.count({ provider: "alibaba", kind: "release" }),
    async close() {
      await Promise.all(allocators.map((allocator) => allocator.close()));
      await dispatcher.close();
      await emulator.close();
    },
  };
}
