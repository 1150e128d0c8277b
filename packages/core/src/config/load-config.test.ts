import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createIpAllocator } from "./create-ip-allocator.js";
import type { IpAllocatorPlugin } from "./ip-allocator-plugin.js";
import { loadConfig } from "./load-config.js";
import { suggestClosestKey } from "./suggest-closest-key.js";

// Two in-process providers with strict zod schemas, like the built-in adapters.
function definePlugin(name: string, settingsSchema: z.ZodType): IpAllocatorPlugin<unknown> {
  return {
    name,
    settingsSchema,
    create: () =>
      ({
        provider: name,
        capabilities: {},
        close: async () => {},
        allocate: async () => {
          throw new Error("n/a");
        },
        describe: async () => {
          throw new Error("n/a");
        },
        release: async () => {
          throw new Error("n/a");
        },
        waitUntilReady: async () => {
          throw new Error("n/a");
        },
      }) as never,
  };
}
const plugins = {
  "alibaba-ecs": definePlugin(
    "alibaba-ecs",
    z
      .object({
        region: z.string(),
        timeoutMs: z.number().optional(),
        credentials: z.object({ accessKeyId: z.string(), accessKeySecret: z.string() }).strict().optional(),
      })
      .strict(),
  ),
  "zenlayer-eip": definePlugin(
    "zenlayer-eip",
    z
      .object({
        endpoint: z.string().optional(),
        credentials: z
          .union([
            z.object({ accessKeyId: z.string(), accessKeySecret: z.string() }).strict(),
            z.object({ token: z.string() }).strict(),
          ])
          .optional(),
      })
      .strict(),
  ),
};

let directory: string;
const write = (name: string, content: unknown) => writeFile(join(directory, name), JSON.stringify(content));

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "polycloud-load-config-"));
  await write("two.json", {
    $schema: "./schema.json",
    provider: "alibaba-ecs",
    region: "cn-hangzhou",
    timeoutMs: 5_000,
    allocate: { tags: { team: "edge" } },
    providers: {
      "alibaba-ecs": { credentials: { accessKeyId: "id", accessKeySecret: "secret" }, allocate: { instanceId: "i-1" } },
      "zenlayer-eip": { endpoint: "http://127.0.0.1:1", allocate: { location: "SEL-A", count: 3 } },
    },
  });
  await write("sections-only.json", { providers: { "zenlayer-eip": { allocate: { location: { zone: "SEL-B" } } } } });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("the configuration file format", () => {
  it("merges the file's provider section over the top-level settings, and its allocate defaults over the top-level ones", async () => {
    const loaded = await loadConfig({ cwd: directory, path: "two.json", env: {} });
    expect(loaded.provider).toBe("alibaba-ecs");
    expect(loaded.config).toEqual({
      provider: "alibaba-ecs",
      region: "cn-hangzhou",
      timeoutMs: 5_000,
      credentials: { accessKeyId: "id", accessKeySecret: "secret" },
    });
    expect(loaded.allocate).toEqual({ tags: { team: "edge" }, instanceId: "i-1", location: { region: "cn-hangzhou" } });
  });

  it("selects by override, then POLYCLOUD_PROVIDER; another provider gets its own section only, never the top-level settings", async () => {
    for (const options of [
      { overrides: { provider: "zenlayer-eip" }, env: { POLYCLOUD_PROVIDER: "alibaba-ecs" } },
      { env: { POLYCLOUD_PROVIDER: "zenlayer-eip" } },
    ]) {
      const loaded = await loadConfig({ cwd: directory, path: "two.json", ...options });
      expect(loaded.config).toEqual({ provider: "zenlayer-eip", endpoint: "http://127.0.0.1:1" });
      expect(loaded.allocate).toEqual({ tags: { team: "edge" }, location: { zone: "SEL-A" }, count: 3 });
      await expect(createIpAllocator(loaded.config, { plugins })).resolves.toMatchObject({ provider: "zenlayer-eip" });
    }
  });

  it("takes the only section of a file without provider", async () => {
    const loaded = await loadConfig({ cwd: directory, path: "sections-only.json", env: {} });
    expect(loaded).toMatchObject({
      provider: "zenlayer-eip",
      config: { provider: "zenlayer-eip" },
      allocate: { location: { zone: "SEL-B" } },
    });
  });

  it("names a missing section and a misspelt section name", async () => {
    await expect(
      loadConfig({ cwd: directory, path: "two.json", env: { POLYCLOUD_PROVIDER: "aws-ec2" } }),
    ).rejects.toThrow(/providers: has no "aws-ec2" section for the selected provider/);
    await write("misspelt-section.json", { provider: "zenlayer-eip", providers: { "zenlayer-ipe": {} } });
    await expect(loadConfig({ cwd: directory, path: "misspelt-section.json", env: {} })).rejects.toMatchObject({
      issues: [{ path: "providers.zenlayer-ipe", message: expect.stringContaining('did you mean "zenlayer-eip"?') }],
    });
  });
});

