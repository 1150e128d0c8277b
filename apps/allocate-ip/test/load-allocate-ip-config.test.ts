import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAllocateIpConfig } from "../src/index.js";
import { createTempDirectory, writeConfig } from "./support/run-captured.js";

let directory: Awaited<ReturnType<typeof createTempDirectory>>;
const twoProviders = {
  $schema: "./ignored.json",
  provider: "alibaba-ecs",
  timeoutMs: 5_000,
  allocate: { tags: { team: "edge" }, count: 1 },
  providers: {
    "alibaba-ecs": { region: "cn-hangzhou", credentials: { accessKeyId: "id-1", accessKeySecret: "alibaba-secret-value" }, allocate: { instanceId: "i-1" } },
    "zenlayer-eip": { endpoint: "http://127.0.0.1:1", credentials: { token: "zenlayer-token-value" }, allocate: { location: "SEL-A", tags: { tier: "gold" } } },
  },
};

beforeAll(async () => {
  directory = await createTempDirectory();
  await writeConfig(directory.path, "polycloud.config.json", twoProviders);
  await writeConfig(directory.path, "bad-allocate.json", { provider: "zenlayer-eip", allocate: { count: "two", colour: "red" }, providers: { "zenlayer-eip": { allocate: { location: 7 } } } });
  await writeConfig(directory.path, "bad-providers.json", { provider: "alibaba-ecs", providers: ["alibaba-ecs"] });
});

afterAll(() => directory.remove());

describe("loadAllocateIpConfig", () => {
  it("merges the selected provider's section over the top level and drops the app's own keys", async () => {
    const loaded = await loadAllocateIpConfig({ cwd: directory.path, env: {} });
    expect(loaded.config).toEqual({ provider: "alibaba-ecs", timeoutMs: 5_000, region: "cn-hangzhou", credentials: { accessKeyId: "id-1", accessKeySecret: "alibaba-secret-value" } });
    expect(loaded.target).toEqual({ tags: { team: "edge" }, count: 1, instanceId: "i-1" });
    expect(loaded.baseDirectory).toBe(directory.path);
  });

  it("selects another section when the provider is overridden by flag or environment", async () => {
    const byFlag = await loadAllocateIpConfig({ cwd: directory.path, env: {}, provider: "zenlayer-eip" });
    const byEnvironment = await loadAllocateIpConfig({ cwd: directory.path, env: { POLYCLOUD_PROVIDER: "zenlayer-eip" } });
    for (const loaded of [byFlag, byEnvironment]) {
      expect(loaded.config).toEqual({ provider: "zenlayer-eip", timeoutMs: 5_000, endpoint: "http://127.0.0.1:1", credentials: { token: "zenlayer-token-value" } });
      expect(loaded.target).toEqual({ location: "SEL-A", tags: { tier: "gold" }, count: 1 });
    }
  });

  it("collects every credential value of the file and the environment for masking", async () => {
    const loaded = await loadAllocateIpConfig({ cwd: directory.path, env: { ZENLAYER_ACCESS_KEY_SECRET: "from-environment", HOME: "/home/me" } });
    expect(loaded.secretValues.toSorted()).toEqual(["alibaba-secret-value", "from-environment", "zenlayer-token-value"]);
  });

  it("names every wrong field of the allocate blocks and the file", async () => {
    const failure = loadAllocateIpConfig({ cwd: directory.path, env: {}, configPath: "bad-allocate.json" });
    await expect(failure).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    const error = (await failure.catch((thrown: unknown) => thrown)) as { message: string; issues: { path: string }[] };
    expect(error.issues.map((issue) => issue.path)).toEqual(["allocate.colour", "allocate.count", "providers.zenlayer-eip.allocate.location"]);
    expect(error.message).toContain("bad-allocate.json");
    await expect(loadAllocateIpConfig({ cwd: directory.path, env: {}, configPath: "bad-providers.json" })).rejects.toMatchObject({ issues: [{ path: "providers" }] });
  });

  it("reports a missing provider and a missing explicit file as INVALID_ARGUMENT", async () => {
    await expect(loadAllocateIpConfig({ cwd: directory.path, env: {}, configPath: "absent.json" })).rejects.toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "config" }] });
    const empty = await createTempDirectory();
    await expect(loadAllocateIpConfig({ cwd: empty.path, env: {} })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "provider", message: expect.stringContaining(`${empty.path}/polycloud.config.json does not exist`) }],
    });
    await empty.remove();
  });
});
