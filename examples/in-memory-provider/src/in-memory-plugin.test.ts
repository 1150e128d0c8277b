import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createIpAllocator, loadConfig } from "@polycloud/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInMemoryCloud, type RunningInMemoryCloud } from "./cloud/index.js";

// The package directory, so the provider is a relative module path exactly as a user would write it.
const packageDirectory = fileURLToPath(new URL("..", import.meta.url));
const pluginPath = "./src/in-memory-plugin.ts";
const ACCESS_TOKEN = "in-memory-plugin-token-6d2e";
let far: RunningInMemoryCloud;
let configDirectory: string;

beforeAll(async () => {
  far = await startInMemoryCloud({ accessToken: ACCESS_TOKEN, zone: "mem-2b", poolCidr: "203.0.113.0/29" });
  configDirectory = await mkdtemp(join(tmpdir(), "polycloud-in-memory-"));
  const provider = join(packageDirectory, "src", "in-memory-plugin.ts");
  await writeFile(
    join(configDirectory, "polycloud.config.json"),
    JSON.stringify({ provider, endpoint: far.endpoint, reconcile: { checks: 4 } }),
  );
});
afterAll(async () => {
  await far.close();
  await rm(configDirectory, { recursive: true, force: true });
});

describe("in-memory plugin", () => {
  it("is selected by a module path in the config, with no change to core", async () => {
    const allocator = await createIpAllocator(
      { provider: pluginPath, endpoint: far.endpoint, accessToken: ACCESS_TOKEN },
      { baseDirectory: packageDirectory },
    );
    const result = await allocator.allocate({ location: { zone: "mem-2b" }, tags: { team: "edge" } });
    expect(allocator.provider).toBe("in-memory");
    expect(result.ips[0]).toMatchObject({
      state: "ready",
      address: "203.0.113.1",
      location: { zone: "mem-2b" },
      tags: { team: "edge" },
    });
    await allocator.close();
  });

  it("is selected from polycloud.config.json; the credential comes from the environment at the first call", async () => {
    const loaded = await loadConfig({ cwd: configDirectory, env: {} });
    const allocator = await createIpAllocator(loaded.config, {
      baseDirectory: loaded.baseDirectory,
      env: { IN_MEMORY_ACCESS_TOKEN: ACCESS_TOKEN },
    });
    const result = await allocator.allocate({ location: { zone: "mem-2b" }, count: 2 });
    expect(result.ips.map((ip) => ip.address)).toEqual(["203.0.113.2", "203.0.113.3"]);
    await allocator.close();
  });

  it("names each bad setting in one INVALID_ARGUMENT", async () => {
    const failure = createIpAllocator(
      {
        provider: pluginPath,
        endpoint: "ftp://127.0.0.1",
        requestTimeoutMs: 0,
        reconcile: { checks: 0 },
        zonee: "typo",
      },
      { baseDirectory: packageDirectory },
    );
    await expect(failure).rejects.toMatchObject({ code: "INVALID_ARGUMENT", provider: "in-memory" });
    const paths = ((await failure.catch((error: unknown) => error)) as { issues: { path: string }[] }).issues.map(
      (issue) => issue.path,
    );
    expect(paths.sort()).toEqual(["endpoint", "reconcile.checks", "requestTimeoutMs", "zonee"]);
    await expect(failure).rejects.toThrow(/zonee: unknown key "zonee"/);
  });
});
