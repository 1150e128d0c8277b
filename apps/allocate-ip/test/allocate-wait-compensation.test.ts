// `allocate --wait` when a step after the allocation fails: the executable (spawned, against the emulators)
// names every address it allocated, releases them unless --keep-on-failure, and prints the release command
// of each kept one. Exit codes stay those of the original error.
import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exitCodeForError } from "../src/index.js";
import { alibabaSettings, awsSettings, zenlayerSettings } from "./support/emulator-configs.js";
import { buildBin, runBin, runPrintedCommand } from "./support/run-bin.js";
import { createTempDirectory, parseSingleJson, writeConfig, type CliRun } from "./support/run-captured.js";

/** `--json` error fields of a failure after the allocation. */
interface CompensatedError {
  code: string;
  message: string;
  provider: string;
  providerCode: string | null;
  allocatedIds: string[];
  releasedIds: string[];
  keptIds: string[];
  releaseCommands: string[];
  idempotencyKey?: string;
}

const UNKNOWN_INSTANCE = "bmc-nope";
const STOPPED_ALIBABA_INSTANCE = "i-polycloud0099";
/** The config file name has a space, so the printed release commands must quote it. */
const ZENLAYER_CONFIG = "zenlayer config.json";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(buildBin, 180_000);

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  await writeConfig(directory.path, ZENLAYER_CONFIG, {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint),
    allocate: { location: "SEL-A" },
  });
  // ModifyInstanceNetworkSpec raises the Stopped instance's bandwidth from 0, so it gets a public IP that stays
  // pending: the IP only becomes ready once the instance runs, and this one never starts.
  await writeConfig(directory.path, "alibaba.json", {
    provider: "alibaba-ecs",
    ...alibabaSettings(emulator.alibaba.endpoint),
    allocate: {
      providerOptions: { "alibaba-ecs": { method: "modify-instance-network-spec", internetMaxBandwidthOut: 5 } },
    },
  });
  await writeConfig(directory.path, "aws.json", { provider: "aws-ec2", ...awsSettings(emulator.aws.endpoint) });
  await writeConfig(directory.path, "zenlayer-outcome.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint, { reconcile: { checks: 1, intervalMs: 0 } }),
    allocate: { location: "SEL-A" },
  });
});

afterEach(() => emulator.faults.clear());

afterAll(async () => {
  await emulator?.close();
  await directory?.remove();
});

/** Runs the executable in the temp directory and returns what it did plus the EIPs the emulator allocated meanwhile. */
async function runAllocate(argv: string[]): Promise<CliRun & { allocatedByEmulator: string[] }> {
  const before = new Set(emulator.events.list({ kind: "allocate" }).map((event) => event.seq));
  const run = await runBin(argv, directory.path);
  const allocatedByEmulator = emulator.events
    .list({ kind: "allocate" })
    .filter((event) => !before.has(event.seq))
    .map((event) => event.resourceId);
  return { ...run, allocatedByEmulator };
}

/** The ids of one `key  a, b` line of the human error report. */
function readField(stderr: string, key: string): string[] {
  const line = new RegExp(`^  ${key} +(.+)$`, "m").exec(stderr)?.[1];
  if (line === undefined) throw new Error(`no "${key}" line in:\n${stderr}`);
  return line.replace(/ \(.*\)$/, "").split(", ");
}

/** The release commands printed after "release it/them with:". */
function readReleaseCommands(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("  allocate-ip release "))
    .map((line) => line.trim());
}

function zenlayerStatus(eipId: string): string | undefined {
  return emulator.zenlayerState.eips.find((eip) => eip.eipId === eipId)?.eipStatus;
}

/** Released, or on its way: gone, or in the recycle bin (billing stopped). */
function expectReleased(eipIds: readonly string[]): void {
  for (const eipId of eipIds) expect([undefined, "RECYCLING", "RECYCLE"], eipId).toContain(zenlayerStatus(eipId));
}

