import { IpAllocatorError } from "@polycloud/core";
import type { FaultScenario } from "./fault-scenarios.js";
import type { ScenarioTally } from "./scenario-tally.js";

/**
 * Counts a rejected allocate in `tally` and notes a problem when it is not a typed `IpAllocatorError`, or its
 * code is not one the scenario's fault can explain. Returns the typed error, or undefined for an untyped one.
 */
export function recordFailure(
  tally: ScenarioTally,
  scenario: FaultScenario,
  thrown: unknown,
  label: string,
): IpAllocatorError | undefined {
  if (!IpAllocatorError.isInstance(thrown)) {
    tally.failures["untyped"] = (tally.failures["untyped"] ?? 0) + 1;
    tally.problems.push(`${label}: rejected with an untyped ${describeThrown(thrown)}`);
    return undefined;
  }
  tally.failures[thrown.code] = (tally.failures[thrown.code] ?? 0) + 1;
  if (!scenario.allowedCodes.includes(thrown.code)) {
    tally.problems.push(
      `${label}: ${thrown.code} is not a category "${scenario.name}" can cause (${thrown.providerCode ?? "no provider code"}: ${thrown.message})`,
    );
  }
  return thrown;
}

function describeThrown(thrown: unknown): string {
  return thrown instanceof Error
    ? `${thrown.constructor.name}: ${thrown.message}`
    : `${typeof thrown}: ${String(thrown)}`;
}

/** A settled allocate call: exactly one of `result` / `error` is set. */
export type Settled<Result> = { result: Result; error?: undefined } | { result?: undefined; error: unknown };

/** Awaits `promise` without throwing, so a batch of calls can be checked after they all finished. */
export async function settle<Result>(promise: Promise<Result>): Promise<Settled<Result>> {
  try {
    return { result: await promise };
  } catch (error) {
    return { error };
  }
}
