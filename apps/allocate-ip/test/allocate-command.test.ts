import { readFile } from "node:fs/promises";
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alibabaSettings,
  awsSettings,
  multiProviderConfig,
  TEST_KEY_ID,
  TEST_KEY_SECRET,
  zenlayerSettings,
  type EmulatorEndpoints,
} from "./support/emulator-configs.js";
import { createTempDirectory, parseSingleJson, runCaptured, writeConfig } from "./support/run-captured.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;
let endpoints: EmulatorEndpoints;

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  endpoints = { alibaba: emulator.alibaba.endpoint, zenlayer: emulator.zenlayer.endpoint, aws: emulator.aws.endpoint };
});

afterAll(async () => {
  await emulator.close();
  await directory.remove();
});

describe("allocate-ip allocate", () => {
  it('switches from one emulator to another when only "provider" is edited in the config file', async () => {
    const configPath = await writeConfig(
      directory.path,
      "polycloud.config.json",
      multiProviderConfig("alibaba-ecs", endpoints),
    );
    const onAlibaba = await runCaptured(["allocate", "--json"], { cwd: directory.path });
    expect(onAlibaba.exitCode, onAlibaba.stdout).toBe(0);
    expect(parseSingleJson(onAlibaba.stdout)).toMatchObject({
      provider: "alibaba-ecs",
      ips: [
        { id: "i-polycloud0002", state: "pending", address: expect.any(String), location: { region: "cn-hangzhou" } },
      ],
    });

    const edited = (await readFile(configPath, "utf8")).replace(
      '"provider": "alibaba-ecs"',
      '"provider": "zenlayer-eip"',
    );
    await writeConfig(directory.path, "polycloud.config.json", JSON.parse(edited));
    const onZenlayer = await runCaptured(["allocate", "--json"], { cwd: directory.path });
    expect(onZenlayer.exitCode, onZenlayer.stdout).toBe(0);
    expect(parseSingleJson(onZenlayer.stdout)).toMatchObject({
      provider: "zenlayer-eip",
      ips: [{ state: "pending", location: { zone: "SEL-A" } }],
    });

    const toAws = (await readFile(configPath, "utf8")).replace('"provider": "zenlayer-eip"', '"provider": "aws-ec2"');
    await writeConfig(directory.path, "polycloud.config.json", JSON.parse(toAws));
    const onAws = await runCaptured(["allocate", "--json"], { cwd: directory.path });
    expect(onAws.exitCode, onAws.stdout).toBe(0);
    expect(parseSingleJson(onAws.stdout)).toMatchObject({
      provider: "aws-ec2",
      ips: [
        {
          id: expect.stringMatching(/^eipalloc-/),
          state: "ready",
          providerState: "unassociated",
          location: { region: "us-east-1" },
        },
      ],
    });
    expect(emulator.events.count({ provider: "alibaba", kind: "allocate" })).toBeGreaterThanOrEqual(1);
    expect(emulator.events.count({ provider: "zenlayer", kind: "allocate" })).toBeGreaterThanOrEqual(1);
    expect(emulator.events.count({ provider: "aws", kind: "allocate" })).toBeGreaterThanOrEqual(1);
  });

  it("maps --location to the aws-ec2 allocator's region, and refuses another region before any request", async () => {
    await writeConfig(directory.path, "aws.json", { provider: "aws-ec2", ...awsSettings(endpoints.aws) });
    const before = emulator.events.count({ provider: "aws" });
    const elsewhere = await runCaptured(["allocate", "-c", "aws.json", "--location", "eu-west-1", "--json"], {
      cwd: directory.path,
    });
    expect(elsewhere.exitCode).toBe(2);
    expect(parseSingleJson(elsewhere.stdout)).toMatchObject({
      error: { code: "INVALID_ARGUMENT", provider: "aws-ec2", issues: [{ path: "location.region" }] },
    });
    expect(emulator.events.count({ provider: "aws" })).toBe(before);

    const run = await runCaptured(
      [
        "allocate",
        "-c",
        "aws.json",
        "--location",
        "us-east-1",
        "--instance",
        "i-0123456789abcdef2",
        "--tag",
        "team=edge",
      ],
      { cwd: directory.path },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^address\s+198\.51\.100\.\d+$/m);
    expect(run.stdout).toMatch(/^id\s+eipalloc-[0-9a-f]{17}$/m);
    expect(run.stdout).toMatch(/^state\s+ready \(associated\)$/m);
    expect(run.stdout).toMatch(/^instance\s+i-0123456789abcdef2$/m);
    expect(run.stdout).toMatch(/^provider\s+aws-ec2$/m);
  });

  it("maps --location to a zone or a region by the provider's capabilities and applies flags over the file", async () => {
    await writeConfig(directory.path, "zenlayer.json", {
      provider: "zenlayer-eip",
      ...zenlayerSettings(endpoints.zenlayer),
    });
    const run = await runCaptured(
      [
        "allocate",
        "--config",
        "zenlayer.json",
        "--location",
        "HKG-A",
        "--count",
        "2",
        "--tag",
        "team=edge",
        "--tag",
        "env=test",
        "--wait",
        "--json",
      ],
      { cwd: directory.path },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const result = parseSingleJson(run.stdout) as {
      ips: Array<{ state: string; address: string; location: { zone: string }; tags: Record<string, string> }>;
    };
    expect(result.ips).toHaveLength(2);
    for (const ip of result.ips) {
      expect(ip).toMatchObject({ state: "ready", location: { zone: "HKG-A" }, tags: { team: "edge", env: "test" } });
      expect(ip.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
  });

  it("prints address, id, state and the provider request id for people", async () => {
    await writeConfig(directory.path, "alibaba.json", {
      provider: "alibaba-ecs",
      ...alibabaSettings(endpoints.alibaba),
    });
    const run = await runCaptured(["allocate", "-c", "alibaba.json", "--instance", "i-polycloud0003"], {
      cwd: directory.path,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^address\s+\d+\.\d+\.\d+\.\d+$/m);
    expect(run.stdout).toMatch(/^id\s+i-polycloud0003$/m);
    expect(run.stdout).toMatch(/^state\s+pending/m);
    expect(run.stdout).toMatch(/^request id\s+\S+$/m);
    expect(run.stdout).toMatch(/^provider\s+alibaba-ecs$/m);
  });

  it("logs requests with --verbose on stderr without ever printing the secret", async () => {
    await writeConfig(directory.path, "verbose.json", {
      provider: "alibaba-ecs",
      ...alibabaSettings(endpoints.alibaba),
    });
    const fromFile = await runCaptured(
      ["allocate", "-c", "verbose.json", "--instance", "i-polycloud0004", "--verbose", "--json"],
      { cwd: directory.path },
    );
    expect(fromFile.exitCode, fromFile.stderr).toBe(0);
    expect(fromFile.stderr).toMatch(/^> alibaba-ecs allocate attempt 1: POST http/m);
    expect(fromFile.stderr).toMatch(/^< alibaba-ecs allocate attempt 1: HTTP 200/m);
    parseSingleJson(fromFile.stdout);

    // Credentials from the environment instead of the file, and the Zenlayer signer.
    await writeConfig(directory.path, "verbose-zenlayer.json", {
      provider: "zenlayer-eip",
      endpoint: endpoints.zenlayer,
    });
    const env = { ZENLAYER_ACCESS_KEY_ID: TEST_KEY_ID, ZENLAYER_ACCESS_KEY_SECRET: TEST_KEY_SECRET };
    const fromEnvironment = await runCaptured(["allocate", "-c", "verbose-zenlayer.json", "-l", "SEL-A", "-v"], {
      cwd: directory.path,
      env,
    });
    expect(fromEnvironment.exitCode, fromEnvironment.stderr).toBe(0);
    expect(fromEnvironment.stderr).toMatch(/^> zenlayer-eip allocate attempt 1: POST http/m);

    // The AWS credential chain from the environment, and SigV4: the signature is redacted too.
    await writeConfig(directory.path, "verbose-aws.json", {
      provider: "aws-ec2",
      region: "us-east-1",
      endpoint: endpoints.aws,
    });
    const awsEnvironment = { AWS_ACCESS_KEY_ID: TEST_KEY_ID, AWS_SECRET_ACCESS_KEY: TEST_KEY_SECRET };
    const fromAwsEnvironment = await runCaptured(["allocate", "-c", "verbose-aws.json", "-v", "--json"], {
      cwd: directory.path,
      env: awsEnvironment,
    });
    expect(fromAwsEnvironment.exitCode, fromAwsEnvironment.stderr).toBe(0);
    expect(fromAwsEnvironment.stderr).toMatch(/^> aws-ec2 allocate attempt 1: POST http/m);
    expect(fromAwsEnvironment.stderr).toMatch(/^> authorization: AWS4-HMAC-SHA256 \[REDACTED\]$/m);
    expect(parseSingleJson(fromAwsEnvironment.stdout)).toMatchObject({ provider: "aws-ec2" });
    for (const run of [fromFile, fromEnvironment, fromAwsEnvironment]) {
      expect(run.stdout + run.stderr).not.toContain(TEST_KEY_SECRET);
    }
  });

  it("shows a spinner only on a terminal, and never with CI, NO_COLOR or --json", async () => {
    await writeConfig(directory.path, "spinner.json", {
      provider: "zenlayer-eip",
      ...zenlayerSettings(endpoints.zenlayer),
    });
    const argv = ["allocate", "-c", "spinner.json", "-l", "SEL-A", "--wait"];
    const onTerminal = await runCaptured(argv, { cwd: directory.path, tty: true });
    expect(onTerminal.exitCode, onTerminal.stderr).toBe(0);
    expect(onTerminal.stderr).toContain("\r");
    expect(onTerminal.stderr).toContain("Allocating on zenlayer-eip");
    for (const [extraArgs, env] of [
      [[], { CI: "true" }],
      [[], { NO_COLOR: "1" }],
      [["--json"], {}],
    ] as const) {
      const quiet = await runCaptured([...argv, ...extraArgs], { cwd: directory.path, tty: true, env });
      expect(quiet.exitCode).toBe(0);
      expect(quiet.stderr).not.toContain("\r");
    }
  });
});
