import { createIpAllocator, IpAllocatorError } from "@polycloud/core";
import { collectHookEvents, expectNoSecrets } from "@polycloud/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  RUNNING_INSTANCE_IDS,
  STOPPED_INSTANCE_ID,
  TEST_CREDENTIALS,
  TEST_READ_ONLY_CREDENTIALS,
  TEST_REGION,
  TEST_SECRETS,
  TEST_SESSION_CREDENTIALS,
  UNKNOWN_INSTANCE_ID,
  rejectionOf,
  startHarness,
  type Harness,
} from "../test/aws-ec2-harness.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const location = { region: TEST_REGION };
const actions = (test: Harness) =>
  test.emulator.events.list({ provider: "aws" }).map((event) => `${event.action}:${event.kind}`);

describe("aws-ec2 against the EC2 emulator", () => {
  it("allocates, describes, waits and releases an Elastic IP", async () => {
    harness = await startHarness();
    const { allocator } = harness;
    const allocated = await allocator.allocate({ location, tags: { team: "web" } });
    const ip = allocated.ips[0];
    expect(allocated).toMatchObject({
      provider: "aws-ec2",
      reconciled: false,
      idempotencyKey: expect.stringMatching(/^polycloud-/),
      metadata: { attempts: 1 },
    });
    expect(ip).toMatchObject({
      id: expect.stringMatching(/^eipalloc-[0-9a-f]{17}$/),
      address: expect.stringMatching(/^198\.51\.100\./),
      state: "ready",
      location,
      tags: { team: "web" },
      providerState: "unassociated",
    });
    const tags = harness.emulator.awsState.addresses[0]?.tags.map((tag) => tag.key);
    expect(tags).toEqual(["team", "polycloud:idempotency-key", "polycloud:created-at"]);
    const id = ip?.id as string;
    await expect(allocator.describe(id)).resolves.toMatchObject({
      ip: { id, address: ip?.address, state: "ready" },
      requestId: expect.any(String),
    });
    await expect(allocator.waitUntilReady(id)).resolves.toMatchObject({ ip: { id, state: "ready" } });
    await expect(allocator.release(id)).resolves.toMatchObject({ id, state: "released", warnings: [] });
    expect(harness.liveAllocations()).toBe(0);
    expect(await rejectionOf(allocator.describe(id))).toMatchObject({
      code: "NOT_FOUND",
      details: { allocationId: id },
    });
    expect(await rejectionOf(allocator.release(id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("allocates onto a running instance (checked first, then associated), and release disassociates first", async () => {
    harness = await startHarness();
    const instanceId = RUNNING_INSTANCE_IDS[1];
    const { ips } = await harness.allocator.allocate({ location, instanceId });
    expect(ips[0]).toMatchObject({ instanceId, providerState: "associated" });
    expect(
      harness.emulator.awsState.instances.find((instance) => instance.instanceId === instanceId)?.allocationId,
    ).toBe(ips[0]?.id);
    await expect(harness.allocator.describe(ips[0]?.id as string)).resolves.toMatchObject({ ip: { instanceId } });
    await harness.allocator.release(ips[0]?.id as string);
    expect(actions(harness)).toEqual([
      "AllocateAddress:allocate",
      "AssociateAddress:associate",
      "DisassociateAddress:unassociate",
      "ReleaseAddress:release",
    ]);
  });

  it.each([
    ["an unknown instance", UNKNOWN_INSTANCE_ID, "INVALID_ARGUMENT"],
    ["a stopped instance", STOPPED_INSTANCE_ID, "FAILED_PRECONDITION"],
  ])("rejects %s with a typed error before anything is billed", async (_label, instanceId, code) => {
    harness = await startHarness();
    const error = await rejectionOf(harness.allocator.allocate({ location, instanceId }));
    expect(error).toMatchObject({ code, provider: "aws-ec2", operation: "allocate" });
    if (code === "INVALID_ARGUMENT") expect(error.issues).toEqual([expect.objectContaining({ path: "instanceId" })]);
    else expect(error.details).toMatchObject({ instanceId, instanceState: "stopped" });
    expect(harness.allocations()).toBe(0);
  });

  it("rejects malformed ids and requests before sending anything", async () => {
    harness = await startHarness();
    const { allocator, dispatcher } = harness;
    for (const id of ["", "eip-1", "eipalloc-XYZ", "i-0123456789abcdef0"])
      expect(await rejectionOf(allocator.describe(id))).toMatchObject({
        code: "INVALID_ARGUMENT",
        issues: [{ path: "id" }],
      });
    expect(
      await rejectionOf(allocator.allocate({ location: { region: "eu-west-1" }, instanceId: "i-123" })),
    ).toMatchObject({ code: "INVALID_ARGUMENT", issues: [{ path: "location.region" }, { path: "instanceId" }] });
    expect(dispatcher.requests).toBe(0);
  });

  it("signs with session credentials (X-Amz-Security-Token), masked in hook events", async () => {
    harness = await startHarness({ settings: { credentials: TEST_SESSION_CREDENTIALS } });
    const events = collectHookEvents();
    const result = await harness.allocator.allocate({ location }, { hooks: events.hooks });
    expect(result.ips).toHaveLength(1);
    expect(events.requests[0]?.headers).toMatchObject({
      "x-amz-security-token": "[REDACTED]",
      authorization: "AWS4-HMAC-SHA256 [REDACTED]",
    });
    expectNoSecrets(events, TEST_SECRETS, "hook events");
    expectNoSecrets(result, TEST_SECRETS, "result");
  });

  it("maps a key the IAM policy denies to PERMISSION_DENIED naming the permissions, and the address limit to RESOURCE_EXHAUSTED", async () => {
    harness = await startHarness();
    const readOnly = harness.createAllocator({ credentials: TEST_READ_ONLY_CREDENTIALS });
    expect(await rejectionOf(readOnly.allocate({ location }))).toMatchObject({
      code: "PERMISSION_DENIED",
      providerCode: "UnauthorizedOperation",
      httpStatus: 403,
      message: expect.stringContaining("ec2:AllocateAddress"),
    });
    for (let index = 0; index < 5; index += 1) await harness.allocator.allocate({ location });
    const error = await rejectionOf(harness.allocator.allocate({ location }));
    expect(error).toMatchObject({
      code: "RESOURCE_EXHAUSTED",
      providerCode: "AddressLimitExceeded",
      retryable: false,
      requestId: expect.any(String),
      message: expect.stringContaining("quota"),
    });
    expect(harness.liveAllocations()).toBe(5);
  });

  it("is configuration: createIpAllocator builds it from the plugin, credentials from the environment", async () => {
    harness = await startHarness();
    const env = {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      HOME: "/nonexistent",
    };
    const allocator = await createIpAllocator(
      { provider: "aws-ec2", region: TEST_REGION, endpoint: harness.endpoint },
      { plugins: { "aws-ec2": () => import("./index.js") }, dispatcher: harness.dispatcher, env },
    );
    try {
      const { ips } = await allocator.allocate({ location });
      expect(ips[0]?.id).toMatch(/^eipalloc-/);
      await allocator.release(ips[0]?.id as string);
    } finally {
      await allocator.close();
    }
    const missing = await createIpAllocator(
      { provider: "aws-ec2", region: TEST_REGION, endpoint: harness.endpoint },
      {
        plugins: { "aws-ec2": () => import("./index.js") },
        dispatcher: harness.dispatcher,
        env: { HOME: "/nonexistent" },
      },
    );
    const requestsBefore = harness.dispatcher.requests;
    const error = await rejectionOf(missing.allocate({ location }));
    expect(IpAllocatorError.hasCode(error, "UNAUTHENTICATED")).toBe(true);
    expect(error.message).toContain("AWS_ACCESS_KEY_ID");
    expect(harness.dispatcher.requests).toBe(requestsBefore);
    await missing.close();
  });
});
