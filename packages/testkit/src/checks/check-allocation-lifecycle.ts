import {
  AllocationResultSchema,
  DescribeResultSchema,
  IP_ALLOCATOR_ERROR_CODES,
  ReleaseResultSchema,
  type WaitOptions,
} from "@polycloud/core";
import { expect } from "vitest";
import { collectHookEvents } from "../collect-hook-events.js";
import type { ConformanceSubject } from "../conformance-subject.js";
import { expectNoSecrets } from "../expect-no-secrets.js";
import { captureOutcome } from "./capture-outcome.js";
import { expectNoProblems, listSchemaProblems } from "./expect-no-problems.js";
import { expectTypedOutcome, expectTypedRejection } from "./expect-typed-error.js";

/** Short polls keep the suite fast against emulators; the deadline only bounds a broken adapter. */
export const CONFORMANCE_WAIT_OPTIONS: WaitOptions = { timeoutMs: 15_000, pollIntervalMs: 25, maxPollIntervalMs: 250 };

/** Allocates one valid request and returns the first IP's id. */
export async function allocateOneId(subject: ConformanceSubject): Promise<string> {
  const result = await subject.allocator.allocate(subject.validRequest());
  const id = result.ips[0]?.id;
  if (id === undefined) throw new Error("allocate resolved without any IP");
  return id;
}

/** `allocate-returns-valid-result`. */
export async function checkAllocateReturnsValidResult(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const request = subject.validRequest();
  const requestsBefore = subject.countRequests();
  const events = collectHookEvents();
  const result = await allocator.allocate(request, { hooks: events.hooks });
  expectNoProblems(listSchemaProblems(AllocationResultSchema, result), "allocate result vs AllocationResultSchema");
  expect(result.ips, "one IP per requested count").toHaveLength(request.count ?? 1);
  expect(new Set(result.ips.map((ip) => ip.id)).size, "IP ids are distinct").toBe(result.ips.length);
  expect(result.provider, "result.provider is the allocator's provider name").toBe(allocator.provider);
  expect(result.metadata.attempts, "metadata.attempts").toBeGreaterThanOrEqual(1);
  if (allocator.capabilities.provisioning === "synchronous") {
    expect(
      result.ips.filter((ip) => ip.address === undefined).map((ip) => ip.id),
      "a synchronous provider returns every address",
    ).toEqual([]);
  }
  expect(subject.countRequests(), "countRequests() grows when allocate reaches the far side").toBeGreaterThan(
    requestsBefore,
  );
  expect(events.requests.length, "hooks.onRequest is called for requests sent").toBeGreaterThanOrEqual(1);
  expectNoSecrets(events, subject.secrets, "hook events of allocate");
  expectNoSecrets(result, subject.secrets, "allocate result");
}

/** `describe-finds-allocation`. */
export async function checkDescribeFindsAllocation(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const allocated = (await allocator.allocate(subject.validRequest())).ips[0];
  if (allocated === undefined) throw new Error("allocate resolved without any IP");
  const described = await allocator.describe(allocated.id);
  expectNoProblems(listSchemaProblems(DescribeResultSchema, described), "describe result vs DescribeResultSchema");
  expect(described.ip.id, "describe returns the requested id").toBe(allocated.id);
  expect(described.provider).toBe(allocator.provider);
  if (allocated.address !== undefined && described.ip.address !== undefined)
    expect(described.ip.address, "describe reports the allocated address").toBe(allocated.address);
}

/** `wait-until-ready-settles`. */
export async function checkWaitUntilReadySettles(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const id = await allocateOneId(subject);
  const outcome = await captureOutcome(allocator.waitUntilReady(id, CONFORMANCE_WAIT_OPTIONS));
  if (outcome.status === "fulfilled") {
    expectNoProblems(
      listSchemaProblems(DescribeResultSchema, outcome.value),
      "waitUntilReady result vs DescribeResultSchema",
    );
    expect(outcome.value.ip.id).toBe(id);
    expect(outcome.value.ip.state, "waitUntilReady resolves only once the IP is ready").toBe("ready");
    return;
  }
  expect(
    allocator.capabilities.provisioning,
    `waitUntilReady of a synchronous provider failed: ${String(outcome.error)}`,
  ).toBe("asynchronous");
  // A provisioning failure is a legitimate typed outcome; rejecting its own id, or the call itself, is not.
  const typedFailures = IP_ALLOCATOR_ERROR_CODES.filter(
    (code) => !["INVALID_ARGUMENT", "CANCELLED", "UNSUPPORTED"].includes(code),
  );
  expectTypedOutcome(outcome, typedFailures, allocator.provider, "waitUntilReady of an asynchronous provider");
}

/** `release-or-unsupported`. */
export async function checkReleaseOrUnsupported(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const id = await allocateOneId(subject);
  if (allocator.capabilities.release === "unsupported") {
    await expectTypedRejection(
      allocator.release(id),
      ["UNSUPPORTED"],
      allocator.provider,
      "release on a provider whose capabilities say release is unsupported",
    );
    return;
  }
  // Asynchronous providers refuse to release an IP that is still provisioning; let it settle first.
  if (allocator.capabilities.provisioning === "asynchronous")
    await captureOutcome(allocator.waitUntilReady(id, CONFORMANCE_WAIT_OPTIONS));
  const released = await allocator.release(id);
  expectNoProblems(listSchemaProblems(ReleaseResultSchema, released), "release result vs ReleaseResultSchema");
  expect(released.id).toBe(id);
  expect(released.provider).toBe(allocator.provider);
  expect(["released", "releasing"]).toContain(released.state);
}

/** `close-is-idempotent`: callers close in `finally` blocks and shutdown hooks, sometimes twice. */
export async function checkCloseIsIdempotent(subject: ConformanceSubject): Promise<void> {
  await allocateOneId(subject);
  await subject.allocator.close();
  await Promise.all([subject.allocator.close(), subject.allocator.close()]);
}
