import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IpAllocatorError } from "../errors/ip-allocator-error.js";
import { createIpAllocator } from "./create-ip-allocator.js";
import { loadConfig } from "./load-config.js";
import { BUILT_IN_PROVIDERS } from "./load-ip-allocator-plugin.js";

// The "ten-line plugin" a new user writes: no imports, so it works from any directory.
const MY_PLUGIN = `export default {
  name: "my-cloud",
  settingsSchema: { safeParse: (s) => typeof s.region === "string" ? { success: true, data: s } : { success: false, error: { issues: [{ path: ["region"], message: "region is required" }] } } },
  create: (settings) => ({
    provider: "my-cloud", capabilities: {}, close: async () => {},
    allocate: async () => ({ provider: "my-cloud", ips: [{ id: "ip-1", address: "203.0.113.7", state: "ready", location: { region: settings.region }, tags: {} }], reconciled: false, metadata: { attempts: 1, totalRetryDelayMs: 0 }, warnings: [] }),
    describe: async () => { throw new Error("n/a"); }, release: async () => { throw new Error("n/a"); }, waitUntilReady: async () => { throw new Error("n/a"); },
  }),
};
`;

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "polycloud-core-"));
  await writeFile(join(directory, "my-plugin.js"), MY_PLUGIN);
  await writeFile(join(directory, "not-a-plugin.js"), "export default { hello: 1 };\n");
  await writeFile(
    join(directory, "polycloud.config.json"),
    JSON.stringify({ provider: "./my-plugin.js", region: "eu-1" }),
  );
  await writeFile(join(directory, "broken.json"), "{ provider: ");
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("createIpAllocator", () => {
  it("loads a plugin from a file path and allocates through it", async () => {
    const allocator = await createIpAllocator(
      { provider: "./my-plugin.js", region: "eu-1" },
      { baseDirectory: directory },
    );
    expect(allocator.provider).toBe("my-cloud");
    const result = await allocator.allocate({ location: { region: "eu-1" } });
    expect(result.ips[0]).toMatchObject({ address: "203.0.113.7", location: { region: "eu-1" } });
  });

  it("names the bad setting when the plugin's schema rejects it", async () => {
    const failure = createIpAllocator({ provider: "./my-plugin.js" }, { baseDirectory: directory });
    await expect(failure).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "region", message: "region is required" }],
    });
    await expect(failure).rejects.toThrow(/my-cloud settings: region: region is required/);
  });

  it("rejects a missing provider, an unloadable module, and a module that is not a plugin", async () => {
    await expect(createIpAllocator({ region: "x" })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "provider" }],
    });
    await expect(createIpAllocator({ provider: "./nowhere.js" }, { baseDirectory: directory })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "provider" }],
    });
    await expect(createIpAllocator({ provider: "./not-a-plugin.js" }, { baseDirectory: directory })).rejects.toThrow(
      /does not default-export an IpAllocatorPlugin/,
    );
    await expect(
      createIpAllocator({ provider: "polycloud-no-such-package" }, { baseDirectory: directory }),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });

  it("maps the built-in provider names to polycloud's adapter packages and names them when provider is missing", async () => {
    expect(BUILT_IN_PROVIDERS).toEqual({
      "alibaba-ecs": "@polycloud/alibaba-ecs",
      "zenlayer-eip": "@polycloud/zenlayer-eip",
      "aws-ec2": "@polycloud/aws-ec2",
    });
    await expect(createIpAllocator({ region: "x" })).rejects.toThrow(
      /provider is required: alibaba-ecs, zenlayer-eip, aws-ec2, a package name or a plugin file path/,
    );
  });

  it("uses an explicitly given plugin before module resolution", async () => {
    const plugins = { "alibaba-ecs": async () => import(join(directory, "my-plugin.js")) };
    const allocator = await createIpAllocator({ provider: "alibaba-ecs", region: "r" }, { plugins });
    expect(allocator.provider).toBe("my-cloud");
  });
});

describe("loadConfig", () => {
  it("reads polycloud.config.json from the working directory, resolving relative paths next to it", async () => {
    const loaded = await loadConfig({ cwd: directory, env: {} });
    expect(loaded).toEqual({
      config: { provider: "./my-plugin.js", region: "eu-1" },
      provider: "./my-plugin.js",
      // No allocate block: the location defaults to the configured region.
      allocate: { location: { region: "eu-1" } },
      path: join(directory, "polycloud.config.json"),
      baseDirectory: directory,
    });
    const allocator = await createIpAllocator(loaded.config, { baseDirectory: loaded.baseDirectory });
    expect(allocator.provider).toBe("my-cloud");
  });

  it("lets POLYCLOUD_PROVIDER and explicit overrides win over the file", async () => {
    expect((await loadConfig({ cwd: directory, env: { POLYCLOUD_PROVIDER: "zenlayer-eip" } })).config.provider).toBe(
      "zenlayer-eip",
    );
    expect(
      (await loadConfig({ cwd: directory, env: {}, overrides: { region: "eu-2", endpoint: undefined } })).config,
    ).toEqual({ provider: "./my-plugin.js", region: "eu-2" });
  });

  it("reports an invalid JSON file, a missing explicit file and a missing provider as INVALID_ARGUMENT", async () => {
    await expect(loadConfig({ cwd: directory, path: "broken.json", env: {} })).rejects.toThrow(
      /broken\.json is not valid JSON/,
    );
    await expect(loadConfig({ cwd: directory, env: { POLYCLOUD_CONFIG: "missing.json" } })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "config" }],
    });
    const error = await loadConfig({ cwd: tmpdir(), env: {} }).catch((thrown: unknown) => thrown);
    expect(IpAllocatorError.hasCode(error, "INVALID_ARGUMENT") && error.issues[0]?.path).toBe("provider");
  });
});
