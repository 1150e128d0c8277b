import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createIpAllocator } from "./create-ip-allocator.js";
import { loadConfig } from "./load-config.js";
import { loadIpAllocatorPlugin } from "./load-ip-allocator-plugin.js";

// A plugin that leaves a marker file when it is imported: its absence proves nothing ran.
function markerPlugin(marker: string, name: string): string {
  return `import { writeFileSync } from "node:fs";
writeFileSync(${JSON.stringify(marker)}, "imported");
export default { name: ${JSON.stringify(name)}, settingsSchema: { safeParse: (s) => ({ success: true, data: s }) }, create: () => ({ provider: ${JSON.stringify(name)}, capabilities: {}, allocate: async () => ({}), describe: async () => ({}), release: async () => ({}), waitUntilReady: async () => ({}), close: async () => {} }) };
`;
}

let root: string;
let configDirectory: string; // the config file's folder: no node_modules
let application: string; // the working directory: the application with its installed packages
let elsewhere: string; // neither
let marker: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "polycloud-plugins-"));
  [configDirectory, application, elsewhere] = [
    join(root, "config"),
    join(root, "application"),
    join(root, "elsewhere"),
  ];
  marker = join(root, "marker");
  for (const directory of [configDirectory, application, elsewhere]) await mkdir(directory);
  await writeFile(join(elsewhere, "outside-plugin.mjs"), markerPlugin(marker, "outside"));
  await writeFile(join(configDirectory, "inside-plugin.mjs"), markerPlugin(join(root, "inside-marker"), "inside"));
  await symlink(join(elsewhere, "outside-plugin.mjs"), join(configDirectory, "linked-plugin.mjs"));
  // Installed in the application only: a built-in adapter's package name and a third-party plugin package.
  for (const [name, provider] of [
    ["@polycloud/alibaba-ecs", "alibaba-ecs"],
    ["polycloud-plugin-fake", "fake"],
  ] as const) {
    const folder = join(application, "node_modules", ...name.split("/"));
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, "package.json"),
      JSON.stringify({ name, type: "module", exports: { ".": { import: "./index.js", default: "./index.js" } } }),
    );
    await writeFile(join(folder, "index.js"), markerPlugin(join(root, `${provider}-marker`), provider));
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(marker, { force: true });
});

const options = () => ({ baseDirectory: configDirectory, cwd: application });

describe("plugin resolution", () => {
  it("finds built-in and plugin packages installed in the application when the config file lives elsewhere", async () => {
    // (Under vitest the workspace's own adapter may answer for the built-in name; test/sample.test.ts of
    // allocate-ip checks the application's copy with plain Node processes.)
    await expect(loadIpAllocatorPlugin("alibaba-ecs", options())).resolves.toMatchObject({ name: "alibaba-ecs" });
    await expect(loadIpAllocatorPlugin("polycloud-plugin-fake", options())).resolves.toMatchObject({ name: "fake" });
    expect(existsSync(join(root, "fake-marker"))).toBe(true);
  });

  it("finds packages installed next to the config file", async () => {
    await expect(
      loadIpAllocatorPlugin("polycloud-plugin-fake", { baseDirectory: application, cwd: elsewhere }),
    ).resolves.toMatchObject({ name: "fake" });
  });

  it("names an unknown provider with the valid kinds and a suggestion, and no internal path", async () => {
    const error = (await loadIpAllocatorPlugin("alibaba-ec", options()).catch((thrown: unknown) => thrown)) as Error & {
      issues: Array<{ message: string }>;
    };
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "provider" }] });
    expect(error.message).toContain('unknown provider "alibaba-ec"; did you mean "alibaba-ecs"?');
    expect(error.message).toContain("valid: alibaba-ecs, zenlayer-eip, aws-ec2, a package name or a plugin file path");
    expect(error.message).not.toMatch(/packages\/core|node_modules|imported from/);
  });
});

describe("plugin safety: a provider value is code to run", () => {
  it.each([
    [
      "a data: URL",
      `data:text/javascript,import{writeFileSync}from"node:fs";writeFileSync(${JSON.stringify("MARKER")},"x");export default {}`,
    ],
    ["an http: URL", "http://127.0.0.1:9/plugin.mjs"],
    ["an https: URL", "https://example.invalid/plugin.mjs"],
    ["a node: URL", "node:fs"],
  ])("refuses %s before importing anything", async (_, provider) => {
    const value = provider.replace("MARKER", marker);
    await expect(loadIpAllocatorPlugin(value, options())).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "provider", message: expect.stringContaining("URL is refused") }],
    });
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    ["an absolute path", () => join(elsewhere, "outside-plugin.mjs")],
    ["a relative path that climbs out", () => "../elsewhere/outside-plugin.mjs"],
    ["a file: URL", () => pathToFileURL(join(elsewhere, "outside-plugin.mjs")).href],
    ["a symbolic link inside pointing outside", () => "./linked-plugin.mjs"],
  ])("refuses a plugin file outside the config folder and the working directory: %s", async (_, provider) => {
    await expect(loadIpAllocatorPlugin(provider(), options())).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [
        {
          path: "provider",
          message: expect.stringContaining("is outside the config file's directory and the working directory"),
        },
      ],
    });
    expect(existsSync(marker)).toBe(false);
  });

  it("applies the same rule to POLYCLOUD_PROVIDER", async () => {
    await writeFile(
      join(configDirectory, "polycloud.config.json"),
      JSON.stringify({ provider: "./inside-plugin.mjs" }),
    );
    const loaded = await loadConfig({
      cwd: configDirectory,
      env: { POLYCLOUD_PROVIDER: join(elsewhere, "outside-plugin.mjs") },
    });
    await expect(
      createIpAllocator(loaded.config, { baseDirectory: loaded.baseDirectory, cwd: application }),
    ).rejects.toThrow(/is outside the config file's directory/);
    expect(existsSync(marker)).toBe(false);
    await expect(
      createIpAllocator((await loadConfig({ cwd: configDirectory, env: {} })).config, {
        baseDirectory: configDirectory,
        cwd: application,
      }),
    ).resolves.toMatchObject({ provider: "inside" });
  });

  it("loads a plugin outside only with allowPluginOutside", async () => {
    await expect(
      createIpAllocator(
        { provider: join(elsewhere, "outside-plugin.mjs") },
        { ...options(), allowPluginOutside: true },
      ),
    ).resolves.toMatchObject({ provider: "outside" });
    expect(existsSync(marker)).toBe(true);
  });
});
