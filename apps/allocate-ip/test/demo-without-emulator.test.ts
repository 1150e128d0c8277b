import { cp, mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_DIRECTORY, buildBin, runBin } from "./support/run-bin.js";
import { createTempDirectory, parseSingleJson } from "./support/run-captured.js";

// The published CLI lists @polycloud/emulator as an optional peer: only `demo` needs it. Installed without it
// (here: the built CLI in a folder whose node_modules has core, the adapters and commander, not the emulator),
// every other command works and `demo` says how to get it.

let directory: Awaited<ReturnType<typeof createTempDirectory>>;
let bin: string;

beforeAll(buildBin, 180_000);

beforeAll(async () => {
  directory = await createTempDirectory();
  const installed = join(directory.path, "node_modules", "@polycloud", "allocate-ip");
  await mkdir(join(directory.path, "node_modules", "@polycloud"), { recursive: true });
  await mkdir(installed);
  for (const entry of ["dist", "bin", "package.json"])
    await cp(join(APP_DIRECTORY, entry), join(installed, entry), { recursive: true });
  for (const name of ["core", "alibaba-ecs", "zenlayer-eip", "aws-ec2"]) {
    await symlink(
      join(APP_DIRECTORY, "node_modules", "@polycloud", name),
      join(directory.path, "node_modules", "@polycloud", name),
      "dir",
    );
  }
  await symlink(
    join(APP_DIRECTORY, "node_modules", "commander"),
    join(directory.path, "node_modules", "commander"),
    "dir",
  );
  bin = join(installed, "bin", "allocate-ip.js");
});

afterAll(async () => {
  await directory?.remove();
});

describe("demo without @polycloud/emulator installed", () => {
  it("exits 2 and says how to get the emulator, without a stack trace", async () => {
    const run = await runBin(["demo"], directory.path, { script: bin });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("npm install @polycloud/emulator");
    expect(run.stderr).toContain("INVALID_ARGUMENT (exit 2)");
    expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|^\s+at /m);
    expect(run.stdout).toBe("");
  }, 30_000);

  it("reports it as one JSON error with --json", async () => {
    const run = await runBin(["demo", "--json"], directory.path, { script: bin });
    expect(run.exitCode).toBe(2);
    expect(parseSingleJson(run.stdout)).toMatchObject({
      error: { code: "INVALID_ARGUMENT", hint: expect.stringContaining("npm install @polycloud/emulator") },
    });
  }, 30_000);

  it("leaves the other commands working", async () => {
    const run = await runBin(["--help"], directory.path, { script: bin });
    expect(run.exitCode).toBe(0);
    const usage = await runBin(["describe", "i-1", "-c", "missing.json"], directory.path, { script: bin });
    expect(usage.stderr).not.toMatch(/emulator/);
  }, 30_000);
});
