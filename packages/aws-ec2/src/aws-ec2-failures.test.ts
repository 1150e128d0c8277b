import { inspect } from "node:util";
import { collectHookEvents, expectNoSecrets } from "@polycloud/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  RUNNING_INSTANCE_IDS,
  TEST_CREDENTIALS,
  TEST_REGION,
  TEST_SECRETS,
  TEST_SESSION_CREDENTIALS,
  rejectionOf,
  startHarness,
  type Harness,
} from "../test/aws-ec2-harness.js";
import { AWS_EC2_ERROR_MAP } from "./map-aws-ec2-error.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const location = { region: TEST_REGION };
const WRONG_SECRET = "polycloud-wrong-secret-value";

/** An instance holding an address already: associating a second one fails with Resource.AlreadyAssociated. */
async function occupy(test: Harness, instanceId: string): Promise<void> {
  await test.allocator.allocate({ location, instanceId });
}

describe("a failed association after the allocation", () => {
  it("releases the address this call allocated and names it", async () => {
    harness = await startHarness();
    const instanceId = RUNNING_INSTANCE_IDS[2];
    await occupy(harness, instanceId);
    const error = await rejectionOf(harness.allocator.allocate({ location, instanceId }));
    expect(error).toMatchObject({ code: "FAILED_PRECONDITION", providerCode: "Resource.AlreadyAssociated" });
    const [allocated] = error.details.allocatedIds as string[];
    expect(error.details).toMatchObject({ releasedIds: [allocated], keptIds: [] });
    expect(error.message).toContain(`This call allocated ${allocated}; released ${allocated}`);
    expect(harness.liveAllocations()).toBe(1);
  });

  it("keeps and names it with a caller's key (another caller may hold it), or with reconcile.releaseOnFailure false", async () => {
    harness = await startHarness();
    const instanceId = RUNNING_INSTANCE_IDS[3];
    await occupy(harness, instanceId);
    const keyed = await rejectionOf(
      harness.allocator.allocate({ location, instanceId, idempotencyKey: "assoc-fails" }),
    );
    expect(keyed.details).toMatchObject({
      allocatedIds: [expect.any(String)],
      releasedIds: [],
      keptIds: keyed.details.allocatedIds,
      idempotencyKey: "assoc-fails",
    });
    const keeping = harness.createAllocator({ reconcile: { releaseOnFailure: false } });
    const kept = await rejectionOf(keeping.allocate({ location, instanceId }));
    expect(kept.message).toMatch(/still allocated \(release it, or it keeps billing\): eipalloc-/);
    expect(harness.liveAllocations()).toBe(3);
  });
});

describe("throttling and server errors", () => {
  it("retries a RequestLimitExceeded 503 (answered before processing) without a read-back", async () => {
    harness = await startHarness();
    harness.fault({ action: "AllocateAddress", kind: "throttle", times: 1 });
    const events = collectHookEvents();
    const result = await harness.allocator.allocate({ location }, { hooks: events.hooks });
    expect(
      events.retries.map((retry) => [
        retry.error.code,
        retry.error.providerCode,
        retry.error.httpStatus,
        retry.error.ambiguous,
      ]),
    ).toEqual([["RATE_LIMITED", "RequestLimitExceeded", 503, false]]);
    expect(result.metadata.attempts).toBe(2);
    expect(harness.emulator.events.count({ provider: "aws" })).toBe(1);
    expect(harness.dispatcher.requests).toBe(2);
  });

  it("stays inside the emulator's flow control with the rateLimit setting", async () => {
    harness = await startHarness({
      emulator: { rateLimit: { maxRequests: 3, windowMs: 300 } },
      settings: { retry: { maxAttempts: 1 }, rateLimit: { maxRequests: 3, windowMs: 300 } },
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        harness?.allocator.describe("eipalloc-0123456789abcdef0").catch((error: unknown) => error),
      ),
    );
    expect(results.map((error) => (error as { code: string }).code)).toEqual(Array(5).fill("NOT_FOUND"));
  });

  it("retries reads through an unreadable answer and a 500", async () => {
    harness = await startHarness();
    const { ips } = await harness.allocator.allocate({ location });
    harness.fault({ action: "DescribeAddresses", kind: "wrong-content-type", times: 1 });
    harness.fault({ action: "DescribeAddresses", kind: "server-error", times: 1 });
    await expect(harness.allocator.describe(ips[0]?.id as string)).resolves.toMatchObject({
      metadata: { attempts: 3 },
    });
  });
});

