import { IpAllocatorError, allocateUntilReady, type AllocationResult, type IpAllocator } from "@polycloud/core";
import type { ConformanceSubject } from "../conformance-subject.js";
import { captureOutcome, type Outcome } from "./capture-outcome.js";
import { CONFORMANCE_WAIT_OPTIONS } from "./check-allocation-lifecycle.js";
import { expectNoProblems } from "./expect-no-problems.js";
import { describeThrown } from "./expect-typed-error.js";
import { observeAllocateRequests, runWithWireFaults } from "./run-with-wire-faults.js";

const WHAT = "allocateUntilReady aborted as the allocate answer arrived";

/**
 * `failed-step-after-allocation-leaves-nothing`: the caller gives up right after the provider allocated (the
 * abort comes from `hooks.onResponse` of the allocate request). Whatever step notices it, nothing may stay
 * billed unnamed: the error names every id the call allocated, and what allocateUntilReady got from allocate
 * is released.
 */
export async function checkFailedStepAfterAllocationLeavesNothing(subject: ConformanceSubject): Promise<void> {
  const controller = new AbortController();
  let allocateSent = false;
  const onResponse = ({ operation }: { operation: string }) => {
    if (allocateSent && operation === "allocate") controller.abort();
  };
  const observed = observeAllocate(subject.allocator);
  const call = await runWithWireFaults(
    subject,
    [observeAllocateRequests(subject, () => (allocateSent = true))],
    () =>
      allocateUntilReady(observed.allocator, subject.validRequest(), {
        ...CONFORMANCE_WAIT_OPTIONS,
        signal: controller.signal,
        hooks: { onResponse },
      }),
    WHAT,
  );
  if (!allocateSent)
    throw new Error(`${WHAT}: isAllocateRequest matched no request, so the check could not abort after the allocation`);
  if (!controller.signal.aborted)
    throw new Error(`${WHAT}: hooks.onResponse was not called for the allocate answer, so the call was never aborted`);
  const error = expectRejection(call.outcome);
  const allocatedIds = readIds(error, "allocatedIds");
  const keptIds = readIds(error, "keptIds");
  const problems = allocatedIds
    .filter((id) => !error.message.includes(id))
    .map((id) => `${id} is in details.allocatedIds but not in the message`);
  const returned = observed.result()?.ips.map((ip) => ip.id) ?? [];
  for (const id of returned.filter((id) => !allocatedIds.includes(id)))
    problems.push(`allocate returned ${id}, but details.allocatedIds does not name it`);
  const named = new Set([...allocatedIds, ...keptIds]);
  if (call.grown > named.size)
    problems.push(
      `${call.grown} allocation(s) stayed live while the error names ${named.size} (allocatedIds ${JSON.stringify(allocatedIds)}, keptIds ${JSON.stringify(keptIds)}): a caller cannot release what it is not told about`,
    );
  else if (returned.length > 0 && call.grown > 0)
    problems.push(
      `${call.grown} allocation(s) stayed live after allocateUntilReady released what allocate returned (keptIds ${JSON.stringify(keptIds)}): release() resolved or failed without giving them back`,
    );
  // Released means gone from the far side: describe says so, or no longer finds it.
  for (const id of returned) {
    const described = await captureOutcome(
      subject.allocator.describe(id, { timeoutMs: CONFORMANCE_WAIT_OPTIONS.timeoutMs }),
    );
    const state = described.status === "fulfilled" ? described.value.ip.state : undefined;
    if (described.status === "rejected" && !IpAllocatorError.hasCode(described.error, "NOT_FOUND"))
      problems.push(
        `describe("${id}") after the release rejected with ${describeThrown(described.error)} instead of NOT_FOUND`,
      );
    if (state !== undefined && state !== "released" && state !== "releasing")
      problems.push(`describe("${id}") after the release answers state "${state}" instead of released/releasing`);
  }
  expectNoProblems(problems, `${WHAT} (${describeThrown(error)})`);
}

function expectRejection(outcome: Outcome<AllocationResult>): IpAllocatorError {
  if (outcome.status === "fulfilled")
    throw new Error(
      `${WHAT}: resolved with ${outcome.value.ips.map((ip) => ip.id).join(", ")} instead of rejecting (the caller had aborted)`,
    );
  if (!IpAllocatorError.isInstance(outcome.error))
    throw new Error(`${WHAT}: rejected with ${describeThrown(outcome.error)}`);
  return outcome.error;
}

/** `details[name]`: absent means none; anything but an array of strings is a malformed error. */
function readIds(error: IpAllocatorError, name: "allocatedIds" | "keptIds"): string[] {
  const value = error.details[name];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string"))
    throw new Error(`${WHAT}: details.${name} must be an array of id strings, got ${JSON.stringify(value)}`);
  return value;
}

/** The allocator with its `allocate` result recorded, so the check knows what allocateUntilReady had to release. */
function observeAllocate(allocator: IpAllocator): { allocator: IpAllocator; result(): AllocationResult | undefined } {
  let result: AllocationResult | undefined;
  const observed: IpAllocator = {
    provider: allocator.provider,
    capabilities: allocator.capabilities,
    allocate: async (request, options) => (result = await allocator.allocate(request, options)),
    describe: (id, options) => allocator.describe(id, options),
    release: (id, options) => allocator.release(id, options),
    waitUntilReady: (id, options) => allocator.waitUntilReady(id, options),
    close: () => allocator.close(),
  };
  return { allocator: observed, result: () => result };
}
