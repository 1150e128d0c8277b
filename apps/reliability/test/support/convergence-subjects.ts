import type { AllocateRequestInput, IpAllocator } from "@polycloud/core";
import { createAlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import { createAwsEc2Allocator } from "@polycloud/aws-ec2";
import { DEFAULT_AWS_SEED, startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { IDEMPOTENCY_TAG_KEY, createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import {
  ALIBABA_REGION,
  ALIBABA_TEST_ACCOUNT,
  ZENLAYER_TEST_ACCOUNT,
  createAlibabaSeed,
  createZenlayerSeed,
  listAlibabaInstanceIds,
} from "./reliability-seeds.js";

/** A fault on the provider's allocate mutation only: reads always work, so the provider stays readable. */
export type AllocateFault = "reset-before" | "server-error" | "reset-after-commit";

/** One adapter on a fresh emulator, as the convergence scenarios need it. */
export interface ConvergenceSubject {
  adapter: string;
  /** A new allocator on the same emulator: what another process would have. */
  createAllocator(): IpAllocator;
  /** The request of call `index`; calls with the same `target` compete for one allocation. */
  request(target: number, idempotencyKey?: string): AllocateRequestInput & { count: number };
  /** Makes the allocate mutation fail with `probability`. */
  faultAllocate(kind: AllocateFault, probability: number): void;
  /** Times an allocate fault fired. */
  faultsFired(): number;
  /** Ids of the allocations the emulator holds now (not released, not in the recycle bin). */
  liveIds(): string[];
  close(): Promise<void>;
}

/** Pacing that covers the emulated listing lag: about 40 + 80 + 160 + 320 ms of lookups. */
const RECONCILE = { checks: 5, intervalMs: 40 };
const RETRY = { maxAttempts: 5, baseDelayMs: 2, maxDelayMs: 20 };

/** zenlayer-eip on an emulator whose DescribeEipAddresses lags `lagMs` behind AllocateEipAddresses. */
export async function startZenlayerSubject(seed: number, lagMs: number): Promise<ConvergenceSubject> {
  const emulator = await startEmulator({
    randomSeed: seed,
    seed: { zenlayer: createZenlayerSeed() },
    zenlayer: {
      rateLimit: false,
      describeLagMs: lagMs,
      provisioningDelayMs: 30,
      associationDelayMs: 20,
      recycleDelayMs: 20,
    },
  });
  const { accessKeyId, accessKeySecret } = ZENLAYER_TEST_ACCOUNT;
  return createSubject("zenlayer-eip", emulator, "zenlayer", "AllocateEipAddresses", {
    createAllocator: () =>
      createZenlayerEipAllocator(
        {
          endpoint: emulator.zenlayer.endpoint,
          credentials: { accessKeyId, accessKeySecret },
          retry: RETRY,
          reconcile: RECONCILE,
          pollIntervalMs: 10,
          maxPollIntervalMs: 40,
          notFoundPolls: 10,
          waitTimeoutMs: 10_000,
        },
        { env: {} },
      ),
    request: (_target, idempotencyKey) => ({
      location: { zone: "SEL-A" },
      count: 2,
      tags: { suite: "convergence" },
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
    liveIds: () =>
      emulator.zenlayerState.eips
        .filter(
          (eip) =>
            !["RECYCLING", "RECYCLE", "RELEASING"].includes(eip.eipStatus) &&
            eip.tags.tags.some((tag) => tag.key === IDEMPOTENCY_TAG_KEY),
        )
        .map((eip) => eip.eipId),
  });
}

/** alibaba-ecs on an emulator with one Running instance per target (one public IP per instance). */
export async function startAlibabaSubject(seed: number, targets: number): Promise<ConvergenceSubject> {
  const emulator = await startEmulator({
    randomSeed: seed,
    seed: { alibaba: createAlibabaSeed(targets) },
    alibaba: { flowControl: { limit: 1_000_000 } },
  });
  const instanceIds = listAlibabaInstanceIds(targets);
  const { accessKeyId, accessKeySecret } = ALIBABA_TEST_ACCOUNT;
  return createSubject("alibaba-ecs", emulator, "alibaba", "AllocatePublicIpAddress", {
    createAllocator: () =>
      createAlibabaEcsAllocator(
        {
          region: ALIBABA_REGION,
          endpoint: emulator.alibaba.endpoint,
          credentials: { accessKeyId, accessKeySecret },
          retry: RETRY,
          reconcile: RECONCILE,
        },
        { env: {} },
      ),
    request: (target, idempotencyKey) => ({
      location: { region: ALIBABA_REGION },
      instanceId: instanceIds[target % targets] as string,
      count: 1,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
    liveIds: () =>
      emulator.alibabaState
        .listInstances()
        .filter((instance) => instance.publicIpAddress !== undefined)
        .map((instance) => instance.instanceId),
  });
}

/** aws-ec2 on the emulator's AWS endpoint (us-east-1), its address limit raised above what the scenarios hold. */
export async function startAwsSubject(seed: number, lagMs: number): Promise<ConvergenceSubject> {
  const accounts = DEFAULT_AWS_SEED.accounts.map((account) => ({ ...account, addressLimit: 1_000 }));
  const emulator = await startEmulator({
    randomSeed: seed,
    seed: { aws: { ...DEFAULT_AWS_SEED, accounts, describeLagMs: lagMs } },
    aws: { rateLimit: false },
  });
  const { accessKeyId, accessKeySecret } = ALIBABA_TEST_ACCOUNT;
  return createSubject("aws-ec2", emulator, "aws", "AllocateAddress", {
    createAllocator: () =>
      createAwsEc2Allocator(
        {
          region: "us-east-1",
          endpoint: emulator.aws.endpoint,
          credentials: { accessKeyId, secretAccessKey: accessKeySecret },
          retry: RETRY,
          reconcile: RECONCILE,
        },
        { env: {} },
      ),
    request: (_target, idempotencyKey) => ({
      location: { region: "us-east-1" },
      count: 1,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }),
    liveIds: () => emulator.awsState.addresses.map((address) => address.allocationId),
  });
}

function createSubject(
  adapter: string,
  emulator: RunningEmulator,
  provider: "alibaba" | "zenlayer" | "aws",
  action: string,
  parts: Pick<ConvergenceSubject, "createAllocator" | "request" | "liveIds">,
): ConvergenceSubject {
  const allocators: IpAllocator[] = [];
  return {
    adapter,
    createAllocator() {
      const allocator = parts.createAllocator();
      allocators.push(allocator);
      return allocator;
    },
    request: parts.request,
    faultAllocate: (kind, probability) => void emulator.faults.add({ provider, action, kind, probability }),
    faultsFired: () => Object.values(emulator.faults.fired()).reduce((sum, fired) => sum + fired, 0),
    liveIds: parts.liveIds,
    async close() {
      await Promise.all(allocators.map((allocator) => allocator.close()));
      await emulator.close();
    },
  };
}
