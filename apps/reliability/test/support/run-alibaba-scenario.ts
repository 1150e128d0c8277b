import { createAlibabaEcsAllocator, type AlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import type { AllocateRequestInput, AllocationResult } from "@polycloud/core";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { buildCallOptions, type FaultScenario } from "./fault-scenarios.js";
import { recordFailure, settle, type Settled } from "./record-failure.js";
import type { ReliabilitySettings } from "./reliability-settings.js";
import {
  ALIBABA_REGION,
  ALIBABA_TEST_ACCOUNT,
  createAlibabaSeed,
  listAlibabaInstanceIds,
} from "./reliability-seeds.js";
import { runWithConcurrency } from "./run-with-concurrency.js";
import { createTally, type ScenarioRun, type ScenarioTally } from "./scenario-tally.js";

const SIGNATURE_VERSIONS = ["v3", "v1"] as const;
const METHODS = ["allocate-public-ip-address", "modify-instance-network-spec"] as const;

/** Credential sets per call; a bad-credentials scenario rotates through three ways of being wrong. */
function listCredentialVariants(
  bad: boolean,
): Array<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }> {
  const { accessKeyId, accessKeySecret, securityToken } = ALIBABA_TEST_ACCOUNT;
  if (!bad)
    return [
      { accessKeyId, accessKeySecret },
      { accessKeyId, accessKeySecret, securityToken },
    ];
  return [
    { accessKeyId, accessKeySecret: "not-the-secret" },
    { accessKeyId: "unknown-key-id", accessKeySecret },
    { accessKeyId, accessKeySecret, securityToken: "not-the-sts-token" },
  ];
}

/**
 * One seed of one scenario against `alibaba-ecs`: `iterations` allocate calls (V3/V1 signatures, both allocation
 * methods, with and without STS), each on its own instance, under the scenario's faults. Then, faults cleared,
 * every OUTCOME_UNKNOWN call is retried on its instance. Checked through the emulator's event log: at most one
 * allocate event per instance; a success returns the instance's IP; a definite failure left the instance alone.
 */
export async function runAlibabaScenario(
  scenario: FaultScenario,
  seed: number,
  settings: ReliabilitySettings,
): Promise<ScenarioRun> {
  const tally = createTally("alibaba-ecs", scenario.name);
  const emulator = await startEmulator({
    randomSeed: seed,
    seed: { alibaba: createAlibabaSeed(settings.iterations) },
    faults: scenario.rules("alibaba"),
    // Odd seeds answer a second allocate with AllocatedAlready (older ECS docs) instead of the existing IP.
    alibaba: {
      flowControl: { limit: 1_000_000 },
      secondAllocate: seed % 2 === 1 ? "allocated-already" : "return-existing",
    },
  });
  const allocators = listCredentialVariants(scenario.badCredentials === true).map((credentials) =>
    SIGNATURE_VERSIONS.map((signatureVersion) =>
      createAlibabaEcsAllocator(
        {
          region: ALIBABA_REGION,
          endpoint: emulator.alibaba.endpoint,
          credentials,
          signatureVersion,
          timeoutMs: scenario.attemptTimeoutMs,
          retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 },
        },
        { env: {} },
      ),
    ),
  );
  const calls = listAlibabaInstanceIds(settings.iterations).map((instanceId, index) => ({
    label: `seed ${seed} call ${index} (${instanceId})`,
    instanceId,
    method: METHODS[Math.floor(index / 2) % METHODS.length] as string,
    allocator: (allocators[Math.floor(index / 4) % allocators.length] as AlibabaEcsAllocator[])[
      index % SIGNATURE_VERSIONS.length
    ] as AlibabaEcsAllocator,
  }));
  const closeAllocators = async (): Promise<void> => {
    await Promise.all(allocators.flat().map((allocator) => allocator.close()));
  };
  try {
    const outcomes = await runWithConcurrency(calls.length, settings.concurrency, (index) => {
      const call = calls[index] as AlibabaCall;
      return settle(call.allocator.allocate(buildRequest(call), buildCallOptions(scenario, index)));
    });
    tally.faultsFired = Object.values(emulator.faults.fired()).reduce((sum, fired) => sum + fired, 0);
    emulator.faults.clear();
    for (const [index, outcome] of outcomes.entries())
      await checkOutcome(emulator, tally, scenario, calls[index] as AlibabaCall, outcome);
  } catch (error) {
    await closeAllocators();
    await emulator.close();
    throw error;
  }
  tally.iterations = settings.iterations;
  return { tally, closeAllocators, closeEmulator: () => emulator.close() };
}

interface AlibabaCall {
  label: string;
  instanceId: string;
  method: string;
  allocator: AlibabaEcsAllocator;
}

function buildRequest(call: AlibabaCall): AllocateRequestInput {
  return {
    location: { region: ALIBABA_REGION },
    instanceId: call.instanceId,
    providerOptions: { "alibaba-ecs": { method: call.method } },
  };
}

async function checkOutcome(
  emulator: RunningEmulator,
  tally: ScenarioTally,
  scenario: FaultScenario,
  call: AlibabaCall,
  outcome: Settled<AllocationResult>,
): Promise<void> {
  const { label, instanceId } = call;
  if (outcome.result !== undefined) {
    tally.successes += 1;
    if (outcome.result.reconciled) tally.reconciled += 1;
    checkAllocation(emulator, tally, label, instanceId, outcome.result);
    return;
  }
  const error = recordFailure(tally, scenario, outcome.error, label);
  if (error === undefined || error.code !== "OUTCOME_UNKNOWN") {
    // Any other failure claims nothing happened: the instance must still have no public IP.
    const allocations = emulator.events.count({ provider: "alibaba", kind: "allocate", resourceId: instanceId });
    if (allocations === 0) return;
    tally.orphans += allocations;
    tally.problems.push(
      `${label}: failed with ${error?.code ?? "an untyped error"} (${String(error?.message)}) yet the instance was given a public IP`,
    );
    return;
  }
  // The documented recovery: allocating again on the same instance returns its IP and never adds a second one.
  const retried = await settle(call.allocator.allocate(buildRequest(call)));
  if (retried.result === undefined) {
    tally.problems.push(`${label}: retry after OUTCOME_UNKNOWN failed with ${String(retried.error)}`);
    return;
  }
  if (checkAllocation(emulator, tally, `${label} (retry after OUTCOME_UNKNOWN)`, instanceId, retried.result))
    tally.recovered += 1;
}

/** The caller got exactly the one IP the instance holds; counts a duplicate if the instance was allocated twice. */
function checkAllocation(
  emulator: RunningEmulator,
  tally: ScenarioTally,
  label: string,
  instanceId: string,
  result: AllocationResult,
): boolean {
  const allocations = emulator.events.list({ provider: "alibaba", kind: "allocate", resourceId: instanceId });
  const held = emulator.alibabaState.getInstance(instanceId)?.publicIpAddress;
  const returned = result.ips.map((ip) => ip.address);
  if (allocations.length > 1) {
    tally.duplicates += allocations.length - 1;
    tally.problems.push(`${label}: ${allocations.length} allocate events for one instance`);
    return false;
  }
  if (
    allocations.length !== 1 ||
    returned.length !== 1 ||
    returned[0] !== held ||
    allocations[0]?.detail?.["ipAddress"] !== held
  ) {
    tally.problems.push(
      `${label}: returned ${JSON.stringify(returned)}, instance holds ${String(held)}, ${allocations.length} allocate event(s)`,
    );
    return false;
  }
  return true;
}
