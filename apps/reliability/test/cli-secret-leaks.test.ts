// `allocate-ip` (runCli, in-process) with recognisable credentials in its environment or its config file: under
// every fault kind and with wrong credentials, neither stdout nor stderr — `--verbose` request logs, `--json`
// output, error reports — may show a credential.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@polycloud/allocate-ip";
import { startEmulator, type FaultKind, type FaultProvider, type FaultRule } from "@polycloud/emulator";
import { expectNoSecrets } from "@polycloud/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALIBABA_REGION,
  RECOGNISABLE_ALIBABA_ACCOUNT as ALIBABA,
  RECOGNISABLE_SECRETS,
  RECOGNISABLE_WRONG_SECRET,
  RECOGNISABLE_WRONG_TOKEN,
  RECOGNISABLE_ZENLAYER_ACCOUNT as ZENLAYER,
  createAlibabaSeed,
  createZenlayerSeed,
  listAlibabaInstanceIds,
} from "./support/reliability-seeds.js";
import { LONG_ATTEMPT_TIMEOUT_MS, SHORT_ATTEMPT_TIMEOUT_MS } from "./support/fault-scenarios.js";
import { watchUnhandledRejections } from "./support/watch-unhandled-rejections.js";

watchUnhandledRejections();

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "reliability-cli-"));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A fault kind as the CLI meets it; `slow` answers after every short attempt timeout has fired. */
const FAULTS: Array<{ kind: FaultKind } & Partial<FaultRule>> = [
  { kind: "throttle" },
  { kind: "server-error" },
  { kind: "reset-before" },
  { kind: "reset-after-commit" },
  { kind: "hang" },
  { kind: "slow", delayMs: SHORT_ATTEMPT_TIMEOUT_MS * 12 },
  { kind: "malformed-json" },
  { kind: "wrong-content-type" },
  { kind: "clock-skew", skewSeconds: 3_600 },
];

/** Where the CLI gets its credentials from in one run: environment variables, or the config file. */
interface CredentialSource {
  env: Record<string, string>;
  configCredentials?: Record<string, string>;
}

interface Target {
  provider: FaultProvider;
  allocateAction: string;
  /** Provider settings of the config file. */
  settings(endpoint: string, attemptTimeoutMs: number): Record<string, unknown>;
  /** Recognisable credentials, good and wrong. */
  sources: CredentialSource[];
  wrongSources: CredentialSource[];
  allocateArguments(index: number): string[];
  describedId: string;
}

const TARGETS: Target[] = [
  {
    provider: "alibaba",
    allocateAction: "AllocatePublicIpAddress",
    settings: (endpoint, attemptTimeoutMs) => ({
      provider: "alibaba-ecs",
      region: ALIBABA_REGION,
      endpoint,
      timeoutMs: attemptTimeoutMs,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
    }),
    sources: [
      {
        env: {
          ALIBABA_CLOUD_ACCESS_KEY_ID: ALIBABA.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALIBABA.accessKeySecret,
          ALIBABA_CLOUD_SECURITY_TOKEN: ALIBABA.securityToken,
        },
      },
      { env: {}, configCredentials: { ...ALIBABA } },
    ],
    wrongSources: [
      {
        env: {
          ALIBABA_CLOUD_ACCESS_KEY_ID: ALIBABA.accessKeyId,
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: RECOGNISABLE_WRONG_SECRET,
        },
      },
      { env: {}, configCredentials: { ...ALIBABA, securityToken: RECOGNISABLE_WRONG_TOKEN } },
    ],
    allocateArguments: (index) => ["-i", listAlibabaInstanceIds(8)[index] as string],
    describedId: listAlibabaInstanceIds(8)[0] as string,
  },
  {
    provider: "zenlayer",
    allocateAction: "AllocateEipAddresses",
    settings: (endpoint, attemptTimeoutMs) => ({
      provider: "zenlayer-eip",
      endpoint,
      requestTimeoutMs: attemptTimeoutMs,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      reconcile: { checks: 1, intervalMs: 0 },
    }),
    sources: [
      { env: { ZENLAYER_ACCESS_KEY_ID: ZENLAYER.accessKeyId, ZENLAYER_ACCESS_KEY_SECRET: ZENLAYER.accessKeySecret } },
      { env: { ZENLAYER_TOKEN: ZENLAYER.token } },
      { env: {}, configCredentials: { accessKeyId: ZENLAYER.accessKeyId, accessKeySecret: ZENLAYER.accessKeySecret } },
    ],
    wrongSources: [
      { env: { ZENLAYER_ACCESS_KEY_ID: ZENLAYER.accessKeyId, ZENLAYER_ACCESS_KEY_SECRET: RECOGNISABLE_WRONG_SECRET } },
      { env: {}, configCredentials: { token: RECOGNISABLE_WRONG_TOKEN } },
    ],
    allocateArguments: (index) => ["-l", "SEL-A", "-n", String(1 + (index % 2))],
    describedId: "eip-00000001",
  },
];

