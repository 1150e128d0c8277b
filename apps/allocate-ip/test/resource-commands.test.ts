import { startEmulator, type RunningEmulator } from "@polycloud/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alibabaSettings, awsSettings, zenlayerSettings } from "./support/emulator-configs.js";
import { createTempDirectory, parseSingleJson, runCaptured, writeConfig } from "./support/run-captured.js";

let emulator: RunningEmulator;
let directory: Awaited<ReturnType<typeof createTempDirectory>>;

beforeAll(async () => {
  emulator = await startEmulator();
  directory = await createTempDirectory();
  await writeConfig(directory.path, "zenlayer.json", {
    provider: "zenlayer-eip",
    ...zenlayerSettings(emulator.zenlayer.endpoint),
    allocate: { location: "SEL-A" },
  });
  await writeConfig(directory.path, "alibaba.json", {
    provider: "alibaba-ecs",
    ...alibabaSettings(emulator.alibaba.endpoint),
    allocate: { instanceId: "i-polycloud0006" },
  });
  await writeConfig(directory.path, "aws.json", {
    provider: "aws-ec2",
    ...awsSettings(emulator.aws.endpoint),
    allocate: { instanceId: "i-0123456789abcdef1" },
  });
});

afterAll(async () => {
  await emulator.close();
  await directory.remove();
});

describe("describe, wait and release", () => {
  it("follows a Zenlayer EIP from pending to ready to released", async () => {
    const options = { cwd: directory.path, env: { POLYCLOUD_CONFIG: "zenlayer.json" } };
    const allocated = parseSingleJson((await runCaptured(["allocate", "--json"], options)).stdout) as {
      ips: Array<{ id: string; state: string }>;
    };
    const id = allocated.ips[0]?.id as string;
    expect(allocated.ips[0]?.state).toBe("pending");

    const waited = await runCaptured(["wait", id, "--json", "--timeout", "10000"], options);
    expect(waited.exitCode, waited.stdout).toBe(0);
    expect(parseSingleJson(waited.stdout)).toMatchObject({ provider: "zenlayer-eip", ip: { id, state: "ready" } });

    const described = await runCaptured(["describe", id], options);
    expect(described.exitCode, described.stderr).toBe(0);
    expect(described.stdout).toMatch(new RegExp(`^id\\s+${id}$`, "m"));
    expect(described.stdout).toMatch(/^state\s+ready \(AVAILABLE\)$/m);

    const released = await runCaptured(["release", id, "--json"], options);
    expect(released.exitCode, released.stdout).toBe(0);
    expect(parseSingleJson(released.stdout)).toMatchObject({
      provider: "zenlayer-eip",
      id,
      state: expect.stringMatching(/^releas(ing|ed)$/),
    });
  });

  it("describes and releases an Alibaba public IP, passing the provider's warnings on to stderr", async () => {
    const options = { cwd: directory.path, env: { POLYCLOUD_CONFIG: "alibaba.json" } };
    expect((await runCaptured(["allocate"], options)).exitCode).toBe(0);
    const described = await runCaptured(["describe", "i-polycloud0006", "--json"], options);
    expect(parseSingleJson(described.stdout)).toMatchObject({
      provider: "alibaba-ecs",
      ip: { id: "i-polycloud0006", state: "ready", address: expect.any(String) },
    });
    const released = await runCaptured(["release", "i-polycloud0006"], options);
    expect(released.exitCode, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/^state\s+released$/m);
    expect(released.stdout).toMatch(/^request id\s+\S+$/m);
  });

  it("describes, waits for and releases an AWS Elastic IP: disassociated from its instance, then released", async () => {
    const options = { cwd: directory.path, env: { POLYCLOUD_CONFIG: "aws.json" } };
    const allocated = await runCaptured(["allocate", "--json"], options);
    expect(allocated.exitCode, allocated.stdout).toBe(0);
    const id = (parseSingleJson(allocated.stdout) as { ips: Array<{ id: string }> }).ips[0]?.id as string;
    expect(id).toMatch(/^eipalloc-[0-9a-f]{17}$/);

    const described = await runCaptured(["describe", id], options);
    expect(described.exitCode, described.stderr).toBe(0);
    expect(described.stdout).toMatch(/^state\s+ready \(associated\)$/m);
    expect(described.stdout).toMatch(/^instance\s+i-0123456789abcdef1$/m);
    expect(described.stdout).toMatch(/^location\s+us-east-1$/m);

    const waited = await runCaptured(["wait", id, "--json"], options);
    expect(waited.exitCode, waited.stdout).toBe(0);
    expect(parseSingleJson(waited.stdout)).toMatchObject({
      provider: "aws-ec2",
      ip: { id, state: "ready", instanceId: "i-0123456789abcdef1", providerState: "associated" },
    });

    const released = await runCaptured(["release", id, "--json"], options);
    expect(released.exitCode, released.stdout).toBe(0);
    expect(parseSingleJson(released.stdout)).toMatchObject({ provider: "aws-ec2", id, state: "released" });
    expect(emulator.events.list({ provider: "aws", resourceId: id }).map((event) => event.kind)).toEqual([
      "allocate",
      "associate",
      "unassociate",
      "release",
    ]);

    const gone = await runCaptured(["describe", id, "--json"], options);
    expect(gone.exitCode).toBe(4);
    expect(parseSingleJson(gone.stdout)).toMatchObject({
      error: { code: "NOT_FOUND", provider: "aws-ec2", providerCode: "InvalidAllocationID.NotFound" },
    });
  });

  it("exits 4 when describing an address that does not exist", async () => {
    const run = await runCaptured(["describe", "eip-does-not-exist", "-c", "zenlayer.json", "--json"], {
      cwd: directory.path,
    });
    expect(run.exitCode).toBe(4);
    expect(parseSingleJson(run.stdout)).toMatchObject({ error: { code: "NOT_FOUND", provider: "zenlayer-eip" } });
  });
});
