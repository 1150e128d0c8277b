import { createServer } from "node:net";
import { startEmulator, type FaultRule, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alibabaSettings, awsSettings, zenlayerSettings } from "./support/emulator-configs.js";
import { buildBin, runBin } from "./support/run-bin.js";
import { createTempDirectory, parseSingleJson, writeConfig } from "./support/run-captured.js";

// The same situation exits with the same code on every provider: scripts branch on the code, not the cloud.
// Every case runs the real executable, as a script would.

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(buildBin, 180_000);

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  const closedEndpoint = `http://127.0.0.1:${await findClosedPort()}`;
  const reconcile = { reconcile: { checks: 1, intervalMs: 0 } };
  for (const provider of PROVIDERS) {
    const settings = provider.settings(provider.endpoint(emulator));
    await writeConfig(directory.path, `${provider.name}.json`, { provider: provider.name, ...settings, ...reconcile });
    await writeConfig(directory.path, `${provider.name}-wrong-secret.json`, {
      provider: provider.name,
      ...settings,
      ...reconcile,
      credentials: provider.wrongCredentials,
    });
    await writeConfig(directory.path, `${provider.name}-down.json`, {
      provider: provider.name,
      ...provider.settings(closedEndpoint),
      ...reconcile,
    });
  }
});

afterEach(() => emulator.faults.clear());

afterAll(async () => {
  await emulator?.close();
  await directory?.remove();
});

/** A loopback port nothing listens on: the server is down, every connection is refused. */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface ProviderCase {
  name: "alibaba-ecs" | "zenlayer-eip" | "aws-ec2";
  emulatorName: FaultRule["provider"];
  endpoint(emulator: RunningEmulator): string;
  settings(endpoint: string): Record<string, unknown>;
  wrongCredentials: Record<string, string>;
  /** allocate flags that succeed on the default seed. */
  allocate: string[];
  /** allocate flags naming an instance the provider does not have. */
  unknownInstance: string[];
  /** An id of the provider's shape that names nothing. */
  unknownId: string;
  allocateAction: string;
}

const PROVIDERS: ProviderCase[] = [
  {
    name: "alibaba-ecs",
    emulatorName: "alibaba",
    endpoint: (running) => running.alibaba.endpoint,
    settings: alibabaSettings,
    wrongCredentials: { accessKeyId: "polycloud-test-key-id", accessKeySecret: "not-the-secret" },
    allocate: ["-i", "i-polycloud0003"],
    unknownInstance: ["-i", "i-polycloudmissing"],
    unknownId: "i-polycloudmissing",
    allocateAction: "AllocatePublicIpAddress",
  },
  {
    name: "zenlayer-eip",
    emulatorName: "zenlayer",
    endpoint: (running) => running.zenlayer.endpoint,
    settings: zenlayerSettings,
    wrongCredentials: { accessKeyId: "polycloud-test-key-id", accessKeySecret: "not-the-secret" },
    allocate: ["-l", "SEL-A"],
    // Zenlayer associates with the instance while waiting.
    unknownInstance: ["-l", "SEL-A", "-i", "bmc-sel-9999", "--wait"],
    unknownId: "eip-missing",
    allocateAction: "AllocateEipAddresses",
  },
  {
    name: "aws-ec2",
    emulatorName: "aws",
    endpoint: (running) => running.aws.endpoint,
    settings: awsSettings,
    wrongCredentials: { accessKeyId: "polycloud-test-key-id", secretAccessKey: "not-the-secret" },
    allocate: [],
    unknownInstance: ["-i", "i-0123456789abcdef7"],
    unknownId: "eipalloc-0123456789abcdef0",
    allocateAction: "AllocateAddress",
  },
];

/** Runs the executable with `--json` and returns the exit code and the error object (if any). */
async function runJson(
  argv: string[],
): Promise<{ exitCode: number; error: Record<string, unknown> | undefined; stdout: string }> {
  const run = await runBin([...argv, "--json"], directory.path);
  const parsed = parseSingleJson(run.stdout) as { error?: Record<string, unknown> };
  return { exitCode: run.exitCode, error: parsed.error, stdout: run.stdout };
}

