import { IpAllocatorError, allocateUntilReady, type AllocationResult, type IpAllocator } from "@polycloud/core";
import type { AllocateFault, ConvergenceSubject } from "./convergence-subjects.js";
import { settle, type Settled } from "./record-failure.js";
import { runWithConcurrency } from "./run-with-concurrency.js";

/** What one convergence scenario did, and every promise it saw broken. */
export interface ConvergenceTally {
  adapter: string;
  scenario: string;
  calls: number;
  successes: number;
  reconciled: number;
  outcomeUnknown: number;
  /** Definite failures (nothing left allocated unnamed), by code. */
  failures: Record<string, number>;
  /** Callers sharing a key that got different IPs, plus IPs held beyond what the calls asked for. */
  duplicates: number;
  /** IPs the provider holds that no success returned and no error named. */
  orphans: number;
  /** Ids failed calls named in `details.allocatedIds`. */
  named: number;
  faultsFired: number;
  problems: string[];
}

/** A scenario: faults on the allocate mutation (the provider stays readable), how callers share keys, and an optional failing later step. */
export interface ConvergenceScenario {
  name: string;
  faults: ReadonlyArray<readonly [AllocateFault, number]>;
  /** Callers per idempotency key, each with its own allocator (another process); 1 = every call alone. */
  callersPerKey: number;
  /** Calls use a caller key (true) or none (false: a key is generated per call). */
  withKey: boolean;
  /** The step after allocation fails: the call is cancelled as soon as the provider answered the allocation. */
  failAfterAllocation?: boolean;
}

/** Runs `groups` groups of callers against `subject` and checks the outcome against what the provider holds. */
export async function runConvergenceScenario(
  subject: ConvergenceSubject,
  scenario: ConvergenceScenario,
  groups: number,
): Promise<ConvergenceTally> {
  const tally: ConvergenceTally = {
    adapter: subject.adapter,
    scenario: scenario.name,
    calls: 0,
    successes: 0,
    reconciled: 0,
    outcomeUnknown: 0,
    failures: {},
    duplicates: 0,
    orphans: 0,
    named: 0,
    faultsFired: 0,
    problems: [],
  };
  for (const [kind, probability] of scenario.faults) subject.faultAllocate(kind, probability);
  const owned = new Set<string>();
  await runWithConcurrency(groups, 4, async (group) => {
    const key = scenario.withKey ? `convergence-${scenario.name.replace(/\W+/g, "-")}-${group}` : undefined;
    const request = subject.request(group, key);
    const outcomes = await Promise.all(
      Array.from({ length: scenario.callersPerKey }, () => callOnce(subject.createAllocator(), request, scenario)),
    );
    const returned = new Set<string>();
    for (const outcome of outcomes) {
      tally.calls += 1;
      if (outcome.result !== undefined) {
        tally.successes += 1;
        if (outcome.result.reconciled) tally.reconciled += 1;
        const ids = outcome.result.ips.map((ip) => ip.id).sort();
        if (ids.length !== request.count)
          tally.problems.push(`group ${group}: ${ids.length} IPs for a request of ${request.count}`);
        returned.add(ids.join(","));
        for (const id of ids) owned.add(id);
        continue;
      }
      const error = IpAllocatorError.isInstance(outcome.error) ? outcome.error : undefined;
      if (error === undefined) {
        tally.problems.push(`group ${group}: untyped rejection ${String(outcome.error)}`);
        continue;
      }
      if (error.code === "OUTCOME_UNKNOWN") tally.outcomeUnknown += 1;
      else tally.failures[error.code] = (tally.failures[error.code] ?? 0) + 1;
      const named = error.details.allocatedIds;
      if (Array.isArray(named)) {
        tally.named += named.length;
        for (const id of named)
          if (typeof id === "string" && !(error.details.releasedIds as unknown[] | undefined)?.includes(id))
            owned.add(id);
      }
    }
    // Every caller with one key converges on the same IPs.
    if (returned.size > 1) {
      tally.duplicates += returned.size - 1;
      tally.problems.push(`group ${group}: callers sharing key ${key} got different IPs: ${[...returned].join(" | ")}`);
    }
  });
  const live = subject.liveIds();
  for (const id of live) {
    if (owned.has(id)) continue;
    tally.orphans += 1;
    tally.problems.push(`${id} is held by the provider, yet no call returned or named it`);
  }
  if (live.length > owned.size) tally.duplicates += live.length - owned.size;
  tally.faultsFired = subject.faultsFired();
  return tally;
}

function callOnce(
  allocator: IpAllocator,
  request: ReturnType<ConvergenceSubject["request"]>,
  scenario: ConvergenceScenario,
): Promise<Settled<AllocationResult>> {
  if (!scenario.failAfterAllocation) return settle(allocator.allocate(request));
  // Cancelled right after the provider answered the allocation: the call must give back (or name) what it got.
  const controller = new AbortController();
  const hooks = {
    onResponse: (event: { operation: string; status: number }) =>
      event.operation === "allocate" && event.status === 200 && controller.abort(),
  };
  return settle(allocateUntilReady(allocator, request, { signal: controller.signal, hooks, pollIntervalMs: 10 }));
}
