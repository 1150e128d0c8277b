import { setTimeout as delay } from "node:timers/promises";
import { expect } from "vitest";
import type { ConformanceSubject } from "../conformance-subject.js";
import { captureOutcome, settleWithin, waitUntil } from "./capture-outcome.js";
import { allocateOneId } from "./check-allocation-lifecycle.js";
import { describeThrown, expectTypedOutcome, expectTypedRejection } from "./expect-typed-error.js";

/** How long an aborted or timed-out call may take to settle: generous for CI, far below "hangs forever". */
const PROMPT_SETTLE_MS = 2_000;
/** How long to wait for the hanging request to be dispatched before aborting anyway. */
const REQUEST_SENT_LIMIT_MS = 1_000;
/** Dispatched is not yet received: give the far side time to take the request (and consume the hang). */
const IN_FLIGHT_GRACE_MS = 100;
const DESCRIBE_TIMEOUT_MS = 200;

/** `abort-cancels-hanging-describe`. */
export async function checkAbortCancelsHangingDescribe(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const id = await allocateOneId(subject);
  await expectTypedRejection(
    allocator.describe(id, { signal: AbortSignal.abort() }),
    ["CANCELLED"],
    allocator.provider,
    "describe with an already aborted signal",
  );
  await subject.hangNext("describe");
  const controller = new AbortController();
  const requestsBefore = subject.countRequests();
  let settled = false;
  const pending = captureOutcome(allocator.describe(id, { signal: controller.signal })).finally(() => {
    settled = true;
  });
  // Abort while the request is in flight on the far side, which is the case users hit.
  await waitUntil(() => settled || subject.countRequests() > requestsBefore, REQUEST_SENT_LIMIT_MS);
  if (!settled) await delay(IN_FLIGHT_GRACE_MS);
  controller.abort();
  const outcome = await settleWithin(pending, PROMPT_SETTLE_MS, "describe after abort()");
  expectTypedOutcome(outcome, ["CANCELLED"], allocator.provider, "describe aborted while the far side hangs");
  await expectUsableAfterwards(subject, id);
}

/** `timeout-ends-hanging-describe`. */
export async function checkTimeoutEndsHangingDescribe(subject: ConformanceSubject): Promise<void> {
  const { allocator } = subject;
  const id = await allocateOneId(subject);
  await subject.hangNext("describe");
  const pending = captureOutcome(allocator.describe(id, { timeoutMs: DESCRIBE_TIMEOUT_MS }));
  const outcome = await settleWithin(
    pending,
    DESCRIBE_TIMEOUT_MS + PROMPT_SETTLE_MS,
    `describe with timeoutMs ${DESCRIBE_TIMEOUT_MS}`,
  );
  expectTypedOutcome(outcome, ["TIMEOUT"], allocator.provider, "describe past its timeoutMs while the far side hangs");
  await expectUsableAfterwards(subject, id);
}

/** An abandoned request must not poison the allocator (a stuck connection, a stale signal). */
async function expectUsableAfterwards(subject: ConformanceSubject, id: string): Promise<void> {
  const outcome = await captureOutcome(subject.allocator.describe(id, { timeoutMs: PROMPT_SETTLE_MS }));
  if (outcome.status === "rejected")
    throw new Error(`describe fails after the abandoned request: ${describeThrown(outcome.error)}`);
  expect(outcome.value.ip.id, "describe works again after the abandoned request").toBe(id);
}