describe("allocate --wait on Zenlayer with an instance that does not exist", () => {
  const argv = ["allocate", "--config", ZENLAYER_CONFIG, "--instance", UNKNOWN_INSTANCE, "--wait"];

  it("names the EIPs it allocated, releases them, and exits with the association's exit code", async () => {
    const run = await runAllocate([...argv, "--count", "2"]);
    expect(run.exitCode, run.stderr).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("INVALID_ARGUMENT (exit 2)");
    expect(run.stderr).toContain("INVALID_INSTANCE_NOT_FOUND");
    expect(run.allocatedByEmulator).toHaveLength(2);
    expect(readField(run.stderr, "allocated").toSorted()).toEqual(run.allocatedByEmulator.toSorted());
    expect(readField(run.stderr, "released").toSorted()).toEqual(run.allocatedByEmulator.toSorted());
    expect(run.stderr).not.toMatch(/^ {2}kept /m);
    expect(readReleaseCommands(run.stderr)).toEqual([]);
    expectReleased(run.allocatedByEmulator);
  });

  it("with --json, names them in allocatedIds and releasedIds", async () => {
    const run = await runAllocate([...argv, "--json"]);
    expect(run.exitCode, run.stdout).toBe(2);
    const { error } = parseSingleJson(run.stdout) as { error: CompensatedError };
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      provider: "zenlayer-eip",
      providerCode: "INVALID_INSTANCE_NOT_FOUND",
      keptIds: [],
      releaseCommands: [],
    });
    expect(run.allocatedByEmulator).toHaveLength(1);
    expect(error.allocatedIds).toEqual(run.allocatedByEmulator);
    expect(error.releasedIds).toEqual(run.allocatedByEmulator);
    expect(exitCodeForError(error)).toBe(run.exitCode);
    expectReleased(run.allocatedByEmulator);
  });

  it("with --keep-on-failure, keeps them and prints the command that releases each, flags included", async () => {
    const run = await runAllocate([...argv, "--count", "2", "--keep-on-failure", "--provider", "zenlayer-eip"]);
    expect(run.exitCode, run.stderr).toBe(2);
    const ids = run.allocatedByEmulator;
    expect(ids).toHaveLength(2);
    expect(readField(run.stderr, "allocated").toSorted()).toEqual(ids.toSorted());
    expect(readField(run.stderr, "released")).toEqual(["none"]);
    expect(readField(run.stderr, "kept").toSorted()).toEqual(ids.toSorted());
    const commands = readReleaseCommands(run.stderr);
    expect(commands.toSorted()).toEqual(
      ids.map((id) => `allocate-ip release ${id} --config 'zenlayer config.json' --provider zenlayer-eip`).toSorted(),
    );
    for (const id of ids) expect(zenlayerStatus(id)).toBe("AVAILABLE");

    // The printed commands work as printed.
    for (const command of commands) {
      const released = await runPrintedCommand(command, directory.path);
      expect(released.exitCode, released.stderr).toBe(0);
    }
    expectReleased(ids);
  });

  it("with --keep-on-failure --json, lists keptIds and releaseCommands", async () => {
    const run = await runAllocate([...argv, "--keep-on-failure", "--json"]);
    expect(run.exitCode, run.stdout).toBe(2);
    const { error } = parseSingleJson(run.stdout) as { error: CompensatedError };
    const ids = run.allocatedByEmulator;
    expect(ids).toHaveLength(1);
    expect(error).toMatchObject({ code: "INVALID_ARGUMENT", allocatedIds: ids, releasedIds: [], keptIds: ids });
    expect(error.releaseCommands).toEqual([`allocate-ip release ${ids[0]} --config 'zenlayer config.json'`]);
    expect(zenlayerStatus(ids[0] as string)).toBe("AVAILABLE");
    const released = await runPrintedCommand(error.releaseCommands[0] as string, directory.path);
    expect(released.exitCode, released.stderr).toBe(0);
    expectReleased(ids);
  });
});

describe("allocate --wait on a Stopped Alibaba instance", () => {
  const argv = [
    "allocate",
    "-c",
    "alibaba.json",
    "--instance",
    STOPPED_ALIBABA_INSTANCE,
    "--wait",
    "--timeout",
    "1000",
  ];

  it("fails at once (waiting cannot start the instance), shows the adapter's hint once, and releases the IP", async () => {
    const run = await runAllocate(argv);
    expect(run.exitCode, run.stderr).toBe(4);
    expect(run.stderr).toContain("FAILED_PRECONDITION (exit 4)");
    expect(run.stderr.split("\n").filter((line) => line.includes("StartInstance i-polycloud"))).toHaveLength(1);
    expect(run.stderr).toMatch(/^ {2}hint {8}Start the instance/m);
    expect(run.allocatedByEmulator).toEqual([STOPPED_ALIBABA_INSTANCE]);
    expect(readField(run.stderr, "allocated")).toEqual([STOPPED_ALIBABA_INSTANCE]);
    expect(readField(run.stderr, "released")).toEqual([STOPPED_ALIBABA_INSTANCE]);
    expect(emulator.alibabaState.getInstance(STOPPED_ALIBABA_INSTANCE)?.publicIpAddress).toBeUndefined();
  });

  it("with --json, names it in allocatedIds and releasedIds, with the hint", async () => {
    const run = await runAllocate([...argv, "--json"]);
    expect(run.exitCode, run.stdout).toBe(4);
    const { error } = parseSingleJson(run.stdout) as { error: CompensatedError };
    expect(error).toMatchObject({
      code: "FAILED_PRECONDITION",
      provider: "alibaba-ecs",
      hint: expect.stringContaining("Start the instance"),
      allocatedIds: [STOPPED_ALIBABA_INSTANCE],
      releasedIds: [STOPPED_ALIBABA_INSTANCE],
      keptIds: [],
      releaseCommands: [],
    });
    expect(emulator.alibabaState.getInstance(STOPPED_ALIBABA_INSTANCE)?.publicIpAddress).toBeUndefined();
  });
});