describe.each(PROVIDERS)("$name", (provider) => {
  const config = ["-c", `${provider.name}.json`];

  it("an unknown instance on allocate exits 2 (INVALID_ARGUMENT naming instanceId)", async () => {
    const run = await runJson(["allocate", ...config, ...provider.unknownInstance]);
    expect(run.exitCode, run.stdout).toBe(2);
    expect(run.error).toMatchObject({ code: "INVALID_ARGUMENT", provider: provider.name });
  }, 30_000);

  it("releasing an unknown id exits 4 (NOT_FOUND)", async () => {
    const run = await runJson(["release", provider.unknownId, ...config]);
    expect(run.exitCode, run.stdout).toBe(4);
    expect(run.error).toMatchObject({ code: "NOT_FOUND", provider: provider.name });
  }, 30_000);

  it("releasing the same address twice: the second exits 4 (NOT_FOUND)", async () => {
    const allocated = await runJson(["allocate", ...config, ...provider.allocate]);
    expect(allocated.exitCode, allocated.stdout).toBe(0);
    const id = (parseSingleJson(allocated.stdout) as { ips: Array<{ id: string }> }).ips[0]?.id as string;
    const first = await runJson(["release", id, ...config]);
    expect(first.exitCode, first.stdout).toBe(0);
    const second = await runJson(["release", id, ...config]);
    expect(second.exitCode, second.stdout).toBe(4);
    expect(second.error).toMatchObject({ code: "NOT_FOUND" });
  }, 30_000);

  it("wrong credentials exit 3 (UNAUTHENTICATED)", async () => {
    const run = await runJson(["describe", provider.unknownId, "-c", `${provider.name}-wrong-secret.json`]);
    expect(run.exitCode, run.stdout).toBe(3);
    expect(run.error).toMatchObject({ code: "UNAUTHENTICATED" });
  }, 30_000);

  it.each([
    [
      "a server error (HTTP 500) on allocate",
      "allocate",
      { kind: "error-code", code: "InternalError", httpStatus: 500, message: "internal failure" },
    ],
    [
      "an unavailable service (HTTP 503) on allocate",
      "allocate",
      { kind: "error-code", code: "ServiceUnavailable", httpStatus: 503, message: "temporarily unavailable" },
    ],
    [
      "a server error (HTTP 500) on describe",
      "describe",
      { kind: "error-code", code: "InternalError", httpStatus: 500, message: "internal failure" },
    ],
    ["throttling on allocate", "allocate", { kind: "throttle" }],
  ] as const)(
    "%s exits 6 (transient, retryable)",
    async (_label, command, fault) => {
      emulator.faults.add({
        provider: provider.emulatorName,
        ...(command === "allocate" && { action: provider.allocateAction }),
        ...fault,
      });
      const argv =
        command === "allocate"
          ? ["allocate", ...config, ...provider.allocate]
          : ["describe", provider.unknownId, ...config];
      const run = await runJson(argv);
      expect(run.exitCode, run.stdout).toBe(6);
      expect(run.error).toMatchObject({ retryable: true, provider: provider.name });
    },
    30_000,
  );

  it("a provider that never answers, with --timeout, exits 6 (TIMEOUT)", async () => {
    emulator.faults.add({ provider: provider.emulatorName, kind: "hang" });
    const run = await runJson(["describe", provider.unknownId, ...config, "--timeout", "300"]);
    expect(run.exitCode, run.stdout).toBe(6);
    expect(run.error).toMatchObject({ code: "TIMEOUT" });
  }, 30_000);

  it.each([["describe"], ["allocate"]])(
    "a server that is down exits 6 on %s (nothing reached the provider)",
    async (command) => {
      const down = ["-c", `${provider.name}-down.json`];
      const argv =
        command === "allocate"
          ? ["allocate", ...down, ...provider.allocate]
          : ["describe", provider.unknownId, ...down];
      const run = await runJson(argv);
      expect(run.exitCode, run.stdout).toBe(6);
      expect(run.error).toMatchObject({ code: expect.stringMatching(/^(NETWORK|TIMEOUT)$/), retryable: true });
    },
    30_000,
  );
});