describe("messages that say what to fix", () => {
  it("suggests the closest key for a typo at the top level, inside providers.<name> and inside allocate", async () => {
    await write("typos.json", {
      provider: "alibaba-ecs",
      regoin: "cn-hangzhou",
      allocate: { instanceID: "i-1" },
      providers: { "alibaba-ecs": { region: "cn-hangzhou", timeotMs: 1, allocate: { lcoation: "cn-hangzhou" } } },
    });
    const failure = loadConfig({ cwd: directory, path: "typos.json", env: {} });
    await expect(failure).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [
        { path: "allocate.instanceID", message: 'unknown key "instanceID"; did you mean "instanceId"?' },
        {
          path: "providers.alibaba-ecs.allocate.lcoation",
          message: 'unknown key "lcoation"; did you mean "location"?',
        },
      ],
    });
    await write("typos.json", {
      provider: "alibaba-ecs",
      regoin: "cn-hangzhou",
      providers: { "alibaba-ecs": { region: "cn-hangzhou", timeotMs: 1 } },
    });
    const loaded = await loadConfig({ cwd: directory, path: "typos.json", env: {} });
    const error = await createIpAllocator(loaded.config, { plugins }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [
        { path: "regoin", message: 'unknown key "regoin"; did you mean "region"?' },
        { path: "providers.alibaba-ecs.timeotMs", message: 'unknown key "timeotMs"; did you mean "timeoutMs"?' },
      ],
    });
    expect((error as Error).message).toContain(`alibaba-ecs settings in ${join(directory, "typos.json")}`);
  });

  it("names the nested key of a credential the provider rejects, never `credentials: Invalid input`", async () => {
    await write("credentials.json", {
      provider: "zenlayer-eip",
      providers: { "zenlayer-eip": { credentials: { accessKeyId: "id" } } },
    });
    const loaded = await loadConfig({ cwd: directory, path: "credentials.json", env: {} });
    const error = (await createIpAllocator(loaded.config, { plugins }).catch((thrown: unknown) => thrown)) as Error & {
      issues: Array<{ path: string }>;
    };
    expect(error.issues.map((issue) => issue.path)).toEqual(["providers.zenlayer-eip.credentials.accessKeySecret"]);
    expect(error.message).not.toMatch(/credentials: Invalid input/);
  });

  it("resolves a string location for built-in providers and asks plugins for the object form", async () => {
    await write("plugin-location.json", { provider: "./my-plugin.js", allocate: { location: "eu-1" } });
    await expect(loadConfig({ cwd: directory, path: "plugin-location.json", env: {} })).rejects.toMatchObject({
      issues: [
        {
          path: "allocate.location",
          message: expect.stringContaining('write { "region": "eu-1" } or { "zone": "eu-1" }'),
        },
      ],
    });
  });

  it("keeps suggestions to likely typos", () => {
    expect(suggestClosestKey("regoin", ["region", "endpoint"])).toBe("region");
    expect(suggestClosestKey("Endpiont", ["region", "endpoint"])).toBe("endpoint");
    expect(suggestClosestKey("colour", ["region", "endpoint"])).toBeUndefined();
  });
});
