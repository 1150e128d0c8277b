import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_DIRECTORY, buildBin, runBin } from "./support/run-bin.js";
import { createTempDirectory } from "./support/run-captured.js";

const examples = join(APP_DIRECTORY, "examples");
const script = join(examples, "sample.mjs");
const emulatorFiles = readdirSync(examples).filter((name) => /^emulator.*\.config\.json$/.test(name));
// The fixed ports the example files name, and the line the sample prints on each provider.
const PORTS = {
  alibaba: "http://127.0.0.1:18080",
  zenlayer: "http://127.0.0.1:18081",
  aws: "http://127.0.0.1:18082",
} as const;
const PRINTED: Record<string, RegExp> = {
  "alibaba-ecs": /^\d+\.\d+\.\d+\.\d+ i-polycloud0001 pending \S+$/,
  "zenlayer-eip": /^\S+ \S+ pending \S+$/,
  "aws-ec2": /^198\.51\.100\.\d+ eipalloc-[0-9a-f]{17} ready \S+$/,
};

let directory: Awaited<ReturnType<typeof createTempDirectory>>;
let project: string;

beforeAll(buildBin, 180_000);
beforeAll(async () => {
  directory = await createTempDirectory();
  // The application: its node_modules hold core and the adapters. The config files live elsewhere (a temp
  // folder outside the repository, with no node_modules), so the adapters must be found from the application.
  project = join(directory.path, "project");
  await mkdir(project);
  await symlink(join(APP_DIRECTORY, "node_modules"), join(project, "node_modules"), "dir");
});
afterAll(() => directory?.remove());

/** Every (file, provider) pair the examples offer: each section of a multi-provider file, else the file's provider. */
function listRuns(): Array<{ file: string; provider: string; selectedByEnvironment: boolean }> {
  return emulatorFiles.flatMap((file) => {
    const content = JSON.parse(readFileSync(join(examples, file), "utf8")) as {
      provider: string;
      providers?: Record<string, unknown>;
    };
    if (content.providers === undefined) return [{ file, provider: content.provider, selectedByEnvironment: false }];
    return Object.keys(content.providers).map((provider) => ({
      file,
      provider,
      selectedByEnvironment: provider !== content.provider,
    }));
  });
}

describe("the README sample (examples/sample.mjs)", () => {
  it.each(["README.md", "apps/allocate-ip/README.md"])("is the code shown in %s, line for line", async (document) => {
    const readme = await readFile(join(APP_DIRECTORY, "..", "..", document), "utf8");
    const section = /<!-- sample:start -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(section).toBe(await readFile(script, "utf8"));
  });

  it("covers every provider with the emulator example files", () => {
    expect(new Set(listRuns().map((run) => run.provider))).toEqual(new Set(Object.keys(PRINTED)));
  });

  it.each(listRuns())(
    "runs unchanged with $file on $provider, its allocate defaults taken from the file",
    async ({ file, provider, selectedByEnvironment }) => {
      const emulator = await startEmulator();
      try {
        const configDirectory = join(directory.path, `${file}-${provider}`);
        await mkdir(configDirectory);
        const text = (await readFile(join(examples, file), "utf8"))
          .replaceAll(PORTS.alibaba, emulator.alibaba.endpoint)
          .replaceAll(PORTS.zenlayer, emulator.zenlayer.endpoint)
          .replaceAll(PORTS.aws, emulator.aws.endpoint);
        await writeFile(join(configDirectory, "polycloud.config.json"), text);
        const env: Record<string, string> = {
          POLYCLOUD_CONFIG: join(configDirectory, "polycloud.config.json"),
          ...(selectedByEnvironment && { POLYCLOUD_PROVIDER: provider }),
        };
        const run = await runBin([], project, { script, env });
        expect(run.exitCode, run.stderr).toBe(0);
        expect(run.stdout.trim()).toMatch(PRINTED[provider] as RegExp);
      } finally {
        await emulator.close();
      }
    },
    30_000,
  );
});