/** What one CLI run printed. */
interface CliRun {
  label: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function runCaptured(label: string, argv: string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: directory,
  });
  return { label, exitCode, stdout, stderr };
}

/** One CLI invocation under one fault placement: the allocate action only, or every action. */
interface CliStep {
  name: string;
  argv: string[];
  faultOn: "allocate-action" | "every-action";
}

/**
 * Runs `allocate` (fault on the allocate action, verbose), `allocate --json` and `describe` (fault on every action,
 * verbose) — each on its own fresh emulator, side by side. Without a fault: the wrong-credentials case.
 */
async function runUnderFault(
  target: Target,
  fault: (typeof FAULTS)[number] | undefined,
  source: CredentialSource,
  label: string,
): Promise<CliRun[]> {
  const steps: CliStep[] = [
    { name: "allocate", argv: ["allocate", ...target.allocateArguments(0)], faultOn: "allocate-action" },
    { name: "allocate --json", argv: ["allocate", "--json", ...target.allocateArguments(1)], faultOn: "every-action" },
    { name: "describe", argv: ["describe", target.describedId], faultOn: "every-action" },
  ];
  return Promise.all(
    steps.map(async (step, index) => {
      const emulator = await startEmulator({
        seed: { alibaba: createAlibabaSeed(8, ALIBABA), zenlayer: createZenlayerSeed(ZENLAYER) },
        zenlayer: { rateLimit: false },
      });
      try {
        const endpoint = target.provider === "alibaba" ? emulator.alibaba.endpoint : emulator.zenlayer.endpoint;
        const config = join(directory, `${label.replaceAll(/[^a-z0-9-]+/gi, "-")}-${index}.json`);
        // Short attempt timeouts only where the provider hangs or dawdles: elsewhere a loaded machine must not time out.
        const attemptTimeoutMs =
          fault?.kind === "hang" || fault?.kind === "slow" ? SHORT_ATTEMPT_TIMEOUT_MS : LONG_ATTEMPT_TIMEOUT_MS;
        await writeFile(
          config,
          JSON.stringify({
            ...target.settings(endpoint, attemptTimeoutMs),
            ...(source.configCredentials ? { credentials: source.configCredentials } : {}),
          }),
        );
        if (fault !== undefined)
          emulator.faults.add({
            provider: target.provider,
            ...(step.faultOn === "allocate-action" ? { action: target.allocateAction } : {}),
            ...fault,
          });
        return await runCaptured(
          `${label} ${step.name}`,
          [...step.argv, "-c", config, "--verbose", "--timeout", "3000"],
          source.env,
        );
      } finally {
        await emulator.close();
      }
    }),
  );
}

describe.each(TARGETS)("allocate-ip on $provider", (target) => {
  it("shows no credential in --verbose, --json or error output under any fault, or with wrong credentials", async () => {
    const cases = [
      ...FAULTS.flatMap((fault) =>
        target.sources.map((source, index) =>
          runUnderFault(target, fault, source, `${target.provider} ${fault.kind} credentials #${index}`),
        ),
      ),
      ...target.wrongSources.map((source, index) =>
        runUnderFault(target, undefined, source, `${target.provider} wrong credentials #${index}`),
      ),
    ];
    const runs = (await Promise.all(cases)).flat();
    for (const run of runs) {
      expectNoSecrets([run.stdout, run.stderr], RECOGNISABLE_SECRETS, run.label);
      // The verbose log really ran (requests went out and were logged), so "no secret" is not "no output".
      expect(run.stderr, `${run.label}: verbose request log`).toMatch(
        /^> (alibaba-ecs|zenlayer-eip) \w+ attempt 1: POST /m,
      );
    }
    const exitCodes = new Set(runs.map((run) => run.exitCode));
    expect(exitCodes.has(0), "some runs succeeded").toBe(true);
    expect(
      [...exitCodes].some((code) => code !== 0),
      "some runs failed",
    ).toBe(true);
  });
});
