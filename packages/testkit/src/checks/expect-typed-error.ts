import { IpAllocatorError, type IpAllocatorErrorCode } from "@polycloud/core";
import { captureOutcome, type Outcome } from "./capture-outcome.js";

/** What was thrown, in one line, for failure messages. */
export function describeThrown(thrown: unknown): string {
  if (IpAllocatorError.isInstance(thrown)) return `IpAllocatorError ${thrown.code}: ${thrown.message}`;
  if (thrown instanceof Error) return `${thrown.name} (not an IpAllocatorError): ${thrown.message}`;
  return `${String(thrown)} (not an IpAllocatorError)`;
}

/**
 * Why `outcome` is not a rejection with one of `codes` from `provider`, or undefined when it is.
 * Multi-case checks collect these so one failure lists every bad case.
 */
export function findRejectionProblem(
  outcome: Outcome<unknown>,
  codes: readonly IpAllocatorErrorCode[],
  provider: string,
): string | undefined {
  if (outcome.status === "fulfilled") return `resolved instead of rejecting ${codes.join(" or ")}`;
  const { error } = outcome;
  if (!IpAllocatorError.isInstance(error)) return `rejected with ${describeThrown(error)}`;
  if (!codes.includes(error.code)) return `rejected ${error.code} instead of ${codes.join(" or ")} (${error.message})`;
  if (error.provider !== provider) return `rejected with provider "${error.provider}" instead of "${provider}"`;
  if (error.code === "INVALID_ARGUMENT" && error.issues.length === 0)
    return "rejected INVALID_ARGUMENT without naming a field (issues is empty)";
  return undefined;
}

/** Awaits `promise`, failing unless it rejects with one of `codes`; returns the error for further checks. */
export async function expectTypedRejection(
  promise: Promise<unknown>,
  codes: readonly IpAllocatorErrorCode[],
  provider: string,
  what: string,
): Promise<IpAllocatorError> {
  return expectTypedOutcome(await captureOutcome(promise), codes, provider, what);
}

/** Fails unless `outcome` is a rejection with one of `codes`; returns the error. */
export function expectTypedOutcome(
  outcome: Outcome<unknown>,
  codes: readonly IpAllocatorErrorCode[],
  provider: string,
  what: string,
): IpAllocatorError {
  const problem = findRejectionProblem(outcome, codes, provider);
  if (problem !== undefined || outcome.status === "fulfilled") throw new Error(`${what}: ${problem}`);
  return outcome.error as IpAllocatorError;
}
