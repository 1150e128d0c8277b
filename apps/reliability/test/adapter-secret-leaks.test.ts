// Recognisable credentials (RELIABILITY-SECRET-…) must appear nowhere a caller or operator could look — results,
// errors (message, stack, toJSON, details, cause), console rendering, a verbose logger, hook events — under every
// fault kind, for both adapters, with good and with wrong credentials.
import { createAlibabaEcsAllocator, type AlibabaEcsAllocator } from "@polycloud/alibaba-ecs";
import type { IpAllocator } from "@polycloud/core";
import { startEmulator, type FaultRule, type RunningEmulator } from "@polycloud/emulator";
import { collectHookEvents, expectNoSecrets } from "@polycloud/testkit";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import { describe, expect, it } from "vitest";
import { buildCallOptions, listScenariosFor, type FaultScenario } from "./support/fault-scenarios.js";
import { settle } from "./support/record-failure.js";
import { createRecordingLogger, recordSettled, type Exposure } from "./support/record-exposure.js";
import {
  ALIBABA_REGION,
  RECOGNISABLE_ALIBABA_ACCOUNT,
  RECOGNISABLE_SECRETS,
  RECOGNISABLE_WRONG_SECRET,
  RECOGNISABLE_WRONG_TOKEN,
  RECOGNISABLE_ZENLAYER_ACCOUNT,
  createAlibabaSeed,
  createZenlayerSeed,
  listAlibabaInstanceIds,
} from "./support/reliability-seeds.js";
import { watchUnhandledRejections } from "./support/watch-unhandled-rejections.js";

watchUnhandledRejections();

/** Calls per adapter and scenario; each successful allocation is also described and released. */
const CALLS = 6;

/** One adapter wired to a fresh emulator with the recognisable account. */
interface Subject {
  emulator: RunningEmulator;
  allocators: IpAllocator[];
  request(index: number): Parameters<IpAllocator["allocate"]>[0];
}

/** The scenario's rules, led by a copy of its first that fires once for sure: few calls must still meet the fault. */
function withFirstRuleCertain(rules: FaultRule[]): FaultRule[] {
  return [...rules.slice(0, 1).map((rule) => ({ ...rule, probability: 1, times: 1 })), ...rules];
}

async function createAlibabaSubject(scenario: FaultScenario, exposure: Exposure): Promise<Subject> {
  const emulator = await startEmulator({
    seed: { alibaba: createAlibabaSeed(CALLS, RECOGNISABLE_ALIBABA_ACCOUNT) },
    faults: withFirstRuleCertain(scenario.rules("alibaba")),
  });
  const account = RECOGNISABLE_ALIBABA_ACCOUNT;
  const credentialSets = scenario.badCredentials
    ? [
        { ...account, accessKeySecret: RECOGNISABLE_WRONG_SECRET },
        { ...account, securityToken: RECOGNISABLE_WRONG_TOKEN },
      ]
    : [account];
  const allocators = credentialSets.flatMap((credentials) =>
    (["v3", "v1"] as const).map(
      (signatureVersion): AlibabaEcsAllocator =>
        createAlibabaEcsAllocator(
          {
            region: ALIBABA_REGION,
            endpoint: emulator.alibaba.endpoint,
            credentials,
            signatureVersion,
            timeoutMs: scenario.attemptTimeoutMs,
            retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 },
          },
          { env: {}, logger: createRecordingLogger(exposure) },
        ),
    ),
  );
  const instanceIds = listAlibabaInstanceIds(CALLS);
  const methods = ["allocate-public-ip-address", "modify-instance-network-spec"];
  return {
    emulator,
    allocators,
    request: (index) => ({
      location: { region: ALIBABA_REGION },
      instanceId: instanceIds[index] as string,
      providerOptions: { "alibaba-ecs": { method: methods[index % 2] } },
    }),
  };
}

