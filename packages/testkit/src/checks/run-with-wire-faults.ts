import type { ConformanceSubject } from "../conformance-subject.js";
import type { WireFaultRule, WireRequest } from "../create-fault-injecting-dispatcher.js";
import { captureOutcome, settleWithin, type Outcome } from "./capture-outcome.js";

/**
 * How long one call may take while the wire misbehaves: a read-back over a lagging listing, a one-second
 * Retry-After, compensating releases. Far above what a conforming adapter needs, below the kit's per-check timeout.
 */
export const FAULTED_CALL_LIMIT_MS = 20_000;

/** What a call made while wire faults were in place, and what it changed on the far side. */
export interface FaultedCall<T> {
  outcome: Outcome<T>;
  /** `countLiveAllocations()` after the call minus before it. */
  grown: number;
  /** Faults fired during the call. */
  fired: number;
}

/**
 * Runs `call` with `rules` injected in the subject's dispatcher (and nothing else: earlier rules are cleared
 * first, every rule afterwards), bounded by {@link FAULTED_CALL_LIMIT_MS}; `what` names the call in failures.
 */
export async function runWithWireFaults<T>(
  subject: ConformanceSubject,
  rules: readonly WireFaultRule[],
  call: () => Promise<T>,
  what: string,
): Promise<FaultedCall<T>> {
  const { faults } = subject;
  faults.clear();
  const before = await subject.countLiveAllocations();
  const firedBefore = faults.fired;
  for (const rule of rules) faults.inject(rule);
  let outcome: Outcome<T>;
  try {
    outcome = await settleWithin(captureOutcome(Promise.resolve().then(call)), FAULTED_CALL_LIMIT_MS, what);
  } finally {
    faults.clear();
  }
  const fired = faults.fired - firedBefore;
  return { outcome, grown: (await subject.countLiveAllocations()) - before, fired };
}

/** A rule matching the subject's allocate requests (called through the subject, so a method keeps its `this`). */
export function matchAllocateRequests(subject: ConformanceSubject): (request: WireRequest) => boolean {
  return (request) => subject.isAllocateRequest(request);
}

/**
 * A rule that never fires and calls `observe` for each allocate request going out: checks use it to know when
 * the mutation left, and when, without depending on any provider's wire format.
 */
export function observeAllocateRequests(
  subject: ConformanceSubject,
  observe: (request: WireRequest) => void,
): WireFaultRule {
  return {
    match: (request) => {
      if (subject.isAllocateRequest(request)) observe(request);
      return false;
    },
    fault: { kind: "reset-before" },
  };
}