describe("credentials and secrets", () => {
  it("a wrong secret is UNAUTHENTICATED with a hint, and no secret reaches the error or the hooks", async () => {
    harness = await startHarness();
    const allocator = harness.createAllocator({ credentials: { ...TEST_CREDENTIALS, secretAccessKey: WRONG_SECRET } });
    const events = collectHookEvents();
    const error = await rejectionOf(allocator.allocate({ location }, { hooks: events.hooks }));
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "SignatureDoesNotMatch",
      httpStatus: 403,
      details: { hint: expect.stringContaining("clock") },
    });
    for (const [value, label] of [
      [error, "error"],
      [JSON.stringify(error), "JSON"],
      [events, "hook events"],
    ] as const)
      expectNoSecrets(value, [...TEST_SECRETS, WRONG_SECRET], label);
  });

  it("credentials from the environment with a line break are INVALID_ARGUMENT naming the field, before anything is sent", async () => {
    harness = await startHarness();
    const allocator = harness.createAllocator(
      { credentials: undefined },
      { env: { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: "secret\r\nX-Injected: 1" } },
    );
    const error = await rejectionOf(allocator.allocate({ location }));
    expect(error).toMatchObject({
      code: "INVALID_ARGUMENT",
      issues: [{ path: "credentials.secretAccessKey", message: expect.stringContaining("from environment") }],
    });
    expectNoSecrets(error, ["secret\r\nX-Injected: 1"], "error");
    expect(harness.dispatcher.requests).toBe(0);
  });

  it("console.log and JSON.stringify of the allocator show no credentials", async () => {
    harness = await startHarness({ settings: { credentials: TEST_SESSION_CREDENTIALS } });
    await harness.allocator.describe("eipalloc-0123456789abcdef0").catch(() => undefined);
    const shown = [
      inspect(harness.allocator, { depth: 10 }),
      JSON.stringify(harness.allocator),
      inspect(Reflect.get(harness.allocator, "client"), { depth: 10 }),
    ];
    expect(shown[0]).toMatch(/^AwsEc2Allocator \{ provider: 'aws-ec2'/);
    expectNoSecrets(shown, TEST_SECRETS, "inspected allocator");
  });

  it("a skewed clock is UNAUTHENTICATED RequestExpired, naming the clock", async () => {
    harness = await startHarness();
    harness.fault({ action: "DescribeAddresses", kind: "clock-skew", skewSeconds: 900, times: 1 });
    expect(await rejectionOf(harness.allocator.describe("eipalloc-0123456789abcdef0"))).toMatchObject({
      code: "UNAUTHENTICATED",
      providerCode: "RequestExpired",
      message: expect.stringContaining("clock"),
    });
  });

  it("a credential provider function is called lazily and again before its credentials expire", async () => {
    harness = await startHarness();
    const test = harness;
    const describeTwice = async (validForMs: number) => {
      let calls = 0;
      const provider = async () => {
        calls += 1;
        return { ...TEST_CREDENTIALS, expiration: new Date(Date.now() + validForMs) };
      };
      const allocator = test.createAllocator({ credentials: provider });
      const before = calls;
      for (let call = 0; call < 2; call += 1) await rejectionOf(allocator.describe("eipalloc-0123456789abcdef0"));
      return { before, calls };
    };
    expect(await describeTwice(3_600_000)).toEqual({ before: 0, calls: 1 });
    // Less than the 5-minute margin left: fetched again for every call.
    expect(await describeTwice(60_000)).toEqual({ before: 0, calls: 2 });
  });
});

describe("the error table", () => {
  it.each(Object.entries(AWS_EC2_ERROR_MAP))(
    "%s maps to its rule, with the provider code, status and request id",
    async (code, rule) => {
      harness ??= await startHarness();
      harness.emulator.faults.clear();
      harness.fault({
        action: "DescribeAddresses",
        kind: "error-code",
        code,
        httpStatus: code === "InternalError" ? 500 : 400,
        times: 1,
      });
      const error = await rejectionOf(harness.allocator.describe("eipalloc-0123456789abcdef0", { retry: false }));
      // Describe reads a gone address as NOT_FOUND of its own.
      expect(error).toMatchObject({ code: rule.code, providerCode: code, requestId: expect.any(String) });
      if (code !== "InvalidAllocationID.NotFound") expect(error.httpStatus).toBe(code === "InternalError" ? 500 : 400);
      if (rule.field !== undefined) expect(error.issues).toEqual([expect.objectContaining({ path: rule.field })]);
      if (rule.hint !== undefined) expect(error.message).toContain(rule.hint);
    },
  );

  it.each([
    ["InvalidGroup.NotFound", "NOT_FOUND"],
    ["VcpuLimitExceeded", "RESOURCE_EXHAUSTED"],
    ["UnauthorizedSomething", "PERMISSION_DENIED"],
    ["InvalidFoo.Malformed", "INVALID_ARGUMENT"],
    ["IncompleteSignature", "UNAUTHENTICATED"],
    ["constructor", "INVALID_ARGUMENT"],
  ])("falls back to prefix rules, then the status: %s → %s", async (code, expected) => {
    harness ??= await startHarness();
    harness.emulator.faults.clear();
    harness.fault({ action: "DescribeAddresses", kind: "error-code", code, httpStatus: 400, times: 1 });
    expect(await rejectionOf(harness.allocator.describe("eipalloc-0123456789abcdef0", { retry: false }))).toMatchObject(
      { code: expected, providerCode: code },
    );
  });
});
