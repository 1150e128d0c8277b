import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alibabaSettings, awsSettings, multiProviderConfig, zenlayerSettings } from "./support/emulator-configs.js";
import { createTempDirectory, parseSingleJson, writeConfig } from "./support/run-captured.js";
import { APP_DIRECTORY as appDirectory, buildBin, runBin } from "./support/run-bin.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

// tsc -b is incremental: it rebuilds this app and its references only when a source changed.
beforeAll(buildBin, 180_000);

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
});

afterAll(async () => {
  await emulator?.close();
  await directory?.remove();
});

describe("the allocate-ip executable", () => {
  it("runs the demo to the table and exits 0 on its own (no leaked sockets or timers)", async () => {
    const started = Date.now();
    const run = await runBin(["demo"], directory.path);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\s+alibaba-ecs\s+zenlayer-eip\s+aws-ec2$/m);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("prints exactly one JSON object for allocate --json, on any provider chosen by the file", async () => {
    const endpoints = {
      alibaba: emulator.alibaba.endpoint,
      zenlayer: emulator.zenlayer.endpoint,
      aws: emulator.aws.endpoint,
    };
    for (const provider of ["zenlayer-eip", "alibaba-ecs", "aws-ec2"]) {
      await writeConfig(directory.path, "polycloud.config.json", multiProviderConfig(provider, endpoints));
      const run = await runBin(["allocate", "--json"], directory.path);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(parseSingleJson(run.stdout)).toMatchObject({ provider });
    }
  }, 30_000);

  it("allocates and releases an Elastic IP with --provider aws-ec2, the file left as it is", async () => {
    const endpoints = {
      alibaba: emulator.alibaba.endpoint,
      zenlayer: emulator.zenlayer.endpoint,
      aws: emulator.aws.endpoint,
    };
    await writeConfig(directory.path, "polycloud.config.json", multiProviderConfig("alibaba-ecs", endpoints));
    const allocated = await runBin(
      ["allocate", "--provider", "aws-ec2", "--instance", "i-0123456789abcdef1", "--json"],
      directory.path,
    );
    expect(allocated.exitCode, allocated.stderr).toBe(0);
    const result = parseSingleJson(allocated.stdout) as { ips: Array<{ id: string; address: string }> };
    expect(result).toMatchObject({
      provider: "aws-ec2",
      ips: [
        {
          id: expect.stringMatching(/^eipalloc-/),
          state: "ready",
          instanceId: "i-0123456789abcdef1",
          providerState: "associated",
          location: { region: "us-east-1" },
        },
      ],
    });
    const id = result.ips[0]?.id as string;
    expect(
      emulator.awsState.instances.find((instance) => instance.instanceId === "i-0123456789abcdef1")?.allocationId,
    ).toBe(id);

    const released = await runBin(["release", id, "--provider", "aws-ec2"], directory.path);
    expect(released.exitCode, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/^state\s+released$/m);
    expect(emulator.awsState.addresses.map((address) => address.allocationId)).not.toContain(id);
    expect(
      emulator.awsState.instances.find((instance) => instance.instanceId === "i-0123456789abcdef1")?.allocationId,
    ).toBeNull();

    const again = await runBin(["release", id, "--provider", "aws-ec2", "--json"], directory.path);
    expect(again.exitCode).toBe(4);
    expect(parseSingleJson(again.stdout)).toMatchObject({ error: { code: "NOT_FOUND", provider: "aws-ec2" } });
  }, 30_000);

  it("exits 2 with the field named for an invalid config", async () => {
    await writeConfig(directory.path, "polycloud.config.json", { provider: "alibaba-ecs", region: 42 });
    const run = await runBin(["allocate"], directory.path);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("region:");
  }, 30_000);

  it("runs the README sample (examples/sample.mjs) unchanged on every provider: only the config differs", async () => {
    // A user's project: the config file next to installed packages.
    const project = join(directory.path, "project");
    await mkdir(project);
    await symlink(join(appDirectory, "node_modules"), join(project, "node_modules"), "dir");
    const script = join(appDirectory, "examples", "sample.mjs");
    // The allocate defaults come from the file (no environment variables): only the config differs.
    const runs: Array<{ config: Record<string, unknown>; line: RegExp }> = [
      {
        config: {
          provider: "alibaba-ecs",
          ...alibabaSettings(emulator.alibaba.endpoint),
          allocate: { instanceId: "i-polycloud0009" },
        },
        line: /^\d+\.\d+\.\d+\.\d+ i-polycloud0009 pending \S+$/,
      },
      {
        config: {
          provider: "zenlayer-eip",
          ...zenlayerSettings(emulator.zenlayer.endpoint),
          allocate: { location: "SEL-A" },
        },
        line: /^\S+ \S+ pending \S+$/,
      },
      // EC2 allocates, then associates with the running instance, in the one call: ready at once.
      {
        config: {
          provider: "aws-ec2",
          ...awsSettings(emulator.aws.endpoint),
          allocate: { instanceId: "i-0123456789abcdef3" },
        },
        line: /^198\.51\.100\.\d+ eipalloc-[0-9a-f]{17} ready \S+$/,
      },
    ];
    for (const { config, line } of runs) {
      await writeConfig(project, "polycloud.config.json", config);
      const run = await runBin([], project, { script });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.trim()).toMatch(line);
    }
  }, 30_000);
});