async function createZenlayerSubject(scenario: FaultScenario, exposure: Exposure): Promise<Subject> {
  const emulator = await startEmulator({
    seed: { zenlayer: createZenlayerSeed(RECOGNISABLE_ZENLAYER_ACCOUNT) },
    faults: withFirstRuleCertain(scenario.rules("zenlayer")),
    zenlayer: { rateLimit: false, provisioningDelayMs: 20, recycleDelayMs: 20 },
  });
  const { accessKeyId, accessKeySecret, token } = RECOGNISABLE_ZENLAYER_ACCOUNT;
  const credentialSets = scenario.badCredentials
    ? [{ accessKeyId, accessKeySecret: RECOGNISABLE_WRONG_SECRET }, { token: RECOGNISABLE_WRONG_TOKEN }]
    : [{ accessKeyId, accessKeySecret }, { token }];
  const allocators = credentialSets.map((credentials) =>
    createZenlayerEipAllocator(
      {
        endpoint: emulator.zenlayer.endpoint,
        credentials,
        requestTimeoutMs: scenario.attemptTimeoutMs,
        retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 20 },
        reconcile: { checks: 2, intervalMs: 5, retryWhenAbsent: scenario.retryWhenAbsent !== false },
        releaseMode: "recycle-bin",
        pollIntervalMs: 10,
        maxPollIntervalMs: 40,
      },
      { env: {}, logger: createRecordingLogger(exposure) },
    ),
  );
  return {
    emulator,
    allocators,
    request: (index) => ({
      location: { zone: "SEL-A" },
      count: 1 + (index % 2),
      ...(index % 3 === 0 ? { idempotencyKey: `secret-run-${index}` } : {}),
    }),
  };
}

/** Runs the calls under `scenario` and returns everything they showed, how many requests went out, and faults fired. */
async function exposeScenario(
  createSubject: typeof createAlibabaSubject,
  scenario: FaultScenario,
): Promise<{ exposure: Exposure; requests: number; faultsFired: number }> {
  const exposure: Exposure = [];
  const { emulator, allocators, request } = await createSubject(scenario, exposure);
  const events = collectHookEvents();
  try {
    await Promise.all(
      Array.from({ length: CALLS }, async (_, index) => {
        const allocator = allocators[index % allocators.length] as IpAllocator;
        const options = { hooks: events.hooks, ...buildCallOptions(scenario, index) };
        const allocated = await settle(allocator.allocate(request(index), options));
        recordSettled(exposure, allocated);
        for (const ip of allocated.result?.ips ?? []) {
          recordSettled(exposure, await settle(allocator.describe(ip.id, options)));
          recordSettled(exposure, await settle(allocator.release(ip.id, options)));
        }
      }),
    );
  } finally {
    await Promise.all(allocators.map((allocator) => allocator.close()));
    await emulator.close();
  }
  exposure.push(events);
  const faultsFired = Object.values(emulator.faults.fired()).reduce((sum, fired) => sum + fired, 0);
  return { exposure, requests: events.requests.length, faultsFired };
}

describe.each([
  ["alibaba-ecs", createAlibabaSubject],
  ["zenlayer-eip", createZenlayerSubject],
] as const)("%s secrets", (adapter, createSubject) => {
  it("never shows a credential, under every fault kind and with wrong credentials", async () => {
    const scenarios = listScenariosFor(adapter);
    const runs = await Promise.all(scenarios.map((scenario) => exposeScenario(createSubject, scenario)));
    for (const [index, run] of runs.entries()) {
      const scenario = scenarios[index] as FaultScenario;
      expectNoSecrets(run.exposure, RECOGNISABLE_SECRETS, `${adapter} under ${scenario.name}`);
      expect(run.requests, `${scenario.name}: requests were made and seen by the hooks`).toBeGreaterThan(0);
      if (!scenario.badCredentials) expect(run.faultsFired, `${scenario.name}: faults fired`).toBeGreaterThan(0);
    }
  });
});

it("the search would find one of these credentials if it were shown, even URL-encoded", () => {
  for (const secret of RECOGNISABLE_SECRETS) {
    expect(() => expectNoSecrets({ header: `Bearer ${secret}` }, RECOGNISABLE_SECRETS)).toThrow(/leaks 1 secret/);
    expect(() => expectNoSecrets([`token=${encodeURIComponent(secret)}`], RECOGNISABLE_SECRETS)).toThrow(
      /leaks 1 secret/,
    );
  }
});
