import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alibabaSettings, twoProviderConfig, zenlayerSettings } from "./support/emulator-configs.js";
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
    expect(run.stdout).toMatch(/^\s+alibaba-ecs\s+zenlayer-eip$/m);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it("prints exactly one JSON object for allocate --json, on either provider chosen by the file", async () => {
    const endpoints = { alibaba: emulator.alibaba.endpoint, zenlayer: emulator.zenlayer.endpoint };
    for (const provider of ["zenlayer-eip", "alibaba-ecs"]) {
      await writeConfig(directory.path, "polycloud.config.json", twoProviderConfig(provider, endpoints));
      const run = await runBin(["allocate", "--json"], directory.path);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(parseSingleJson(run.stdout)).toMatchObject({ provider });
    }
  }, 30_000);

  it("exits 2 with the field named for an invalid config", async () => {
    await writeConfig(directory.path, "polycloud.config.json", { provider: "alibaba-ecs", region: 42 });
    const run = await runBin(["allocate"], directory.path);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("region:");
  }, 30_000);

  it("runs the README sample (examples/sample.mjs) unchanged on both providers: only the config differs", async () => {
    // A user's project: the config file next to installed packages.
    const project = join(directory.path, "project");
    await mkdir(project);
    await symlink(join(appDirectory, "node_modules"), join(project, "node_modules"), "dir");
    const script = join(appDirectory, "examples", "sample.mjs");
    const runs: Array<{ config: Record<string, unknown>; env: Record<string, string>; line: RegExp }> = [
      { config: { provider: "alibaba-ecs", ...alibabaSettings(emulator.alibaba.endpoint) }, env: { LOCATION: "cn-hangzhou", INSTANCE_ID: "i-polycloud0009" }, line: /^\d+\.\d+\.\d+\.\d+ i-polycloud0009 pending \S+$/ },
      { config: { provider: "zenlayer-eip", ...zenlayerSettings(emulator.zenlayer.endpoint) }, env: { LOCATION: "SEL-A" }, line: /^\S+ \S+ pending \S+$/ },
    ];
    for (const { config, env, line } of runs) {
      await writeConfig(project, "polycloud.config.json", config);
      const run = await runBin([], project, { script, env });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout.trim()).toMatch(line);
    }
  }, 30_000);
});