// The emulator refuses to associate a second Elastic IP with an instance (Resource.AlreadyAssociated; its README
// lists this among its deviations): a dependable way to make the association inside aws-ec2's allocate fail.
describe("allocate on aws-ec2 when the association inside allocate fails", () => {
  const BUSY_INSTANCE = "i-0123456789abcdef2";

  it("releases the address whose association failed inside allocate, names it, and leaves the first one alone", async () => {
    const first = await runAllocate(["allocate", "-c", "aws.json", "--instance", BUSY_INSTANCE, "--json"]);
    expect(first.exitCode, first.stdout).toBe(0);
    const held = first.allocatedByEmulator[0] as string;

    // AllocateAddress succeeds, AssociateAddress is refused: the adapter gives the new address back, --keep-on-failure or not.
    for (const extra of [[], ["--wait", "--keep-on-failure"]]) {
      const run = await runAllocate(["allocate", "-c", "aws.json", "--instance", BUSY_INSTANCE, "--json", ...extra]);
      expect(run.exitCode, run.stdout).toBe(4);
      const { error } = parseSingleJson(run.stdout) as { error: CompensatedError };
      expect(run.allocatedByEmulator).toHaveLength(1);
      expect(error).toMatchObject({
        code: "FAILED_PRECONDITION",
        provider: "aws-ec2",
        providerCode: "Resource.AlreadyAssociated",
        allocatedIds: run.allocatedByEmulator,
        releasedIds: run.allocatedByEmulator,
        keptIds: [],
        releaseCommands: [],
      });
    }
    expect(emulator.awsState.addresses.map((address) => address.allocationId)).toEqual([held]);
    expect(emulator.awsState.instances.find((instance) => instance.instanceId === BUSY_INSTANCE)?.allocationId).toBe(
      held,
    );

    const released = await runBin(["release", held, "-c", "aws.json"], directory.path);
    expect(released.exitCode, released.stderr).toBe(0);
    expect(emulator.awsState.addresses).toEqual([]);
  });
});

describe("allocate with an outcome it cannot know", () => {
  it("prints the --idempotency-key to rerun with, and the rerun returns the allocation instead of a second one", async () => {
    // The EIP is allocated but the answer is lost, and the read-back fails too.
    const lostAnswer = () => {
      emulator.faults.add({
        provider: "zenlayer",
        action: "AllocateEipAddresses",
        kind: "reset-after-commit",
        times: 1,
      });
      emulator.faults.add({ provider: "zenlayer", action: "DescribeEipAddresses", kind: "server-error" });
    };
    lostAnswer();
    const human = await runAllocate(["allocate", "-c", "zenlayer-outcome.json"]);
    expect(human.exitCode, human.stderr).toBe(7);
    expect(human.stderr).toContain("OUTCOME_UNKNOWN (exit 7)");
    const key = /^ {2}rerun with +--idempotency-key (\S+) /m.exec(human.stderr)?.[1];
    expect(key, human.stderr).toMatch(/\S/);
    // In the CLI's words: the flag, not the library's field name.
    expect(human.stderr).toContain(`Retry with --idempotency-key ${key}`);
    expect(human.stderr).not.toContain("idempotencyKey");
    emulator.faults.clear();

    lostAnswer();
    const json = await runAllocate(["allocate", "-c", "zenlayer-outcome.json", "--json"]);
    expect(json.exitCode, json.stdout).toBe(7);
    const { error } = parseSingleJson(json.stdout) as { error: CompensatedError };
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", idempotencyKey: expect.any(String) });
    expect(error.message).toContain(`--idempotency-key ${error.idempotencyKey}`);
    expect(error.allocatedIds).toBeUndefined();
    emulator.faults.clear();

    const rerun = await runAllocate([
      "allocate",
      "-c",
      "zenlayer-outcome.json",
      "--idempotency-key",
      key as string,
      "--json",
    ]);
    expect(rerun.exitCode, rerun.stdout).toBe(0);
    expect(rerun.allocatedByEmulator).toEqual([]);
    expect(parseSingleJson(rerun.stdout)).toMatchObject({
      idempotencyKey: key,
      reconciled: true,
      ips: [{ id: human.allocatedByEmulator[0] }],
    });
  });
});
