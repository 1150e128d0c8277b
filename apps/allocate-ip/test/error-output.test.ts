import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { escapeControlCharacters, escapeJsonControlCharacters } from "../src/cli/escape-control-characters.js";
import { alibabaSettings, zenlayerSettings } from "./support/emulator-configs.js";
import { buildBin, runBin } from "./support/run-bin.js";
import { createTempDirectory, parseSingleJson, writeConfig } from "./support/run-captured.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(buildBin, 180_000);

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  await writeConfig(directory.path, "alibaba.json", {
    provider: "alibaba-ecs",
    ...alibabaSettings(emulator.alibaba.endpoint),
  });
  await writeConfig(directory.path, "zenlayer.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint),
  });
});

afterEach(() => emulator.faults.clear());

afterAll(async () => {
  await emulator?.close();
  await directory?.remove();
});

/** Raw characters a terminal would act on: C0 but newline, DEL, C1, U+2028 / U+2029. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: none may reach the terminal
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe("an error's hint", () => {
  // The seed's i-polycloud0099 is Stopped with no bandwidth: Alibaba refuses, the adapter says what to change.
  const argv = ["allocate", "-c", "alibaba.json", "-i", "i-polycloud0099"];

  it("is printed once in human output", async () => {
    const run = await runBin(argv, directory.path);
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toMatch(/AllocateIpInvalidInstanceBandwidth/);
    const hint = /InternetMaxBandwidthOut/;
    expect(run.stderr.split("\n").filter((line) => hint.test(line))).toHaveLength(1);
  }, 30_000);

  it("is in the --json error as `hint`, and in its message", async () => {
    const run = await runBin([...argv, "--json"], directory.path);
    expect(run.exitCode).toBe(4);
    const { error } = parseSingleJson(run.stdout) as { error: { hint: string | null; message: string } };
    expect(error.hint).toEqual(expect.stringMatching(/InternetMaxBandwidthOut/));
    expect(error.message).toContain(error.hint);
  }, 30_000);

  it("is null in --json when the adapter gives none", async () => {
    const run = await runBin(["release", "eip-missing", "-c", "zenlayer.json", "--json"], directory.path);
    expect(parseSingleJson(run.stdout)).toMatchObject({ error: { hint: null } });
  }, 30_000);
});

describe("control characters from the provider", () => {
  const hostile = "\u001b[31mred\u001b[0m\rover\u0085next\u009b2J\u2028line";

  it.each([
    ["an error message", { kind: "error-code", code: "Unknown.PolycloudTest", httpStatus: 400, message: hostile }],
    ["a provider error code", { kind: "error-code", code: "Bad\u001b[2JCode\r", httpStatus: 400, message: "bad" }],
  ] as const)(
    "in %s are escaped in human output",
    async (_label, fault) => {
      emulator.faults.add({ provider: "alibaba", ...fault });
      const run = await runBin(["describe", "i-polycloud0005", "-c", "alibaba.json"], directory.path);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).not.toMatch(RAW_CONTROL);
      expect(run.stderr).toContain("\\x1b[");
    },
    30_000,
  );

  it("stay JSON in --json output, with C1 and U+2028 escaped too", async () => {
    emulator.faults.add({
      provider: "alibaba",
      kind: "error-code",
      code: "Unknown.PolycloudTest",
      httpStatus: 400,
      message: hostile,
    });
    const run = await runBin(["describe", "i-polycloud0005", "-c", "alibaba.json", "--json"], directory.path);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const { error } = parseSingleJson(run.stdout) as { error: { message: string } };
    expect(error.message).toContain(hostile);
  }, 30_000);
});

describe("escapeControlCharacters", () => {
  it.each([
    ["\u001b[31m", "\\x1b[31m"],
    ["a\rb\nc\td", "a\\rb\\nc\\td"],
    ["\u0085\u009b\u007f", "\\x85\\x9b\\x7f"],
    ["\u2028\u2029", "\\u2028\\u2029"],
    ["plain ünïcode 中文", "plain ünïcode 中文"],
  ])("%j becomes %j", (raw, escaped) => {
    expect(escapeControlCharacters(raw)).toBe(escaped);
  });

  it("keeps JSON parseable to the same value", () => {
    const value = { message: "\u0085\u2028\u001b\u007f" };
    const json = escapeJsonControlCharacters(JSON.stringify(value));
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });
});
