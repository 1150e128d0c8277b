import { IpAllocatorError, type AllocateRequestInput, type AllocationResult } from "@polycloud/core";
import { startEmulator, type StateChangeEvent } from "@polycloud/emulator";
import {
  IDEMPOTENCY_TAG_KEY,
  createZenlayerEipAllocator,
  type ZenlayerCredentials,
  type ZenlayerEipAllocator,
} from "@polycloud/zenlayer-eip";
import { buildCallOptions, type FaultScenario } from "./fault-scenarios.js";
import { recordFailure, settle, type Settled } from "./record-failure.js";
import type { ReliabilitySettings } from "./reliability-settings.js";
import { ZENLAYER_TEST_ACCOUNT, createZenlayerSeed } from "./reliability-seeds.js";
import { runWithConcurrency } from "./run-with-concurrency.js";
import { createTally, type ScenarioRun, type ScenarioTally } from "./scenario-tally.js";

const API_VERSIONS = ["2026-02-01", "2022-11-20"] as const;
const ZONES = ["SEL-A", "HKG-A"] as const;

/** Credentials per call: a signed key pair or a Bearer token; a bad-credentials scenario rotates three wrong ones. */
function listCredentialVariants(bad: boolean): ZenlayerCredentials[] {
  const { accessKeyId, accessKeySecret, token } = ZENLAYER_TEST_ACCOUNT;
  if (!bad) return [{ accessKeyId, accessKeySecret }, { token }];
  return [
    { accessKeyId, accessKeySecret: "not-the-secret" },
    { accessKeyId: "unknown-key-id", accessKeySecret },
    { token: "not-the-token" },
  ];
}

/** One call of the run: what was asked, and how it ended. */
interface ZenlayerCall {
  label: string;
  request: AllocateRequestInput & { count: number };
  allocator: ZenlayerEipAllocator;
  outcome: Settled<AllocationResult>;
}

/**
 * One seed of one scenario against `zenlayer-eip`: `iterations` allocate calls of 1–3 EIPs (both API versions,
 * key pair and Bearer, with and without an idempotency key, two zones) under the scenario's faults. Then, faults
 * cleared, every OUTCOME_UNKNOWN call is retried with the key its error names. Checked through the emulator's
 * event log, grouping EIPs by their idempotency tag: at most `count` per call, a success returns exactly those,
 * a definite failure tagged none, and no EIP belongs to no call.
 */
export async function runZenlayerScenario(
  scenario: FaultScenario,
  seed: number,
  settings: ReliabilitySettings,
): Promise<ScenarioRun> {
  const tally = createTally("zenlayer-eip", scenario.name);
  const emulator = await startEmulator({
    randomSeed: seed,
    seed: { zenlayer: createZenlayerSeed() },
    faults: scenario.rules("zenlayer"),
    zenlayer: { rateLimit: false },
  });
  const allocators = listCredentialVariants(scenario.badCredentials === true).map((credentials) =>
    API_VERSIONS.map((apiVersion) =>
      createZenlayerEipAllocator(
        {
          endpoint: emulator.zenlayer.endpoint,
          apiVersion,
          credentials,
          requestTimeoutMs: scenario.attemptTimeoutMs,
          retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 },
          reconcile: { checks: 3, intervalMs: 5, retryWhenAbsent: scenario.retryWhenAbsent !== false },
        },
        { env: {} },
      ),
    ),
  );
  const closeAllocators = async (): Promise<void> => {
    await Promise.all(allocators.flat().map((allocator) => allocator.close()));
  };
  try {
    const calls = await runWithConcurrency(
      settings.iterations,
      settings.concurrency,
      async (index): Promise<ZenlayerCall> => {
        const allocator = (allocators[Math.floor(index / 2) % allocators.length] as ZenlayerEipAllocator[])[
          index % API_VERSIONS.length
        ] as ZenlayerEipAllocator;
        const request = buildRequest(seed, index);
        return {
          label: `seed ${seed} call ${index}`,
          request,
          allocator,
          outcome: await settle(allocator.allocate(request, buildCallOptions(scenario, index))),
        };
      },
    );
    tally.faultsFired = Object.values(emulator.faults.fired()).reduce((sum, fired) => sum + fired, 0);
    emulator.faults.clear();
    const retries = await Promise.all(calls.map((call) => retryUnknownOutcome(call)));
    const tagged = groupByIdempotencyTag(emulator.events.list({ provider: "zenlayer", kind: "allocate" }));
    const claimedKeys = new Set<string>();
    for (const [index, call] of calls.entries()) checkCall(tally, scenario, call, retries[index], tagged, claimedKeys);
    for (const [key, eipIds] of tagged) {
      if (claimedKeys.has(key)) continue;
      tally.orphans += eipIds.length;
      tally.problems.push(`seed ${seed}: ${eipIds.length} EIP(s) tagged "${key}" belong to no call that reported them`);
    }
  } catch (error) {
    await closeAllocators();
    await emulator.close();
    throw error;
  }
  tally.iterations = settings.iterations;
  return { tally, closeAllocators, closeEmulator: () => emulator.close() };
}

