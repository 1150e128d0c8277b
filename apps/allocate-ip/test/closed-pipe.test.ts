import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zenlayerSettings } from "./support/emulator-configs.js";
import { buildBin, runBinWithClosingReader } from "./support/run-bin.js";
import { createTempDirectory, writeConfig } from "./support/run-captured.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(buildBin, 180_000);

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  await writeConfig(directory.path, "zenlayer.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint),
  });
});

afterAll(async () => {
  await emulator?.close();
  await directory?.remove();
});

/** What Node prints for an unhandled write error; a closed pipe must never show it. */
const CRASH = /EPIPE|Unhandled 'error' event|^\s+at /m;

describe("a reader that goes away (allocate-ip … | head -1)", () => {
  it.each([0, 1] as const)(
    "--help exits 0 without a word on stderr (reader gone after %i lines)",
    async (linesRead) => {
      const run = await runBinWithClosingReader(["--help"], directory.path, { linesRead });
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toBe("");
      if (linesRead === 1) expect(run.stdout).toMatch(/^Usage: allocate-ip/);
    },
    30_000,
  );

  it.each([0, 1] as const)(
    "a successful allocate -n 20 exits 0 and allocates all 20 (reader gone after %i lines)",
    async (linesRead) => {
      const before = emulator.zenlayerState.eips.length;
      const run = await runBinWithClosingReader(
        ["allocate", "-c", "zenlayer.json", "-l", "SEL-A", "-n", "20"],
        directory.path,
        { linesRead },
      );
      expect(run.exitCode, run.stderr).toBe(0);
      // The note about provisioning still reaches stderr; no crash report does.
      expect(run.stderr).not.toMatch(CRASH);
      expect(run.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("note: "))).toEqual([]);
      // The closed pipe interrupted nothing: all 20 were allocated, once.
      expect(emulator.zenlayerState.eips.length - before).toBe(20);
    },
    30_000,
  );

  it("a failing command keeps its own exit code with stdout gone (--json error on a closed pipe)", async () => {
    const run = await runBinWithClosingReader(
      ["describe", "eip-missing", "-c", "zenlayer.json", "--json"],
      directory.path,
      { linesRead: 0 },
    );
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toBe("");
  }, 30_000);

  it.each([0, 1] as const)(
    "demo exits 0 without a crash report (reader gone after %i lines)",
    async (linesRead) => {
      const run = await runBinWithClosingReader(["demo"], directory.path, { linesRead });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(CRASH);
    },
    30_000,
  );
});
