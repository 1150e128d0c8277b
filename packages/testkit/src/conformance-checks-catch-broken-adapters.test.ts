import { describe, expect, it } from "vitest";
import { createTaggingCloudSubject } from "./__fixtures__/create-tagging-cloud-subject.js";
import type { TaggingCloudBreakage } from "./__fixtures__/tagging-cloud-allocator.js";
import { runConformanceCheck } from "./conformance-check-runners.js";
import type { ConformanceCheck } from "./conformance-checks.js";

const LIFECYCLE_CHECKS: readonly ConformanceCheck[] = [
  "lost-answer-allocates-once",
  "reset-before-processing-succeeds",
  "rate-limit-hint-is-honoured",
  "failed-step-after-allocation-leaves-nothing",
  "shared-key-converges-on-one",
];

// Each way a real adapter breaks its lifecycle must fail the check that covers it, with a failure naming the cause.
const BROKEN: ReadonlyArray<[keyof TaggingCloudBreakage, ConformanceCheck, RegExp]> = [
  [
    "retryBlindly",
    "lost-answer-allocates-once",
    /with an idempotencyKey whose allocate request meets lose-answer: live allocations on the far side grew by exactly the IPs returned/,
  ],
  [
    "ignoreKey",
    "lost-answer-allocates-once",
    /meets lose-answer: live allocations on the far side grew by exactly the IPs returned/,
  ],
  ["noRetries", "reset-before-processing-succeeds", /meets reset-before: rejected with IpAllocatorError NETWORK/],
  ["ignoreRetryAfter", "rate-limit-hint-is-honoured", /the retry waits the Retry-After hint, not a shorter backoff/],
  [
    "noRetries",
    "rate-limit-hint-is-honoured",
    /rejected with IpAllocatorError RATE_LIMITED: Tagging cloud AllocateIps answered HTTP 429/,
  ],
  [
    "releaseIsNoop",
    "failed-step-after-allocation-leaves-nothing",
    /1 allocation\(s\) stayed live after allocateUntilReady released what allocate returned/,
  ],
  [
    "releaseIsNoop",
    "shared-key-converges-on-one",
    /live allocations on the far side after 4 peers allocated 1 IP\(s\) with one idempotencyKey/,
  ],
  ["ignoreKey", "shared-key-converges-on-one", /the peers got different IPs/],
  ["retryBlindly", "shared-key-converges-on-one", /the peers got different IPs/],
];

describe("lifecycle conformance checks", () => {
  it.each(LIFECYCLE_CHECKS)("%s passes on a correct adapter built on core's lifecycle engine", async (check) => {
    await runConformanceCheck(check, () => createTaggingCloudSubject());
  });

  it.each(BROKEN)("%s fails %s", async (breakage, check, failure) => {
    await expect(runConformanceCheck(check, () => createTaggingCloudSubject({ [breakage]: true }))).rejects.toThrow(
      failure,
    );
  });

  it.each(["lost-answer-allocates-once", "failed-step-after-allocation-leaves-nothing"] as const)(
    "%s fails, not passes vacuously, when isAllocateRequest matches nothing",
    async (check) => {
      const setup = async () => ({ ...(await createTaggingCloudSubject()), isAllocateRequest: () => false });
      await expect(runConformanceCheck(check, setup)).rejects.toThrow(/isAllocateRequest matched/);
    },
  );
});
