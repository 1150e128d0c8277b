import { createServer } from "node:net";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alibabaSettings, zenlayerSettings } from "./support/emulator-configs.js";
import { buildBin, runBin } from "./support/run-bin.js";
import { createTempDirectory, parseSingleJson, runCaptured, writeConfig } from "./support/run-captured.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(buildBin, 180_000);

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  await writeConfig(directory.path, "alibaba.json", {
    provider: "alibaba-ecs",
    ...alibabaSettings(emulator.alibaba.endpoint),
  });
  await writeConfig(directory.path, "zenlayer.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint, {
      reconcile: { checks: 1, intervalMs: 0, retryWhenAbsent: false },
    }),
  });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await writeConfig(directory.path, "down.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(`http://127.0.0.1:${port}`),
  });
});

afterEach(() => emulator.faults.clear());

afterAll(async () => {
  await emulator?.close();
  await directory?.remove();
});

describe("--timeout and unknown outcomes", () => {
  it.each(["1", "5", "50"])(
    "--timeout %s with the server down exits 6 (nothing was sent), never 7",
    async (timeout) => {
      const run = await runBin(
        ["allocate", "-c", "down.json", "-l", "SEL-A", "--timeout", timeout, "--json"],
        directory.path,
      );
      expect(run.exitCode, run.stdout).toBe(6);
      expect(parseSingleJson(run.stdout)).toMatchObject({
        error: { code: expect.stringMatching(/^(TIMEOUT|NETWORK)$/), retryable: true },
      });
    },
    30_000,
  );

  it("an unknown outcome names the --idempotency-key flag with the key, in human and JSON output", async () => {
    emulator.faults.add({ provider: "zenlayer", action: "AllocateEipAddresses", kind: "reset-after-commit" });
    emulator.faults.add({ provider: "zenlayer", action: "DescribeEipAddresses", kind: "hang" });
    const json = await runBin(
      ["allocate", "-c", "zenlayer.json", "-l", "SEL-A", "--timeout", "1000", "--json"],
      directory.path,
    );
    expect(json.exitCode, json.stdout).toBe(7);
    const { error } = parseSingleJson(json.stdout) as {
      error: { code: string; message: string; idempotencyKey: string };
    };
    expect(error.code).toBe("OUTCOME_UNKNOWN");
    expect(error.message).toContain(`--idempotency-key ${error.idempotencyKey}`);
    expect(error.message).not.toMatch(/idempotencyKey "|\.\./);

    const human = await runBin(["allocate", "-c", "zenlayer.json", "-l", "SEL-A", "--timeout", "1000"], directory.path);
    expect(human.exitCode).toBe(7);
    const key = /^ {2}rerun with {2}--idempotency-key (polycloud-[\w-]+) /m.exec(human.stderr)?.[1];
    expect(key, human.stderr).toBeDefined();
    expect(human.stderr).toMatch(new RegExp(`^error: .*Retry with --idempotency-key ${key} `, "m"));
    expect(human.stderr).not.toMatch(/idempotencyKey "/);
  }, 30_000);
});

describe("--provider-option", () => {
  it("passes typed options to the selected provider, which checks them before sending (exit 2 naming the field)", async () => {
    const before = emulator.events.count({ provider: "alibaba" });
    const run = await runCaptured(
      [
        "allocate",
        "-c",
        "alibaba.json",
        "-i",
        "i-polycloud0004",
        "-o",
        "method=modify-instance-network-spec",
        "--provider-option",
        "internetMaxBandwidthOut=500",
        "--json",
      ],
      { cwd: directory.path },
    );
    expect(run.exitCode, run.stdout).toBe(2);
    const { error } = parseSingleJson(run.stdout) as { error: { issues: Array<{ path: string }> } };
    expect(error.issues.map((issue) => issue.path)).toEqual(["providerOptions.alibaba-ecs.internetMaxBandwidthOut"]);
    expect(emulator.events.count({ provider: "alibaba" })).toBe(before);
  });

  it("sets nested options with a dotted key, and names an unknown option", async () => {
    const run = await runCaptured(
      [
        "allocate",
        "-c",
        "zenlayer.json",
        "-l",
        "SEL-A",
        "-o",
        "eipChargePrepaid.period=1e9",
        "-o",
        "eipChargeType=PREPAID",
        "-o",
        "colour=blue",
      ],
      { cwd: directory.path },
    );
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("providerOptions.zenlayer-eip.eipChargePrepaid.period");
    expect(run.stderr).toMatch(/colour/);
  });

  it("allocates with a valid option", async () => {
    const run = await runCaptured(
      ["allocate", "-c", "zenlayer.json", "-l", "SEL-A", "--provider-option", "resourceGroupId=rg-polycloud", "--json"],
      { cwd: directory.path },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const id = (parseSingleJson(run.stdout) as { ips: Array<{ id: string }> }).ips[0]?.id;
    expect(emulator.zenlayerState.eips.find((eip) => eip.eipId === id)).toMatchObject({
      resourceGroupId: "rg-polycloud",
    });
  });

  it("refuses a malformed flag as a usage error (exit 2)", async () => {
    const run = await runCaptured(["allocate", "-c", "zenlayer.json", "-o", "=5"], { cwd: directory.path });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--provider-option");
  });
});

describe("the note after an allocation that is not ready yet", () => {
  it("says provisioning continues only on an asynchronous provider (Zenlayer)", async () => {
    const run = await runCaptured(["allocate", "-c", "zenlayer.json", "-l", "SEL-A"], { cwd: directory.path });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^note: provisioning continues; run "allocate-ip wait eip-\w+"/m);
  });

  it("never says provisioning continues on a synchronous provider (Alibaba)", async () => {
    const run = await runCaptured(["allocate", "-c", "alibaba.json", "-i", "i-polycloud0007"], { cwd: directory.path });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/provisioning continues/);
  });
});
