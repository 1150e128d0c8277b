import { IpAllocatorError, RetryBudget, type RequestEvent } from "@polycloud/core";
import { collectHookEvents, expectNoSecrets } from "@polycloud/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  TEST_ACCESS_KEY_SECRET,
  TEST_REGION,
  TEST_SECURITY_TOKEN,
  startTestEmulator,
  type TestEmulator,
} from "./__fixtures__/start-test-emulator.js";

let test: TestEmulator;
beforeEach(async () => {
  test = await startTestEmulator();
});
afterEach(async () => {
  await test.close();
});

const ALLOCATE = "AllocatePublicIpAddress";
const DESCRIBE = "DescribeInstanceAttribute";

/** Requests of one action in hook events (V3 names the action in a header, V1 in the body). */
function countSent(requests: readonly RequestEvent[], action: string): number {
  return requests.filter(
    (event) => event.headers["x-acs-action"] === action || (event.body ?? "").includes(`Action=${action}`),
  ).length;
}

async function rejectionOf(promise: Promise<unknown>): Promise<IpAllocatorError> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!IpAllocatorError.isInstance(thrown)) throw new Error(`expected an IpAllocatorError, got ${String(thrown)}`);
  return thrown;
}

describe("allocate never allocates twice after an ambiguous failure", () => {
  it.each(["v3", "v1"] as const)(
    "reset-after-commit (%s): reads the instance back and returns the committed IP",
    async (signatureVersion) => {
      test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "reset-after-commit", times: 1 });
      const events = collectHookEvents();
      const instanceId = test.nextInstanceId();
      const result = await test
        .createAllocator({ signatureVersion })
        .allocate({ location: { region: TEST_REGION }, instanceId }, { hooks: events.hooks });
      expect(result.reconciled).toBe(true);
      expect(result.ips[0]?.address).toBe(test.emulator.alibabaState.getInstance(instanceId)?.publicIpAddress);
      expect(result.ips[0]?.state).toBe("ready");
      expect(test.countAllocations()).toBe(1);
      expect(countSent(events.requests, ALLOCATE)).toBe(1);
    },
  );

  it.each(["malformed-json", "wrong-content-type"] as const)(
    "%s after commit: reconciled, one allocation",
    async (kind) => {
      test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind, times: 1 });
      const result = await test
        .createAllocator()
        .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() });
      expect(result.reconciled).toBe(true);
      expect(test.countAllocations()).toBe(1);
    },
  );

  it("reset-before: the read-back shows nothing happened, so it allocates on the next attempt", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "reset-before", times: 1 });
    const events = collectHookEvents();
    const result = await test
      .createAllocator()
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }, { hooks: events.hooks });
    expect(result).toMatchObject({ reconciled: false, metadata: { attempts: 2 } });
    expect(test.countAllocations()).toBe(1);
    expect(countSent(events.requests, ALLOCATE)).toBe(2);
    expect(events.retries[0]?.error).toMatchObject({
      code: "NETWORK",
      ambiguous: false,
      details: { reconciliation: expect.any(String) },
    });
  });

  it("InternalError (500) is reconciled first, then retried", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "server-error", times: 1 });
    const result = await test
      .createAllocator()
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() });
    expect(result.metadata.attempts).toBe(2);
    expect(test.countAllocations()).toBe(1);
  });

  it("AllocatedAlready on a second call answers with the existing IP", async () => {
    await test.close();
    test = await startTestEmulator({ alibaba: { secondAllocate: "allocated-already" } });
    const allocator = test.createAllocator();
    const instanceId = test.nextInstanceId();
    const first = await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
    const second = await allocator.allocate({ location: { region: TEST_REGION }, instanceId });
    expect(second).toMatchObject({ reconciled: true, ips: [{ address: first.ips[0]?.address, state: "ready" }] });
    expect(test.countAllocations()).toBe(1);
  });

  it("OUTCOME_UNKNOWN (with the cause) when the instance cannot be read back; never a second allocate", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "reset-after-commit", times: 1 });
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "server-error" });
    const events = collectHookEvents();
    const error = await rejectionOf(
      test
        .createAllocator()
        .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }, { hooks: events.hooks }),
    );
    expect(error).toMatchObject({
      code: "OUTCOME_UNKNOWN",
      ambiguous: true,
      retryable: false,
      operation: "allocate",
      details: { stoppedBy: "INTERNAL" },
    });
    expect(error.cause).toMatchObject({ code: "NETWORK", ambiguous: true });
    expect(countSent(events.requests, ALLOCATE)).toBe(1);
    expect(test.countAllocations()).toBe(1);
  });

  it("OUTCOME_UNKNOWN when the deadline passes while AllocatePublicIpAddress hangs", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "hang", times: 1 });
    const allocator = test.createAllocator();
    const instanceId = test.nextInstanceId();
    const error = await rejectionOf(
      allocator.allocate({ location: { region: TEST_REGION }, instanceId }, { timeoutMs: 300 }),
    );
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", cause: { code: "TIMEOUT" } });
    // The allocator is still usable, and the instance had not been given an IP.
    expect((await allocator.allocate({ location: { region: TEST_REGION }, instanceId })).reconciled).toBe(false);
    expect(test.countAllocations()).toBe(1);
  });

  it("CANCELLED, not OUTCOME_UNKNOWN, when aborted before anything was sent", async () => {
    const requestsBefore = test.dispatcher.requests;
    const error = await rejectionOf(
      test
        .createAllocator()
        .allocate(
          { location: { region: TEST_REGION }, instanceId: test.nextInstanceId() },
          { signal: AbortSignal.abort() },
        ),
    );
    expect(error).toMatchObject({ code: "CANCELLED", operation: "allocate" });
    expect(test.dispatcher.requests).toBe(requestsBefore);
  });
});

