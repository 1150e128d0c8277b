import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAllocateIpConfig, openIpAllocator } from "../src/index.js";
import { createTempDirectory, writeConfig } from "./support/run-captured.js";

let directory: Awaited<ReturnType<typeof createTempDirectory>>;
const twoProviders = {
  $schema: "./ignored.json",
  provider: "alibaba-ecs",
  timeoutMs: 5_000,
  allocate: { tags: { team: "edge" }, count: 1 },
  providers: {
    "alibaba-ecs": {
      region: "cn-hangzhou",
      credentials: { accessKeyId: "id-1", accessKeySecret: "alibaba-secret-value" },
      allocate: { instanceId: "i-1" },
    },
    "zenlayer-eip": {
      endpoint: "http://127.0.0.1:1",
      credentials: { token: "zenlayer-token-value" },
      allocate: { location: "SEL-A", tags: { tier: "gold" } },
    },
    "aws-ec2": {
      region: "us-east-1",
      profile: "prod",
      credentials: {
        accessKeyId: "AKIAEXAMPLE",
        secretAccessKey: "aws-secret-value",
        sessionToken: "aws-session-token-value",
      },
      allocate: { location: "us-east-1", instanceId: "i-0123456789abcdef0" },
    },
  },
};

beforeAll(async () => {
  directory = await createTempDirectory();
  await writeConfig(directory.path, "polycloud.config.json", twoProviders);
  await writeConfig(directory.path, "bad-allocate.json", {
    provider: "zenlayer-eip",
    allocate: { count: "two", colour: "red" },
    providers: { "zenlayer-eip": { allocate: { location: 7 } } },
  });
  await writeConfig(directory.path, "bad-providers.json", { provider: "alibaba-ecs", providers: ["alibaba-ecs"] });
});

afterAll(() => directory.remove());

