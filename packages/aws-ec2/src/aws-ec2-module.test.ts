import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CLOCK, HTTP_DISPATCHER, registerValue, resolveToken } from "@polycloud/core";
import { createAllocatorContainer, disposeAllocatorContainer } from "@polycloud/core/di";
import { ManualClock } from "@polycloud/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_CREDENTIALS, TEST_REGION, startHarness, type Harness } from "../test/aws-ec2-harness.js";
import { AwsEc2Allocator } from "./aws-ec2-allocator.js";
import { AWS_EC2_ALLOCATOR, AWS_EC2_ENVIRONMENT } from "./aws-ec2-tokens.js";
import { awsEc2Module } from "./di.js";
import awsEc2PluginDefault, { awsEc2Plugin } from "./index.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("DI and entry points", () => {
  it("registers in child containers: two differently configured allocators side by side, the container owning the dispatcher", async () => {
    harness = await startHarness();
    const first = createAllocatorContainer();
    const second = createAllocatorContainer();
    const clock = new ManualClock();
    for (const container of [first, second]) registerValue(container, HTTP_DISPATCHER, harness.dispatcher);
    registerValue(second, CLOCK, clock);
    registerValue(second, AWS_EC2_ENVIRONMENT, {
      env: { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey },
    });
    awsEc2Module.register(first, { region: TEST_REGION, endpoint: harness.endpoint, credentials: TEST_CREDENTIALS });
    awsEc2Module.register(second, { region: TEST_REGION, endpoint: harness.endpoint });
    const allocator = resolveToken(second, AWS_EC2_ALLOCATOR);
    expect(allocator).toBeInstanceOf(AwsEc2Allocator);
    expect(resolveToken(first, AWS_EC2_ALLOCATOR)).not.toBe(allocator);
    harness.fault({ action: "DescribeAddresses", kind: "throttle", times: 1 });
    const { ips } = await allocator.allocate({ location: { region: TEST_REGION } });
    await expect(resolveToken(first, AWS_EC2_ALLOCATOR).describe(ips[0]?.id as string)).resolves.toMatchObject({
      ip: { id: ips[0]?.id },
    });
    await allocator.close();
    await Promise.all([disposeAllocatorContainer(first), disposeAllocatorContainer(second)]);
    // Neither allocator.close() nor the containers closed the dispatcher they were given.
    await expect(harness.allocator.describe(ips[0]?.id as string)).resolves.toBeDefined();
    expect(() => awsEc2Module.register(createAllocatorContainer(), { region: "nowhere" } as never)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("default-exports the plugin; the built factory path loads no tsyringe, the /di entry does", async () => {
    expect(awsEc2PluginDefault).toBe(awsEc2Plugin);
    expect(awsEc2Plugin.name).toBe("aws-ec2");
    harness = await startHarness();
    // The child runs the built package as users get it; tsc -b rebuilds it (and core) only when a source changed.
    const packageDirectory = fileURLToPath(new URL("..", import.meta.url));
    await promisify(execFile)("npx", ["tsc", "-b"], { cwd: packageDirectory });
    const script = fileURLToPath(new URL("./__fixtures__/allocate-with-and-without-di.mjs", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script], {
      cwd: packageDirectory,
      env: { PATH: process.env.PATH ?? "", ENDPOINT: harness.endpoint },
      timeout: 30_000,
    });
    const outcome = JSON.parse(stdout) as {
      viaFactory?: string;
      filesBeforeDi: string[];
      viaContainer?: string;
      filesAfterDi: number;
    };
    expect(outcome.filesBeforeDi).toEqual([]);
    expect(harness.emulator.awsState.addresses.map((address) => address.allocationId)).toEqual([
      outcome.viaFactory,
      outcome.viaContainer,
    ]);
    expect(outcome.filesAfterDi).toBeGreaterThan(0);
  }, 180_000);
});
