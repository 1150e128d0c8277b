import type { IpAllocatorErrorCode } from "@polycloud/core";
import type { FaultProvider, FaultRule } from "@polycloud/emulator";

/**
 * Per-attempt timeout where a fault makes the provider hang or dawdle. undici arms response-header timeouts
 * on its coarse timer wheel (~0.5 s ticks), so 100 ms really gives up after 0.5–1 s.
 */
export const SHORT_ATTEMPT_TIMEOUT_MS = 100;

/** Per-attempt timeout elsewhere: never reached on loopback, even on a loaded machine, so it cannot flake. */
export const LONG_ATTEMPT_TIMEOUT_MS = 5_000;

/** An answer held back this long arrives after any 100 ms attempt timeout has fired, coarse timers included. */
const TOO_LATE_MS = 1_200;

/** One kind of trouble the emulator makes, and what a caller may see because of it. */
export interface FaultScenario {
  name: string;
  /** Rules for one provider; they apply to every action (reads and reconciliation lookups too). */
  rules(provider: FaultProvider): FaultRule[];
  /** Codes a failed allocate may end with; anything else is a wrong category. */
  allowedCodes: readonly IpAllocatorErrorCode[];
  attemptTimeoutMs: number;
  /** Every third call also gets this whole-call deadline (`options.timeoutMs`), to exercise giving up mid-call. */
  callDeadlineMs?: number;
  /** Use wrong credentials instead of fault rules. */
  badCredentials?: boolean;
  /** `reconcile.retryWhenAbsent` (default true: allocate again with the same key when the read-back found nothing). */
  retryWhenAbsent?: boolean;
  /** Run against this adapter only. */
  onlyFor?: "alibaba-ecs" | "zenlayer-eip";
}

/** Both providers' 503 answer; `server-error` alone gives their 500. */
const UNAVAILABLE_CODE: Readonly<Record<string, string>> = {
  alibaba: "ServiceUnavailable",
  zenlayer: "SERVICE_TEMPORARY_UNAVAILABLE",
  aws: "Unavailable",
};

/** A rule list where one kind fires with `probability` on every action of the provider. */
function everyAction(
  kind: FaultRule["kind"],
  probability: number,
  extra: Partial<FaultRule> = {},
): FaultScenario["rules"] {
  return (provider) => [{ provider, kind, probability, ...extra }];
}

const MIXED_KINDS = [
  "throttle",
  "server-error",
  "reset-before",
  "reset-after-commit",
  "hang",
  "malformed-json",
  "wrong-content-type",
] as const;

/** Every fault mixed at once: what a bad day looks like. */
function everyKind(provider: FaultProvider): FaultRule[] {
  return MIXED_KINDS.map((kind) => ({ provider, kind, probability: 0.05 }));
}

const MIXED_CODES: readonly IpAllocatorErrorCode[] = [
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
  "NETWORK",
  "TIMEOUT",
  "OUTCOME_UNKNOWN",
];

/**
 * Every scenario the issue lists, plus all of them mixed (also with Zenlayer's re-allocation turned off). A lost or
 * unreadable answer must end in success (reconciled) or OUTCOME_UNKNOWN; reads giving up may add their own code.
 */
export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  // OUTCOME_UNKNOWN: a committed ModifyInstanceNetworkSpec whose read-backs stay throttled cannot say what happened.
  {
    name: "throttle",
    rules: everyAction("throttle", 0.45),
    allowedCodes: ["RATE_LIMITED", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  {
    name: "5xx",
    rules: (provider) => [
      { provider, kind: "server-error", probability: 0.2 },
      {
        provider,
        kind: "server-error",
        probability: 0.2,
        code: UNAVAILABLE_CODE[provider] ?? "ServiceUnavailable",
        httpStatus: 503,
      },
    ],
    allowedCodes: ["INTERNAL", "UNAVAILABLE", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  {
    name: "reset-before",
    rules: everyAction("reset-before", 0.35),
    allowedCodes: ["NETWORK", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  {
    name: "reset-after-commit",
    rules: everyAction("reset-after-commit", 0.35),
    allowedCodes: ["NETWORK", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  {
    name: "hang",
    rules: everyAction("hang", 0.15),
    allowedCodes: ["TIMEOUT", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: SHORT_ATTEMPT_TIMEOUT_MS,
    callDeadlineMs: 300,
  },
  {
    name: "slow",
    // One answer late but inside the attempt timeout (must be waited for), one after it (processed, then lost).
    rules: (provider) => [
      { provider, kind: "slow", probability: 0.25, delayMs: SHORT_ATTEMPT_TIMEOUT_MS / 2 },
      { provider, kind: "slow", probability: 0.1, delayMs: TOO_LATE_MS },
    ],
    allowedCodes: ["TIMEOUT", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: SHORT_ATTEMPT_TIMEOUT_MS,
    callDeadlineMs: 300,
  },
  {
    name: "malformed-json",
    rules: everyAction("malformed-json", 0.35),
    allowedCodes: ["INTERNAL", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  {
    name: "wrong-content-type",
    rules: everyAction("wrong-content-type", 0.35),
    allowedCodes: ["INTERNAL", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  // An hour off: outside both providers' windows (Alibaba 15 min, Zenlayer 5 min).
  // OUTCOME_UNKNOWN: a skewed read-back after a committed ModifyInstanceNetworkSpec cannot say what happened.
  {
    name: "clock-skew",
    rules: everyAction("clock-skew", 0.3, { skewSeconds: 3_600 }),
    allowedCodes: ["UNAUTHENTICATED", "OUTCOME_UNKNOWN"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
  },
  {
    name: "bad-credentials",
    rules: () => [],
    allowedCodes: ["UNAUTHENTICATED"],
    attemptTimeoutMs: LONG_ATTEMPT_TIMEOUT_MS,
    badCredentials: true,
  },
  { name: "mixed", rules: everyKind, allowedCodes: MIXED_CODES, attemptTimeoutMs: SHORT_ATTEMPT_TIMEOUT_MS },
  {
    name: "mixed, retryWhenAbsent off",
    rules: everyKind,
    allowedCodes: MIXED_CODES,
    attemptTimeoutMs: SHORT_ATTEMPT_TIMEOUT_MS,
    retryWhenAbsent: false,
    onlyFor: "zenlayer-eip",
  },
];

/** The scenarios that apply to `adapter`. */
export function listScenariosFor(adapter: string): FaultScenario[] {
  return FAULT_SCENARIOS.filter((scenario) => scenario.onlyFor === undefined || scenario.onlyFor === adapter);
}

/** Per-call options of call `index`: every third call of a scenario with a deadline gets it. */
export function buildCallOptions(scenario: FaultScenario, index: number): { timeoutMs?: number } {
  return scenario.callDeadlineMs !== undefined && index % 3 === 2 ? { timeoutMs: scenario.callDeadlineMs } : {};
}
