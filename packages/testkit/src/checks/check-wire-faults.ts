import { randomUUID } from "node:crypto";
import { AllocationResultSchema, type AllocateRequestInput, type AllocationResult } from "@polycloud/core";
import { expect } from "vitest";
import { collectHookEvents } from "../collect-hook-events.js";
import type { ConformanceSubject } from "../conformance-subject.js";
import type { WireFault } from "../create-fault-injecting-dispatcher.js";
import type { Outcome } from "./capture-outcome.js";
import { expectNoProblems, listSchemaProblems } from "./expect-no-problems.js";
import { describeThrown } from "./expect-typed-error.js";
import { matchAllocateRequests, observeAllocateRequests, runWithWireFaults } from "./run-with-wire-faults.js";

const RETRY_AFTER_MS = 1_000;
/** Timers may fire a little early; a retry sent this much before the hint ran out still waited for it. */
const TIMER_SLACK_MS = 25;
/** What a proxy or gateway sends instead of the provider's JSON envelope. */
const RATE_LIMIT_PAGE =
  "<!DOCTYPE html><html><head><title>429 Too Many Requests</title></head><body><h1>429 Too Many Requests</h1><hr><center>nginx</center></body></html>";

/** `lost-answer-allocates-once`: the far side allocated but the answer never came back; a blind retry would bill twice. */
export async function checkLostAnswerAllocatesOnce(subject: ConformanceSubject): Promise<void> {
  for (const keyed of [true, false]) await expectOneAllocationDespite(subject, { kind: "lose-answer" }, keyed);
}

/** `reset-before-processing-succeeds`: nothing was processed, so after looking the outcome up the adapter must allocate. */
export async function checkResetBeforeProcessingSucceeds(subject: ConformanceSubject): Promise<void> {
  for (const keyed of [true, false]) await expectOneAllocationDespite(subject, { kind: "reset-before" }, keyed);
}

/** Allocates (with a fresh idempotency key or without one) while `fault` hits the first allocate request. */
async function expectOneAllocationDespite(
  subject: ConformanceSubject,
  fault: WireFault,
  keyed: boolean,
): Promise<void> {
  const valid = subject.validRequest();
  const request: AllocateRequestInput = keyed
    ? { ...valid, idempotencyKey: `polycloud-conformance-${randomUUID()}` }
    : valid;
  const what = `allocate ${keyed ? "with" : "without"} an idempotencyKey whose allocate request meets ${fault.kind}`;
  const call = await runWithWireFaults(
    subject,
    [{ match: matchAllocateRequests(subject), fault }],
    () => subject.allocator.allocate(request),
    what,
  );
  expect(call.fired, `${what}: the fault fired (isAllocateRequest matched an allocate request)`).toBe(1);
  const result = expectFulfilled(call.outcome, what);
  expectNoProblems(listSchemaProblems(AllocationResultSchema, result), `${what}: result vs AllocationResultSchema`);
  expect(result.ips, `${what}: one IP per requested count`).toHaveLength(request.count ?? 1);
  expect(call.grown, `${what}: live allocations on the far side grew by exactly the IPs returned`).toBe(
    result.ips.length,
  );
}

/** `rate-limit-hint-is-honoured`: a 429 from a proxy (HTML, no envelope) with `Retry-After: 1` is waited out, then retried. */
export async function checkRateLimitHintIsHonoured(subject: ConformanceSubject): Promise<void> {
  const events = collectHookEvents();
  const sentAt: number[] = [];
  const throttled: WireFault = {
    kind: "respond",
    status: 429,
    headers: { "retry-after": String(RETRY_AFTER_MS / 1000), "content-type": "text/html; charset=utf-8" },
    body: RATE_LIMIT_PAGE,
  };
  const what = "allocate whose first allocate request is answered 429 with Retry-After: 1 and an HTML page";
  const rules = [
    observeAllocateRequests(subject, () => sentAt.push(performance.now())),
    { match: matchAllocateRequests(subject), fault: throttled },
  ];
  const call = await runWithWireFaults(
    subject,
    rules,
    () => subject.allocator.allocate(subject.validRequest(), { hooks: events.hooks }),
    what,
  );
  expect(call.fired, `${what}: the 429 was sent (isAllocateRequest matched an allocate request)`).toBe(1);
  const result = expectFulfilled(call.outcome, what);
  const retries = events.retries.map((event) => ({ code: event.error.code, delayMs: event.delayMs }));
  const rateLimited = retries.filter((retry) => retry.code === "RATE_LIMITED");
  expect(
    rateLimited.length,
    `${what}: one hooks.onRetry event with error.code RATE_LIMITED (retry events: ${JSON.stringify(retries)})`,
  ).toBe(1);
  expect(
    rateLimited[0]?.delayMs,
    `${what}: the retry waits the Retry-After hint, not a shorter backoff`,
  ).toBeGreaterThanOrEqual(RETRY_AFTER_MS);
  const [throttledAt = 0, retriedAt] = sentAt;
  if (retriedAt === undefined)
    throw new Error(`${what}: resolved without sending the allocate request again after the 429`);
  expect(
    retriedAt - throttledAt,
    `${what}: milliseconds between the 429 and the next allocate request (wall time)`,
  ).toBeGreaterThanOrEqual(RETRY_AFTER_MS - TIMER_SLACK_MS);
  expect(call.grown, `${what}: live allocations on the far side grew by exactly the IPs returned`).toBe(
    result.ips.length,
  );
}

function expectFulfilled(outcome: Outcome<AllocationResult>, what: string): AllocationResult {
  if (outcome.status === "rejected") throw new Error(`${what}: rejected with ${describeThrown(outcome.error)}`);
  return outcome.value;
}