describe("retries", () => {
  it("retries throttling with backoff on the retry clock and reports it", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "throttle", times: 2 });
    const events = collectHookEvents();
    const result = await test
      .createAllocator()
      .allocate({ location: { region: TEST_REGION }, instanceId: test.nextInstanceId() }, { hooks: events.hooks });
    expect(result.metadata.attempts).toBe(3);
    expect(events.retries.map((event) => event.error.providerCode)).toEqual(["Throttling.User", "Throttling.User"]);
    expect(test.clock.sleeps).toHaveLength(2);
    expect(result.metadata.totalRetryDelayMs).toBe(test.clock.sleeps.reduce((sum, delay) => sum + delay, 0));
    expect(test.countAllocations()).toBe(1);
  });

  it("gives up RATE_LIMITED after maxAttempts, with the attempts made", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "throttle" });
    const allocator = test.createAllocator({ retry: { maxAttempts: 4 } });
    await expect(allocator.describe(test.nextInstanceId())).rejects.toMatchObject({
      code: "RATE_LIMITED",
      attempts: 4,
    });
  });

  it("stops retrying when the shared retry budget is empty", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "throttle" });
    const allocator = test.createAllocator({}, { retryBudget: new RetryBudget({ capacity: 4, retryCost: 5 }) });
    await expect(allocator.describe(test.nextInstanceId())).rejects.toMatchObject({
      code: "RATE_LIMITED",
      attempts: 1,
      details: { retryStopped: "retry-budget-exhausted" },
    });
  });

  it("retries a read after a 503 and an unreadable answer", async () => {
    test.emulator.faults.add({
      provider: "alibaba",
      action: DESCRIBE,
      kind: "error-code",
      code: "ServiceUnavailable",
      times: 1,
    });
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "wrong-content-type", times: 1 });
    const result = await test.createAllocator().describe(test.nextInstanceId());
    expect(result.metadata.attempts).toBe(3);
  });

  it("turns an unreadable answer into INTERNAL with a body excerpt when retries are off", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "wrong-content-type" });
    const error = await rejectionOf(test.createAllocator().describe(test.nextInstanceId(), { retry: false }));
    expect(error).toMatchObject({
      code: "INTERNAL",
      httpStatus: 200,
      message: expect.stringContaining("text/html"),
      details: { excerpt: expect.stringContaining("<") },
    });
  });
});

describe("abort and timeout", () => {
  it("rejects a hanging describe with TIMEOUT at the deadline", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "hang", times: 1 });
    const allocator = test.createAllocator();
    await expect(allocator.describe(test.nextInstanceId(), { timeoutMs: 150 })).rejects.toMatchObject({
      code: "TIMEOUT",
      operation: "describe",
    });
  });

  it("rejects a hanging describe with CANCELLED when the caller aborts", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "hang", times: 1 });
    const controller = new AbortController();
    const pending = test.createAllocator().describe(test.nextInstanceId(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
  });

  it("applies the per-attempt timeoutMs setting to each request, then retries", async () => {
    test.emulator.faults.add({ provider: "alibaba", action: DESCRIBE, kind: "hang", times: 1 });
    const result = await test.createAllocator({ timeoutMs: 100 }).describe(test.nextInstanceId());
    expect(result.metadata.attempts).toBe(2);
  });
});

describe("secrets never leave", () => {
  it.each(["v3", "v1"] as const)(
    "a wrong secret (%s): not in the error, its JSON or the hook events",
    async (signatureVersion) => {
      const wrongSecret = "wrong-secret-0123456789";
      const events = collectHookEvents();
      const allocator = test.createAllocator({
        signatureVersion,
        credentials: {
          accessKeyId: "polycloud-test-key-id",
          accessKeySecret: wrongSecret,
          securityToken: TEST_SECURITY_TOKEN,
        },
      });
      const error = await rejectionOf(
        allocator.allocate(
          { location: { region: TEST_REGION }, instanceId: test.nextInstanceId() },
          { hooks: events.hooks },
        ),
      );
      expect(error.code).toBe("UNAUTHENTICATED");
      const secrets = [wrongSecret, TEST_SECURITY_TOKEN, TEST_ACCESS_KEY_SECRET];
      expectNoSecrets(error, secrets, "error");
      expectNoSecrets(JSON.stringify(error), secrets, "JSON.stringify(error)");
      expectNoSecrets(events, secrets, "hook events");
      expect(events.requests.length).toBeGreaterThan(0);
    },
  );

  it.each(["v3", "v1"] as const)(
    "a successful STS call (%s): not in results, hook events or logs",
    async (signatureVersion) => {
      const events = collectHookEvents();
      const logged: unknown[] = [];
      const logger = {
        debug: (...entry: unknown[]) => logged.push(entry),
        warn: (...entry: unknown[]) => logged.push(entry),
      };
      test.emulator.faults.add({ provider: "alibaba", action: ALLOCATE, kind: "reset-after-commit", times: 1 });
      const allocator = test.createAllocator(
        {
          signatureVersion,
          credentials: {
            accessKeyId: "polycloud-test-key-id",
            accessKeySecret: TEST_ACCESS_KEY_SECRET,
            securityToken: TEST_SECURITY_TOKEN,
          },
        },
        { logger },
      );
      const result = await allocator.allocate(
        { location: { region: TEST_REGION }, instanceId: test.nextInstanceId() },
        { hooks: events.hooks },
      );
      const secrets = [TEST_ACCESS_KEY_SECRET, TEST_SECURITY_TOKEN];
      expectNoSecrets({ result, events, logged }, secrets, "result, hook events and log entries");
      expect(logged.length).toBeGreaterThan(0);
    },
  );
});