function buildRequest(seed: number, index: number): ZenlayerCall["request"] {
  const withKey = Math.floor(index / 4) % 2 === 0;
  return {
    location: { zone: ZONES[Math.floor(index / 3) % ZONES.length] as string },
    count: 1 + (index % 3),
    tags: { suite: "reliability" },
    ...(withKey ? { idempotencyKey: `reliability-${seed}-${index}` } : {}),
  };
}

/** The documented recovery from OUTCOME_UNKNOWN: allocate again with the key the error names. */
async function retryUnknownOutcome(call: ZenlayerCall): Promise<Settled<AllocationResult> | undefined> {
  const { error } = call.outcome;
  if (!IpAllocatorError.hasCode(error, "OUTCOME_UNKNOWN")) return undefined;
  const key = error.details["idempotencyKey"];
  if (typeof key !== "string") return { error: new Error("OUTCOME_UNKNOWN without details.idempotencyKey") };
  return settle(call.allocator.allocate({ ...call.request, idempotencyKey: key }));
}

function checkCall(
  tally: ScenarioTally,
  scenario: FaultScenario,
  call: ZenlayerCall,
  retried: Settled<AllocationResult> | undefined,
  tagged: Map<string, string[]>,
  claimedKeys: Set<string>,
): void {
  const { outcome, request, label } = call;
  if (outcome.result !== undefined) {
    tally.successes += 1;
    if (outcome.result.reconciled) tally.reconciled += 1;
    checkResult(tally, label, request, outcome.result, tagged, claimedKeys);
    return;
  }
  const error = recordFailure(tally, scenario, outcome.error, label);
  const key = request.idempotencyKey ?? readIdempotencyKey(error);
  if (key !== undefined) claimedKeys.add(key);
  if (retried !== undefined) {
    if (retried.result === undefined)
      tally.problems.push(`${label}: retry after OUTCOME_UNKNOWN failed with ${String(retried.error)}`);
    else if (checkResult(tally, `${label} (retry after OUTCOME_UNKNOWN)`, request, retried.result, tagged, claimedKeys))
      tally.recovered += 1;
    return;
  }
  // Any other failure either allocated nothing, or names every EIP it allocated (released, or kept for a retry
  // with the same key): no EIP carrying the call's key may go unnamed.
  const named = new Set(readStringList(error, "allocatedIds"));
  const leftBehind = (key === undefined ? [] : (tagged.get(key) ?? [])).filter((eipId) => !named.has(eipId));
  if (named.size > 0) tally.named += named.size;
  if (leftBehind.length > 0) {
    tally.orphans += leftBehind.length;
    tally.problems.push(
      `${label}: failed with ${error?.code ?? "an untyped error"} yet ${leftBehind.length} EIP(s) carry its key "${key}" unnamed`,
    );
  }
}

/** The EIPs carrying the call's key are at most `count`, and the caller got exactly those. */
function checkResult(
  tally: ScenarioTally,
  label: string,
  request: ZenlayerCall["request"],
  result: AllocationResult,
  tagged: Map<string, string[]>,
  claimedKeys: Set<string>,
): boolean {
  const key = result.idempotencyKey;
  if (key === undefined || (request.idempotencyKey !== undefined && key !== request.idempotencyKey)) {
    tally.problems.push(
      `${label}: result carries idempotencyKey ${String(key)}, asked for ${String(request.idempotencyKey)}`,
    );
    return false;
  }
  claimedKeys.add(key);
  const carrying = [...(tagged.get(key) ?? [])].sort();
  const returned = result.ips.map((ip) => ip.id).sort();
  if (carrying.length > request.count) {
    tally.duplicates += carrying.length - request.count;
    tally.problems.push(`${label}: ${carrying.length} EIPs carry key "${key}" for a request of ${request.count}`);
    return false;
  }
  if (JSON.stringify(carrying) !== JSON.stringify(returned)) {
    tally.problems.push(
      `${label}: returned ${JSON.stringify(returned)} but the EIPs carrying "${key}" are ${JSON.stringify(carrying)}`,
    );
    return false;
  }
  return true;
}

function readStringList(error: IpAllocatorError | undefined, field: string): string[] {
  const value = error?.details[field];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function readIdempotencyKey(error: IpAllocatorError | undefined): string | undefined {
  const key = error?.details["idempotencyKey"];
  return typeof key === "string" ? key : undefined;
}

/** EIP ids of allocate events, by the value of their idempotency tag ("(untagged)" when absent). */
function groupByIdempotencyTag(events: readonly StateChangeEvent[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const event of events) {
    const tags = (event.detail?.["tags"] ?? []) as Array<{ key: string; value: string }>;
    const key = tags.find((tag) => tag.key === IDEMPOTENCY_TAG_KEY)?.value ?? "(untagged)";
    groups.set(key, [...(groups.get(key) ?? []), event.resourceId]);
  }
  return groups;
}