describe("loadAllocateIpConfig", () => {
  it("merges the selected provider's section over the top level and drops the app's own keys", async () => {
    const loaded = await loadAllocateIpConfig({ cwd: directory.path, env: {} });
    expect(loaded.config).toEqual({
      provider: "alibaba-ecs",
      timeoutMs: 5_000,
      region: "cn-hangzhou",
      credentials: { accessKeyId: "id-1", accessKeySecret: "alibaba-secret-value" },
    });
    // No location in the file: a region-based provider's location is its configured region.
    expect(loaded.target).toEqual({ tags: { team: "edge" }, count: 1, instanceId: "i-1", location: "cn-hangzhou" });
    expect(loaded.allocate).toEqual({
      tags: { team: "edge" },
      count: 1,
      instanceId: "i-1",
      location: { region: "cn-hangzhou" },
    });
    expect(loaded.baseDirectory).toBe(directory.path);
  });

  it("selects another section when the provider is overridden by flag or environment, without the other provider's top-level settings", async () => {
    const byFlag = await loadAllocateIpConfig({ cwd: directory.path, env: {}, provider: "zenlayer-eip" });
    const byEnvironment = await loadAllocateIpConfig({
      cwd: directory.path,
      env: { POLYCLOUD_PROVIDER: "zenlayer-eip" },
    });
    for (const loaded of [byFlag, byEnvironment]) {
      expect(loaded.config).toEqual({
        provider: "zenlayer-eip",
        endpoint: "http://127.0.0.1:1",
        credentials: { token: "zenlayer-token-value" },
      });
      expect(loaded.target).toEqual({ location: "SEL-A", tags: { tier: "gold" }, count: 1 });
      expect(loaded.allocate).toEqual({ location: { zone: "SEL-A" }, tags: { tier: "gold" }, count: 1 });
    }
  });

  it("selects the aws-ec2 section with its allocate defaults", async () => {
    for (const loaded of [
      await loadAllocateIpConfig({ cwd: directory.path, env: {}, provider: "aws-ec2" }),
      await loadAllocateIpConfig({ cwd: directory.path, env: { POLYCLOUD_PROVIDER: "aws-ec2" } }),
    ]) {
      expect(loaded.config).toEqual({
        provider: "aws-ec2",
        region: "us-east-1",
        profile: "prod",
        credentials: {
          accessKeyId: "AKIAEXAMPLE",
          secretAccessKey: "aws-secret-value",
          sessionToken: "aws-session-token-value",
        },
      });
      expect(loaded.target).toEqual({
        tags: { team: "edge" },
        count: 1,
        location: "us-east-1",
        instanceId: "i-0123456789abcdef0",
      });
    }
  });

  it("collects the selected provider's credential values and the environment's for masking", async () => {
    const env = {
      ZENLAYER_ACCESS_KEY_SECRET: "from-environment",
      AWS_SECRET_ACCESS_KEY: "aws-from-environment",
      AWS_SESSION_TOKEN: "aws-token-from-environment",
      AWS_ACCESS_KEY_ID: "AKIAENVIRONMENT",
      HOME: "/home/me",
    };
    const loaded = await loadAllocateIpConfig({ cwd: directory.path, env });
    expect(loaded.secretValues.toSorted()).toEqual([
      "alibaba-secret-value",
      "aws-from-environment",
      "aws-token-from-environment",
      "from-environment",
    ]);
    const aws = await loadAllocateIpConfig({ cwd: directory.path, env: {}, provider: "aws-ec2" });
    expect(aws.secretValues.toSorted()).toEqual(["aws-secret-value", "aws-session-token-value"]);
  });

  it("names every wrong field of the allocate blocks and the file", async () => {
    const failure = loadAllocateIpConfig({ cwd: directory.path, env: {}, configPath: "bad-allocate.json" });
    await expect(failure).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    const error = (await failure.catch((thrown: unknown) => thrown)) as { message: string; issues: { path: string }[] };
    expect(error.issues.map((issue) => issue.path).toSorted()).toEqual([
      "allocate.colour",
      "allocate.count",
      "providers.zenlayer-eip.allocate.location",
    ]);
    expect(error.message).toContain("bad-allocate.json");
    await expect(
      loadAllocateIpConfig({ cwd: directory.path, env: {}, configPath: "bad-providers.json" }),
    ).rejects.toMatchObject({ issues: [{ path: "providers" }] });
  });

  it("reports a missing provider and a missing explicit file as INVALID_ARGUMENT", async () => {
    await expect(
      loadAllocateIpConfig({ cwd: directory.path, env: {}, configPath: "absent.json" }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "config" }] });
    const empty = await createTempDirectory();
    await expect(loadAllocateIpConfig({ cwd: empty.path, env: {} })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [
        { path: "provider", message: expect.stringContaining(`${empty.path}/polycloud.config.json does not exist`) },
      ],
    });
    await empty.remove();
  });
});

describe("the example configurations (examples/*.json)", () => {
  const examples = fileURLToPath(new URL("../examples/", import.meta.url));
  const files = readdirSync(examples).filter((name) => name.endsWith(".json"));

  it("include a real-cloud and an emulator file for every built-in provider", () => {
    expect(files.toSorted()).toEqual([
      "alibaba.config.json",
      "aws.config.json",
      "emulator.alibaba.config.json",
      "emulator.aws.config.json",
      "emulator.config.json",
      "emulator.zenlayer.config.json",
      "zenlayer.config.json",
    ]);
  });

  it.each(files)("%s builds an allocator for every provider it names (settings valid, nothing sent)", async (name) => {
    const file = JSON.parse(readFileSync(`${examples}${name}`, "utf8")) as {
      provider: string;
      providers?: Record<string, unknown>;
    };
    for (const selected of Object.keys(file.providers ?? { [file.provider]: {} })) {
      const loaded = await loadAllocateIpConfig({ configPath: `${examples}${name}`, env: {}, provider: selected });
      const allocator = await openIpAllocator(loaded);
      expect(allocator.provider).toBe(selected);
      await allocator.close();
    }
  });

  it("point the emulator files at the documented fixed ports, aws-ec2 on 18082", async () => {
    const loaded = await loadAllocateIpConfig({
      configPath: `${examples}emulator.config.json`,
      env: {},
      provider: "aws-ec2",
    });
    expect(loaded.config).toMatchObject({
      provider: "aws-ec2",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:18082",
    });
    expect(loaded.target).toEqual({ location: "us-east-1" });
    const single = await loadAllocateIpConfig({ configPath: `${examples}emulator.aws.config.json`, env: {} });
    expect(single.config).toEqual(loaded.config);
  });
});
