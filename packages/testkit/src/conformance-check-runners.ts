import type { ConformanceCheck } from "./conformance-checks.js";
import type { ConformanceSubject } from "./conformance-subject.js";
import {
  checkAllocateReturnsValidResult,
  checkCloseIsIdempotent,
  checkDescribeFindsAllocation,
  checkReleaseOrUnsupported,
  checkWaitUntilReadySettles,
} from "./checks/check-allocation-lifecycle.js";
import { checkCapabilitiesAreWellFormed } from "./checks/check-capabilities.js";
import { checkAbortCancelsHangingDescribe, checkTimeoutEndsHangingDescribe } from "./checks/check-cancellation.js";
import { checkBadCredentialsRejectedWithoutSecrets } from "./checks/check-credentials.js";
import { checkFailedStepAfterAllocationLeavesNothing } from "./checks/check-failed-step-after-allocation.js";
import { checkIdempotencyKeyAllocatesOnce } from "./checks/check-idempotency.js";
import {
  checkRejectsEmptyId,
  checkRejectsInvalidAllocateRequest,
  checkRejectsUnknownIdWithTypedError,
} from "./checks/check-input-validation.js";
import { checkSharedKeyConvergesOnOne } from "./checks/check-shared-key-convergence.js";
import {
  checkLostAnswerAllocatesOnce,
  checkRateLimitHintIsHonoured,
  checkResetBeforeProcessingSucceeds,
} from "./checks/check-wire-faults.js";

/** Runs one check against a subject; throws (a vitest assertion error) when the adapter does not conform. */
export type ConformanceCheckRunner = (subject: ConformanceSubject) => Promise<void>;

/** The implementation of every check, by id. Internal: the kit's own tests call runners directly. */
export const CONFORMANCE_CHECK_RUNNERS: Readonly<Record<ConformanceCheck, ConformanceCheckRunner>> = {
  "capabilities-are-well-formed": checkCapabilitiesAreWellFormed,
  "allocate-returns-valid-result": checkAllocateReturnsValidResult,
  "describe-finds-allocation": checkDescribeFindsAllocation,
  "wait-until-ready-settles": checkWaitUntilReadySettles,
  "release-or-unsupported": checkReleaseOrUnsupported,
  "rejects-invalid-allocate-request": checkRejectsInvalidAllocateRequest,
  "rejects-empty-id": checkRejectsEmptyId,
  "rejects-unknown-id-with-typed-error": checkRejectsUnknownIdWithTypedError,
  "abort-cancels-hanging-describe": checkAbortCancelsHangingDescribe,
  "timeout-ends-hanging-describe": checkTimeoutEndsHangingDescribe,
  "idempotency-key-allocates-once": checkIdempotencyKeyAllocatesOnce,
  "bad-credentials-rejected-without-secrets": checkBadCredentialsRejectedWithoutSecrets,
  "close-is-idempotent": checkCloseIsIdempotent,
  "lost-answer-allocates-once": checkLostAnswerAllocatesOnce,
  "reset-before-processing-succeeds": checkResetBeforeProcessingSucceeds,
  "rate-limit-hint-is-honoured": checkRateLimitHintIsHonoured,
  "failed-step-after-allocation-leaves-nothing": checkFailedStepAfterAllocationLeavesNothing,
  "shared-key-converges-on-one": checkSharedKeyConvergesOnOne,
};

/**
 * Sets up a fresh subject, runs one check and always tears the subject down. A teardown failure is reported
 * only when the check itself passed, so it never hides the real failure.
 */
export async function runConformanceCheck(
  check: ConformanceCheck,
  setup: () => Promise<ConformanceSubject>,
): Promise<void> {
  const subject = await setup();
  let checkFailure: { error: unknown } | undefined;
  try {
    await CONFORMANCE_CHECK_RUNNERS[check](subject);
  } catch (error) {
    checkFailure = { error };
  }
  try {
    await subject.teardown();
  } catch (error) {
    if (checkFailure === undefined) throw error;
  }
  if (checkFailure !== undefined) throw checkFailure.error;
}
